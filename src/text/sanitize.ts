/**
 * The one sanitiser. Every string that comes from the network passes through
 * `sanitizeLine` or `sanitizeBody` before it enters the model, and the view
 * accepts only `SafeText`, so an unsanitised string does not compile where
 * the terminal would see it.
 *
 * Why placeholders rather than silent removal for controls: a reader should
 * see that a feed sent something odd (`␛[2J`), and nothing odd should run.
 */

declare const safeTextBrand: unique symbol;

/** Text that has been through the sanitiser: safe to hand to the terminal. */
export type SafeText = string & {readonly [safeTextBrand]: true};

export const MAX_LINE_CHARS = 2048;
export const MAX_BODY_CHARS = 1024 * 1024;
const MAX_COMBINING_MARKS = 8;

const ESC = 0x1b;
const DEL = 0x7f;
const NEL = 0x85;
const CANCEL_TAG = 0xe007f;
const WAVING_BLACK_FLAG = 0x1f3f4;

/** Code points that are invisible formatting with no business in a feed. */
function isInvisibleFormat(cp: number): boolean {
	return cp === 0x200b || cp === 0x2060 || cp === 0xfeff || cp === 0x00ad;
}

/** Bidi embeddings, overrides and isolates: they can make text read backwards. */
function isBidiControl(cp: number): boolean {
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

function isTag(cp: number): boolean {
	return cp >= 0xe0000 && cp <= 0xe007f;
}

const combiningMark = /^\p{M}$/u;
/** No code point below U+0300 is a combining mark, so most text never needs the regex. */
const FIRST_MARK = 0x300;

export type SanitizeMode = 'line' | 'body';

/**
 * Everything `clean` would change, as one scan: C0 controls (LF too in line
 * mode), DEL, C1 (NEL included), soft hyphen, zero-width space, line and
 * paragraph separators, bidi controls, word joiner, BOM, tag characters, and
 * runs of more than MAX_COMBINING_MARKS marks. Text with none of these comes
 * out of `clean` as it went in, so it skips the per-code-point walk: almost
 * all feed text is like that, and the walk costs far more than this scan.
 * A property test checks that both paths agree on any input.
 */
const BODY_SUSPECT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u200b\u2028-\u202e\u2060\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]/u;
const LINE_SUSPECT = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b\u2028-\u202e\u2060\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]/u;
/**
 * `\p{M}` scans at a fraction of the speed of a plain class, so it only runs
 * where a run of 9 marks is possible at all: every mark is at or above U+0300
 * and outside General Punctuation (dashes, curly quotes, ellipsis), the CJK
 * ideographs and the Hangul syllables, and astral ones are two code units
 * outside those too, so 9 marks need 9 such units in a row.
 */
const MAYBE_MARK_RUN = /[^\u0000-\u02ff\u2000-\u206f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]{9}/;
/** A single such unit: a much cheaper scan that settles Latin text (curly quotes and dashes too) before the one above. */
const MAYBE_MARK = /[^\u0000-\u02ff\u2000-\u206f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]/;
const MARK_RUN = new RegExp(`\\p{M}{${MAX_COMBINING_MARKS + 1}}`, 'u');

/** True when `clean` might change `input`; false proves it returns `input` as it is (up to its length bound). */
export function needsCleaning(input: string, mode: SanitizeMode): boolean {
	if ((mode === 'line' ? LINE_SUSPECT : BODY_SUSPECT).test(input)) return true;
	return MAYBE_MARK.test(input) && MAYBE_MARK_RUN.test(input) && MARK_RUN.test(input);
}

/**
 * Shared core. In line mode every line break becomes a space; in body mode
 * line breaks are kept as LF and tabs are expanded to the next 8-column stop.
 */
export function clean(input: string, mode: SanitizeMode, maxChars: number): string {
	// The walk stops once it has written maxChars, having read at most maxChars + 1
	// code units (a surrogate pair may straddle the bound); nothing beyond matters.
	const reach = input.length > maxChars + 1 ? input.slice(0, maxChars + 1) : input;
	if (!needsCleaning(reach, mode)) return input.length > maxChars ? input.slice(0, maxChars) : input;
	return cleanSlowly(input, mode, maxChars);
}

