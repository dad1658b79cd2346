/**
 * string-width is slow (a grapheme walk and emoji regexes per call), so
 * textWidth asks it only about the part of a word that needs it: a post
 * where every sentence ends in "…quickly.\u00a0🌊" must not cost a call per
 * distinct word. Results are checked against string-width in wrap.test.ts.
 */
import {describe, expect, it, vi} from 'vitest';

const calls: string[] = [];
vi.mock('string-width', async importOriginal => {
	const real = (await importOriginal<typeof import('string-width')>()).default;
	return {default: (text: string) => (calls.push(text), real(text))};
});

const {textWidth, wrapParagraph} = await import('../../src/output/wrap.js');

describe('textWidth asks string-width only about the non-narrow tail', () => {
	it('measures a hundred distinct words that end in the same emoji with one call', () => {
		calls.length = 0;
		const widths = Array.from({length: 100}, (_, i) => textWidth(`sentence${i}.\u00a0🌊`));
		expect(widths.every((w, i) => w === `sentence${i}.\u00a0`.length + 2)).toBe(true);
		expect(calls).toEqual(['\u00a0🌊']);
	});

	it('never calls it for a paragraph of narrow text, curly quotes and dashes included', () => {
		calls.length = 0;
		const lines = wrapParagraph('In Brightholm \u2014 the \u201criver\u201d level has reopened fallen lines near the old mill\u2026', 20);
		expect(lines).toEqual(['In Brightholm \u2014 the', '\u201criver\u201d level has', 'reopened fallen', 'lines near the old', 'mill\u2026']);
		expect(calls).toEqual([]);
	});
});
