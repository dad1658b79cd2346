/**
 * Text read back from the state file goes through the sanitiser again: the
 * file is outside our control (another program, a person, a bad disk), and a
 * tampered title must not reach the terminal as an escape sequence.
 *
 * The sanitiser itself proves already-clean text clean with one scan and
 * returns it unchanged (see `needsCleaning` in sanitize.ts), so a warm start
 * over megabytes of stored text stays fast; these names remain for the store.
 */
import {safeHttpUrl, sanitizeBody, sanitizeLine, type SafeText} from '../text/sanitize.js';

export function resanitizeBody(text: string): SafeText {
	return sanitizeBody(text);
}

export function resanitizeLine(text: string): SafeText {
	return sanitizeLine(text);
}

/**
 * An http(s) URL the way safeHttpUrl writes one, and that it would give back
 * unchanged: lower-case scheme and host name (letters, digits, inner hyphens;
 * no IDN, port, user or IP address), a path, and path, query and fragment
 * characters the URL parser leaves alone, with no dot segments. Anything else,
 * however harmless, takes the parser.
 */
const CANONICAL_URL =
	/^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z](?:[a-z0-9-]*[a-z0-9])?\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/;
/** What the parser would rewrite in such a string: dot segments (also percent-encoded) and punycode labels it validates. */
const REWRITTEN = /\/(?:\.|%2e){1,2}(?:[/?#]|$)|[/.]xn--/i;

/**
 * safeHttpUrl for stored URLs. A state file holds thousands of them, nearly
 * all written by safeHttpUrl itself; parsing each again cost a warm start more
 * than every other check of the file together. One already in the parser's
 * own form, as CANONICAL_URL proves, is returned as it is: its href would be
 * itself, and it is printable ASCII. A property test holds both to the same
 * answers.
 */
export function resafeUrl(url: string | null): string | null {
	if (url === null) return null;
	return CANONICAL_URL.test(url) && !REWRITTEN.test(url) ? url : safeHttpUrl(url);
}
