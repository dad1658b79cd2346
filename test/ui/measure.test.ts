import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {displayWidth, padToWidth, truncateToWidth} from '../../src/text/width.js';
import {cutTo, padTo, widthOf} from '../../src/ui/measure.js';

const piece = fc.constantFrom('a', 'Harbour ', ' · ', '—', '…', '市民', '🚧', '👩‍👩‍👧', '🇬🇧', 'e\u0301', '1\uFE0F\u20E3', '▌', ' ', '');
const text = fc.array(piece, {maxLength: 12}).map((pieces) => pieces.join(''));

describe('remembered widths', () => {
	test('give exactly what text/width.ts gives, asked once or many times', () => {
		fc.assert(
			fc.property(text, fc.integer({min: -1, max: 30}), fc.constantFrom('…', ''), (s, width, ellipsis) => {
				for (let round = 0; round < 2; round++) {
					expect(widthOf(s)).toBe(displayWidth(s));
					expect(cutTo(s, width, ellipsis)).toBe(truncateToWidth(s, width, ellipsis));
					expect(padTo(s, width)).toBe(padToWidth(s, width));
				}
			}),
			{numRuns: 400},
		);
	});

	test('stay right after the caches fill and start over', () => {
		for (let i = 0; i < 10_000; i++) expect(widthOf(`— ${i}`)).toBe(i.toString().length + 2);
		expect(cutTo('— a long line of text', 8)).toBe(truncateToWidth('— a long line of text', 8));
	});
});
