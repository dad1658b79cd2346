/**
 * The width functions of text/width.ts, remembered. Components redraw the
 * same strings over and over (a header's title and poll details, " · 2m ago",
 * "—" and "·" as graphemes of a row), and a string with one non-ASCII
 * character costs string-width tens of microseconds every time. Results are
 * exactly those functions' (they are pure); the caches are bounded, so hostile
 * or endlessly varied text only makes them start over.
 */
import {displayWidth, truncateToWidth} from '../text/width.js';

const printableAscii = /^[\x20-\x7e]*$/;
const MAX_KEPT = 4096;

const widths = new Map<string, number>();
const cuts = new Map<string, string>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
	if (cache.size >= MAX_KEPT) cache.clear();
	cache.set(key, value);
	return value;
}

export function widthOf(text: string): number {
	if (printableAscii.test(text)) return text.length;
	return widths.get(text) ?? remember(widths, text, displayWidth(text));
}

/** truncateToWidth, remembered; text that fits comes back as it is, without a lookup. */
export function cutTo(text: string, width: number, ellipsis = '…'): string {
	if (width > 0 && widthOf(text) <= width) return text;
	const key = `${width}\u0000${ellipsis}\u0000${text}`;
	return cuts.get(key) ?? remember(cuts, key, truncateToWidth(text, width, ellipsis));
}

/** padToWidth: the text cut to `width` and filled with spaces to it. */
export function padTo(text: string, width: number): string {
	const cut = cutTo(text, width);
	return cut + ' '.repeat(Math.max(0, width - widthOf(cut)));
}

