/**
 * The fast wrap in src/output/wrap.ts must print exactly what the plain
 * version did: string-width on every word, the prefix measured per word, and
 * every over-long word cut grapheme by grapheme. That version is kept here as
 * the reference.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {textWidth, wrapParagraph, wrapText} from '../../src/output/wrap.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

function referenceSplit(word: string, width: number): string[] {
	const pieces: string[] = [];
	let piece = '';
	let used = 0;
	for (const {segment} of segmenter.segment(word)) {
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

function referenceParagraph(text: string, width: number, first = '', rest = first): string[] {
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
		const pieces = referenceSplit(word, room());
		for (const [index, piece] of pieces.entries()) {
			line = piece;
			used = stringWidth(piece);
			if (index < pieces.length - 1) flush();
		}
	}
	if (line !== '' || lines.length === 0) lines.push(prefix + line);
	return lines.map(l => l.trimEnd());
}

function referenceText(text: string, width: number, first = '', rest = first): string[] {
	const out: string[] = [];
	for (const [index, line] of text.split('\n').entries()) out.push(...referenceParagraph(line, width, index === 0 ? first : rest, rest));
	return out;
}

// Edges of the fast character class, things that join graphemes, wide and zero-width characters.
const special = [
	' ', ' ', ' ', '  ', '\n', 'a', 'word', 'https://example.org/a/long/path', '\u00a0', '\u00ac', '\u00ad', '\u00ae', '\u00e9',
	'\u02ff', '\u0300', '\u0301', '\u2010', '\u2019', '\u201c', '\u2022', '\u2026', '\u2027', '\u2028', '\u2030', '\u205e', '\u205f',
	'\u200b', '\u200d', '\u3000', '速', '東京', '🌊', '⚡', '👨\u200d👩\u200d👧', '🇬🇧', 'e\u0301', '\u1100\u1161', '\uff9e', '\t', 'カタカナ', '\u3099', '\u30fb', '\u3000', '한국어', '\u11a8', '\u9fff', '\ua000',
	// A narrow prefix before a cluster: emoji that © and ‼ (both narrow) may start, joiners, variation selectors, RIs.
	'\u00a9', '\u203c', '\u2049', '\ufe0f', '\u200d🌊', '\u00a9\ufe0f', '🇪', '🇺', '\u20e3', '\u0600', 'ok.\u00a0🌊',
];
const unit = fc.oneof(
	{weight: 6, arbitrary: fc.constantFrom(...special)},
	{weight: 1, arbitrary: fc.integer({min: 0x20, max: 0x10ffff}).map(cp => String.fromCodePoint(cp))},
	{weight: 1, arbitrary: fc.constantFrom('x'.repeat(45), '速'.repeat(13), '\u2019'.repeat(30))},
);
const text = fc.string({unit, maxLength: 60});
const prefix = fc.constantFrom('', '> ', '• ', '    - ', '速 ', '🌊', '\u00e9\u0301 ');

describe('wrap matches the string-width reference', () => {
	it('textWidth() is string-width for any text', () => {
		fc.assert(
			fc.property(text, s => {
				expect(textWidth(s)).toBe(stringWidth(s));
			}),
			{numRuns: 2000},
		);
	});

	it('wrapParagraph and wrapText give the same lines at any width and prefix', () => {
		fc.assert(
			fc.property(text, fc.integer({min: 1, max: 50}), prefix, prefix, (s, width, first, rest) => {
				const paragraph = s.replaceAll('\n', ' ');
				expect(wrapParagraph(paragraph, width, first, rest)).toEqual(referenceParagraph(paragraph, width, first, rest));
				expect(wrapText(s, width, first, rest)).toEqual(referenceText(s, width, first, rest));
			}),
			{numRuns: 2000},
		);
	});

	it('gives the same lines for narrow paragraphs, which are wrapped by slicing', () => {
		const narrowUnit = fc.constantFrom(' ', 'a', 'word', 'to', '\u00a0', '\u2019', '\u2014', '\u00e9', 'https://example.org/a/long/path', 'x'.repeat(45), 'y'.repeat(12));
		const narrowPrefix = fc.constantFrom('', '> ', '• ', '    - ', '>  ', 'x'.repeat(30));
		fc.assert(
			fc.property(fc.string({unit: narrowUnit, maxLength: 40}), fc.integer({min: 1, max: 50}), narrowPrefix, narrowPrefix, (s, width, first, rest) => {
				expect(wrapParagraph(s, width, first, rest)).toEqual(referenceParagraph(s, width, first, rest));
			}),
			{numRuns: 3000},
		);
	});

	it('cuts a long narrow word into slices no wider than the room left by the prefix', () => {
		const word = 'https://example.org/' + '\u00e9'.repeat(30);
		const lines = wrapParagraph(`see ${word}`, 12, '> ', '>  ');
		expect(lines).toEqual(referenceParagraph(`see ${word}`, 12, '> ', '>  '));
		expect(lines[0]).toBe('> see');
		expect(lines[1]).toBe('>  https://e');
		expect(lines.slice(1).every(line => stringWidth(line) <= 12)).toBe(true);
	});
});
