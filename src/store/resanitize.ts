/**
 * Text read back from the state file goes through the sanitiser again: the
 * file is outside our control (another program, a person, a bad disk), and a
 * tampered title must not reach the terminal as an escape sequence.
 *
 * The sanitiser itself proves already-clean text clean with one scan and
 * returns it unchanged (see `needsCleaning` in sanitize.ts), so a warm start
 * over megabytes of stored text stays fast; these names remain for the store.
 */
import {sanitizeBody, sanitizeLine, type SafeText} from '../text/sanitize.js';

export function resanitizeBody(text: string): SafeText {
	return sanitizeBody(text);
}

export function resanitizeLine(text: string): SafeText {
	return sanitizeLine(text);
}
