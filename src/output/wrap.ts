/**
 * Width-aware greedy word wrap for plain output (--once, follow mode). Widths
 * come from string-width, so CJK and emoji count as two columns; a word wider
 * than the line is cut between graphemes, never inside one.
 */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

function splitWide(word: string, width: number): string[] {
	const pieces: string[] = [];
	let piece = '';
	let used = 0;
	for (const {segment} of graphemes.segment(word)) {
		const w = stringWidth(segment);
		if (used + w > width && piece !== '') {
			pieces.push(piece);
			piece = '';
			used = 0;
		}
		piece += segment;
		used += w;
	}
	if (piece !== '') pieces.push(piece);
	return pieces;
}

/**
 * Wraps one paragraph (no newlines inside) to `width` columns. `first` is
 * printed before the first line and `rest` before the others (hanging
 * indents for list items and quote markers).
 */
export function wrapParagraph(text: string, width: number, first = '', rest = first): string[] {
	const lines: string[] = [];
	let prefix = first;
	let line = '';
	let used = 0;
	const room = (): number => Math.max(1, width - stringWidth(prefix));
	const flush = (): void => {
		lines.push(prefix + line);
		prefix = rest;
		line = '';
		used = 0;
	};
	for (const word of text.split(/ +/)) {
		if (word === '') continue;
		const w = stringWidth(word);
		if (line !== '' && used + 1 + w <= room()) {
			line += ' ' + word;
			used += 1 + w;
			continue;
		}
		if (line !== '') flush();
		if (w <= room()) {
			line = word;
			used = w;
			continue;
		}
		const pieces = splitWide(word, room());
		for (const [index, piece] of pieces.entries()) {
			line = piece;
			used = stringWidth(piece);
			if (index < pieces.length - 1) flush();
		}
	}
	if (line !== '' || lines.length === 0) lines.push(prefix + line);
	return lines.map(l => l.trimEnd());
}

/** Wraps text that may contain newlines: each line is its own paragraph. */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
	const out: string[] = [];
	for (const [index, line] of text.split('\n').entries()) {
		out.push(...wrapParagraph(line, width, index === 0 ? first : rest, rest));
	}
	return out;
}
