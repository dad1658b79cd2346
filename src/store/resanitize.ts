/**
 * Text read back from the state file goes through the sanitiser again: the
 * file is outside our control (another program, a person, a bad disk), and a
 * tampered title must not reach the terminal as an escape sequence.
 *
 * Almost all stored text is already clean, and the sanitiser walks every code
 * point (about 1 s for 10 MB here), which would make a warm start slow. So a
 * single regular-expression scan first proves a string is one the sanitiser
 * would return unchanged; only strings it flags take the full pass. The test
 * checks, over random input, that both paths give identical results.
 */
import {MAX_BODY_CHARS, MAX_LINE_CHARS, sanitizeBody, sanitizeLine, type SafeText} from '../text/sanitize.js';

// Everything `clean` in sanitize.ts would change: C0 (body mode keeps LF),
// DEL, C1 (NEL included), soft hyphen, zero-width space, line/paragraph
// separators, bidi controls, word joiner, BOM, tag characters, runs of more
// than 8 combining marks, and (bodies) runs of 4+ newlines.
const BODY_SUSPECT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u200b\u2028-\u202e\u2060\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]|\p{M}{9,}|\n{4,}/u;
const LINE_SUSPECT = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b\u2028-\u202e\u2060\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]|\p{M}{9,}| {2}/u;

export function resanitizeBody(text: string): SafeText {
	if (text.length <= MAX_BODY_CHARS && !BODY_SUSPECT.test(text)) return text as SafeText;
	return sanitizeBody(text);
}

export function resanitizeLine(text: string): SafeText {
	if (text.length <= MAX_LINE_CHARS && text === text.trim() && !LINE_SUSPECT.test(text)) return text as SafeText;
	return sanitizeLine(text);
}
