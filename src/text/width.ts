/**
 * Display width in terminal columns. `String#length` counts UTF-16 units, so
 * CJK (2 columns), emoji (2), combining marks (0) and zero-width characters (0)
 * would all be measured wrongly; string-width is the same measure Ink uses,
 * so what we lay out is what Ink draws.
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const printableAscii = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
	// Most feed text is ASCII: skip the grapheme machinery for it.
	if (printableAscii.test(text)) return text.length;
	return stringWidth(text);
}

/** User-perceived characters: a flag, a family emoji or e + accent is one. */
export function graphemes(text: string): string[] {
	if (printableAscii.test(text)) return [...text];
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