/** The per-code-point walk; exported for the test that compares it with the fast path. */
export function cleanSlowly(input: string, mode: SanitizeMode, maxChars: number): string {
	let out = '';
	let marks = 0;
	let column = 0;
	// Tag characters are only kept inside an emoji tag sequence (a flag such as
	// England's), which starts with U+1F3F4 and ends with CANCEL TAG.
	let inEmojiTagSequence = false;
	let previousWasCr = false;

	for (const ch of input) {
		if (out.length >= maxChars) break;
		const cp = ch.codePointAt(0)!;
		const wasCr = previousWasCr;
		previousWasCr = false;

		if (isTag(cp)) {
			if (inEmojiTagSequence) {
				out += ch;
				if (cp === CANCEL_TAG) inEmojiTagSequence = false;
			}
			continue;
		}
		inEmojiTagSequence = cp === WAVING_BLACK_FLAG;

		if (cp >= FIRST_MARK && combiningMark.test(ch)) {
			marks++;
			if (marks <= MAX_COMBINING_MARKS) out += ch;
			continue;
		}
		marks = 0;

		if (isBidiControl(cp) || isInvisibleFormat(cp)) continue;

		const isBreak = cp === 0x0a || cp === 0x0d || cp === 0x0b || cp === 0x0c || cp === NEL || cp === 0x2028 || cp === 0x2029;
		if (isBreak) {
			if (mode === 'line') {
				out += ' ';
				column++;
			} else if (!(cp === 0x0a && wasCr)) {
				// CR LF and a lone CR both become one LF.
				out += '\n';
				column = 0;
			}
			previousWasCr = cp === 0x0d;
			continue;
		}
		if (cp === 0x09) {
			if (mode === 'line') {
				out += ' ';
				column++;
			} else {
				const spaces = 8 - (column % 8);
				out += ' '.repeat(spaces);
				column += spaces;
			}
			continue;
		}
		if (cp === ESC) {
			out += '\u241B';
		} else if (cp < 0x20) {
			out += String.fromCodePoint(0x2400 + cp);
		} else if (cp === DEL) {
			out += '\u2421';
		} else if (cp >= 0x80 && cp <= 0x9f) {
			out += '\uFFFD';
		} else {
			out += ch;
		}
		column++;
	}
	return out.length > maxChars ? out.slice(0, maxChars) : out;
}

/** For one-line fields: titles, authors, link text, status and error lines. */
export function sanitizeLine(input: string, maxChars = MAX_LINE_CHARS): SafeText {
	const cleaned = clean(input, 'line', maxChars * 2)
		.replace(/ {2,}/g, ' ')
		.trim();
	return (cleaned.length > maxChars ? cleaned.slice(0, maxChars) : cleaned) as SafeText;
}

/** For bodies: newlines kept, tabs expanded, runs of blank lines capped at two. */
export function sanitizeBody(input: string, maxChars = MAX_BODY_CHARS): SafeText {
	return clean(input, 'body', maxChars).replace(/\n{4,}/g, '\n\n\n') as SafeText;
}

/** Joins already-safe pieces; the result is safe because each part is. */
export function joinSafe(parts: readonly SafeText[], separator: SafeText | '' | ' ' | ', ' | '\n' = ''): SafeText {
	return parts.join(separator) as SafeText;
}

/** A literal the program itself wrote (labels, key names): trusted by construction. */
export function ownText(text: string): SafeText {
	return text as SafeText;
}

const ABSOLUTE_HTTP = /^https?:\/\//i;

/** The last base checked: one document's links all share a few. */
let lastBase = '';
let lastBaseValid = false;

function isValidBase(base: string): boolean {
	if (base !== lastBase) {
		lastBase = base;
		lastBaseValid = URL.canParse(base);
	}
	return lastBaseValid;
}

/**
 * An http(s) URL resolved against `base`, or null. Only these two schemes may
 * become terminal hyperlinks or be handed to the platform opener. The WHATWG
 * parser percent-encodes any control bytes left in path or query, so the href
 * it returns cannot carry an escape sequence.
 */
export function safeHttpUrl(raw: string | null | undefined, base?: string | null): string | null {
	if (raw === null || raw === undefined) return null;
	const trimmed = raw.trim();
	if (trimmed === '') return null;
	let url: URL;
	try {
		// An http(s) URL with its "//" never reads its base (WHATWG: the
		// authority comes from the input), so only a valid base is needed, not
		// a second parse of it for every link in a feed.
		url = base && !(ABSOLUTE_HTTP.test(trimmed) && isValidBase(base)) ? new URL(trimmed, base) : new URL(trimmed);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	const href = url.href;
	// Belt and braces: refuse anything the parser let through that is not printable ASCII.
	return /^[\x21-\x7e]+$/.test(href) ? href : null;
}
