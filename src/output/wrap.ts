/**
 * Width-aware greedy word wrap for plain output (--once, follow mode). Widths
 * are string-width's, so CJK and emoji count as two columns; a word wider
 * than the line is cut between graphemes, never inside one.
 *
 * This runs over every word of a blog that may hold megabytes of text, so it
 * avoids string-width (a grapheme segmenter and emoji regexes per call) for
 * the text that needs none of that: test/output/wrap.test.ts checks it against
 * the plain string-width version.
 */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/**
 * Characters that string-width counts as exactly one column each and that
 * never join a neighbour into one grapheme: printable ASCII, Latin-1 and the
 * Latin extensions (bar the soft hyphen), and the dashes, quotes, bullets and
 * ellipsis of General Punctuation. Combining marks (U+0300 on), zero-width
 * characters and line separators are all outside it.
 */
const narrowRun = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e]*$/;
/** The first character outside that class. */
const notNarrow = /[^\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e]/;
/**
 * The same plus kana, CJK ideographs and Hangul syllables: two columns each,
 * and again never joined into one grapheme with a neighbour (the combining
 * sound marks U+3099/U+309A and the Hangul jamo are outside it). Every
 * character from U+3041 on in such a run is one of the wide ones.
 */
const simpleRun = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff\uac00-\ud7a3]*$/;
const FIRST_WIDE = 0x3041;

// string-width sums the widths of grapheme clusters, and a narrow character
// always starts a cluster of its own (it is no mark, joiner, prepended
// character or regional indicator), so "quickly.\u00a0🌊" measures as the
// narrow run before its last character plus ".\u00a0🌊" measured whole: the
// emoji's word no longer costs string-width a call per distinct word. (The
// last narrow character stays with the rest because one that is an emoji
// itself, ©, may start a sequence with what follows.)
//
// Emoji and the like recur (the same few words in post after post) and cost
// a grapheme walk each: their widths are remembered, within a bound.
const measured = new Map<string, number>();
const MEASURED_MAX = 4096;

function slowWidth(text: string): number {
	let width = measured.get(text);
	if (width === undefined) {
		width = stringWidth(text);
		if (measured.size >= MEASURED_MAX) measured.clear();
		measured.set(text, width);
	}
	return width;
}

/** Terminal columns of `text`, as string-width counts them. */
export function textWidth(text: string): number {
	const first = text.search(notNarrow);
	if (first === -1) return text.length;
	if (!simpleRun.test(text)) return first < 2 ? slowWidth(text) : first - 1 + slowWidth(text.slice(first - 1));
	let width = text.length;
	for (let i = first; i < text.length; i++) if (text.charCodeAt(i) >= FIRST_WIDE) width++;
	return width;
}

type Cut = {readonly pieces: string[]; readonly lastWidth: number};

/** Cuts a word into pieces of at most `room` columns (one grapheme at least each). */
function splitWide(word: string, room: number, narrow: boolean): Cut {
	const pieces: string[] = [];
	if (narrow || narrowRun.test(word)) {
		// One UTF-16 unit, one grapheme, one column: plain slices.
		for (let at = 0; at < word.length; at += room) pieces.push(word.slice(at, at + room));
		const last = pieces.at(-1) ?? '';
		return {pieces, lastWidth: last.length};
	}
	let piece = '';
	let used = 0;
	for (const {segment} of graphemes.segment(word)) {
		const w = textWidth(segment);
		if (used + w > room && piece !== '') {
			pieces.push(piece);
			piece = '';
			used = 0;
		}
		piece += segment;
		used += w;
	}
	if (piece !== '') pieces.push(piece);
	return {pieces, lastWidth: used};
}

/**
 * Wraps one paragraph (no newlines inside) to `width` columns. `first` is
 * printed before the first line and `rest` before the others (hanging
 * indents for list items and quote markers).
 */
export function wrapParagraph(text: string, width: number, first = '', rest = first): string[] {
	const lines: string[] = [];
	// The prefix is measured once, not once per word.
	const restRoom = Math.max(1, width - textWidth(rest));
	let prefix = first;
	let room = first === rest ? restRoom : Math.max(1, width - textWidth(first));
	let line = '';
	let used = 0;
	const flush = (): void => {
		lines.push((prefix + line).trimEnd());
		prefix = rest;
		room = restRoom;
		line = '';
		used = 0;
	};
	// Most paragraphs are narrow throughout: one test here, and every word's width is its length.
	const narrow = narrowRun.test(text);
	if (narrow && !text.includes('  ')) return wrapNarrow(text, first, rest, room, restRoom);
	const words = text.split(' ');
	for (let i = 0; i < words.length; i++) {
		const word = words[i] as string;
		if (word === '') continue;
		const w = narrow ? word.length : textWidth(word);
		if (line !== '' && used + 1 + w <= room) {
			line += ' ' + word;
			used += 1 + w;
			continue;
		}
		if (line !== '') flush();
		if (w <= room) {
			line = word;
			used = w;
			continue;
		}
		const {pieces, lastWidth} = splitWide(word, room, narrow);
		for (let p = 0; p < pieces.length - 1; p++) {
			line = pieces[p] as string;
			flush();
		}
		line = pieces.at(-1) ?? '';
		used = lastWidth;
	}
	if (line !== '' || lines.length === 0) lines.push((prefix + line).trimEnd());
	return lines;
}

const SPACE = 0x20;

/**
 * wrapParagraph for narrow text without two spaces in a row: each line is a
 * slice of the text (up to the last space that fits), not a string built a
 * word at a time. Same lines: a word wider than the line is cut into slices
 * as wide as the room it started with, and the last slice starts the next
 * line, even when wider than that line's own room.
 */
function wrapNarrow(text: string, first: string, rest: string, firstRoom: number, restRoom: number): string[] {
	const lines: string[] = [];
	const end = text.length;
	let prefix = first;
	let room = firstRoom;
	let start = text.charCodeAt(0) === SPACE ? 1 : 0;
	while (start < end) {
		let wordEnd = text.indexOf(' ', start);
		if (wordEnd === -1) wordEnd = end;
		const sliceRoom = room;
		while (wordEnd - start > sliceRoom) {
			lines.push((prefix + text.slice(start, start + sliceRoom)).trimEnd());
			start += sliceRoom;
			prefix = rest;
			room = restRoom;
		}
		if (end - start <= room) {
			lines.push((prefix + text.slice(start)).trimEnd());
			return lines;
		}
		const cut = Math.max(text.lastIndexOf(' ', start + room), wordEnd);
		lines.push((prefix + text.slice(start, cut)).trimEnd());
		start = cut + 1;
		prefix = rest;
		room = restRoom;
	}
	if (lines.length === 0) lines.push(prefix.trimEnd());
	return lines;
}

/** Wraps text that may contain newlines: each line is its own paragraph. */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
	if (!text.includes('\n')) return wrapParagraph(text, width, first, rest);
	const out: string[] = [];
	const paragraphs = text.split('\n');
	for (let i = 0; i < paragraphs.length; i++) {
		for (const line of wrapParagraph(paragraphs[i] as string, width, i === 0 ? first : rest, rest)) out.push(line);
	}
	return out;
}
