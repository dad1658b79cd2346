import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {ONE_COLUMN_RUN, displayWidth, graphemes} from '../../src/text/width.js';

const segments = (text: string): string[] => Array.from(new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(text), s => s.segment);

/** Every BMP code point the fast path takes as one column. */
const fastCodePoints: number[] = [];
for (let cp = 0; cp < 0x10000; cp++) {
	if (ONE_COLUMN_RUN.test(String.fromCharCode(cp))) fastCodePoints.push(cp);
}

describe('displayWidth fast path', () => {
	it('covers the characters bylines and the screen use, and not the ones that combine or are wide', () => {
		for (const ch of ['·', '—', '…', '‘', '’', '“', '”', '€', 'é', 'ß', 'Ω', 'Ж', '▌', '│', '▲', '★', '›', '→']) expect(ONE_COLUMN_RUN.test(ch), ch).toBe(true);
		for (const ch of ['\u0301', '\u00ad', '\u200b', '\u200d', '\ufe0f', '\u0483', '\u25fd', '\u2614', '中', '한', '\t', '\u001b']) expect(ONE_COLUMN_RUN.test(ch), ch.codePointAt(0)!.toString(16)).toBe(false);
	});

	it('agrees with string-width on every code point it takes', () => {
		expect(fastCodePoints.length).toBeGreaterThan(1000);
		const disagree = fastCodePoints.filter(cp => stringWidth(String.fromCharCode(cp)) !== 1).map(cp => cp.toString(16));
		expect(disagree).toEqual([]);
	});

	it('measures and splits any mix of fast and other characters as string-width and Intl.Segmenter do', () => {
		const fastChar = fc.constantFrom(...fastCodePoints.map(cp => String.fromCharCode(cp)));
		const otherChar = fc.constantFrom('\u0301', '中', '👍', '🇬🇧', '\u200d', 'e\u0301', '한', '\ufe0f', '\u00ad');
		fc.assert(
			fc.property(fc.array(fc.oneof({weight: 8, arbitrary: fastChar}, {weight: 1, arbitrary: otherChar}), {maxLength: 40}), parts => {
				const text = parts.join('');
				expect(displayWidth(text)).toBe(stringWidth(text));
				expect(graphemes(text)).toEqual(segments(text));
			}),
			{numRuns: 2000},
		);
	});
});
