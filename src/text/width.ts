/**
 * Display width in terminal columns. `String#length` counts UTF-16 units, so
 * CJK (2 columns), emoji (2), combining marks (0) and zero-width characters (0)
 * would all be measured wrongly; string-width is the same measure Ink uses,
 * so what we lay out is what Ink draws.
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
/**
 * Characters that are one column wide and never join a neighbour into a
 * grapheme cluster: printable ASCII, Latin-1 and Latin Extended (without the
 * soft hyphen), Greek, Cyrillic (without its combining marks), the dashes,
 * quotes and ellipsis of General Punctuation, currency, letterlike symbols,
 * arrows, box drawing, blocks, most geometric shapes and ★. A text made only
 * of them is as wide as it is long, so the grapheme machinery (Intl.Segmenter
 * and string-width's regexes: ~50 ms of the first frame's layout when every
 * byline has a "·" or "—") is skipped for it. test/text/width.test.ts holds
 * every code point here to string-width's answer.
 */
export const ONE_COLUMN_RUN = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u03ff\u0400-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u205e\u20a0-\u20cf\u2100-\u214f\u2190-\u21ff\u2500-\u259f\u25a0-\u25fc\u2605]*$/;

export function displayWidth(text: string): number {
	if (ONE_COLUMN_RUN.test(text)) return text.length;
	return stringWidth(text);
}

/** User-perceived characters: a flag, a family emoji or e + accent is one. */
export function graphemes(text: string): string[] {
	if (ONE_COLUMN_RUN.test(text)) return [...text];
	const out: string[] = [];
	for (const {segment} of segmenter.segment(text)) out.push(segment);
	return out;
}

/** Cuts to at most `width` columns at a grapheme boundary, adding `ellipsis` when cut. */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (displayWidth(text) <= width) return text;
	const room = width - displayWidth(ellipsis);
	if (room < 0) return '';
	let out = '';
	let used = 0;
	for (const g of graphemes(text)) {
		const w = displayWidth(g);
		if (used + w > room) break;
		out += g;
		used += w;
	}
	return out + ellipsis;
}

/** Pads with spaces to exactly `width` columns (cutting first when longer). */
export function padToWidth(text: string, width: number): string {
	const cut = truncateToWidth(text, width);
	return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}
