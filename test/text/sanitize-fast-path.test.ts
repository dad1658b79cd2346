import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {clean, cleanSlowly, needsCleaning, sanitizeBody, sanitizeLine} from '../../src/text/sanitize.js';

// Characters the sanitiser treats specially, mixed with ordinary, astral and random ones.
const special = [
	'\u001b', '\n', '\r', '\t', '\u000b', '\u000c', ' ', '  ', '\u0000', '\u007f', '\u0085', '\u009b', '\u00ad', '\u00a0',
	'\u0301', '\u20dd', '\u{1d167}', '\u200b', '\u2028', '\u2029', '\u202e', '\u2066', '\u2060', '\ufeff', '\u3000',
	'\u{e0041}', '\u{e007f}', '\u{1f3f4}', '\ud83d', '\ude00', 'a', 'Z', 'é', '速', '🙂', '東京',
	// Edges of the ranges the mark-run pre-check skips: punctuation, CJK, Hangul, and the marks just beyond them.
	'\u2014', '\u201c', '\u2026', '\u206f', '\u20d0', '\u3099', '\u4dbf', '\ua66f', '한', '\ud7a3', '\ud7b0', '\ufe0f',
];
const unit = fc.oneof(
	{weight: 4, arbitrary: fc.constantFrom(...special)},
	{weight: 1, arbitrary: fc.integer({min: 0, max: 0x10ffff}).map((cp) => String.fromCodePoint(cp))},
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'\u0301'.repeat(8),
			'\u0301'.repeat(9),
			'\u{1d167}'.repeat(9),
			'\u0301'.repeat(4) + '\u{1d167}'.repeat(5),
			'\n\n\n\n',
			'plain words ',
			'速'.repeat(12),
		),
	},
);
const text = fc.string({unit, maxLength: 40});
const mode = fc.constantFrom('line' as const, 'body' as const);

describe('the sanitiser fast path', () => {
	it('returns exactly what the per-code-point walk returns, for any input, mode and bound', () => {
		fc.assert(
			fc.property(text, mode, fc.integer({min: 1, max: 60}), (input, m, maxChars) => {
				expect(clean(input, m, maxChars)).toBe(cleanSlowly(input, m, maxChars));
			}),
			{numRuns: 5000},
		);
	});

	it('is only taken for text the walk leaves unchanged', () => {
		fc.assert(
			fc.property(text, mode, (input, m) => {
				if (!needsCleaning(input, m)) expect(cleanSlowly(input, m, input.length + 2)).toBe(input);
			}),
			{numRuns: 3000},
		);
	});

	it('skips, in its mark-run pre-check, only ranges that hold no combining mark', () => {
		const mark = /\p{M}/u;
		for (const [from, to] of [[0, 0x2ff], [0x2000, 0x206f], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7a3]] as const) {
			for (let cp = from; cp <= to; cp++) expect(mark.test(String.fromCharCode(cp)), cp.toString(16)).toBe(false);
		}
		expect(needsCleaning(`“e${'\u0301'.repeat(9)}” — ok`, 'body')).toBe(true);
		expect(needsCleaning(`한${'\u{1d167}'.repeat(9)}`, 'body')).toBe(true);
	});

	it('flags each kind of character the walk changes', () => {
		for (const ch of ['\u001b', '\r', '\t', '\u0000', '\u007f', '\u0085', '\u00ad', '\u200b', '\u2028', '\u202e', '\u2067', '\u2060', '\ufeff', '\u{e0041}']) {
			expect(needsCleaning(`ok ${ch} ok`, 'body')).toBe(true);
			expect(needsCleaning(`ok ${ch} ok`, 'line')).toBe(true);
		}
		expect(needsCleaning('one\ntwo', 'line')).toBe(true);
		expect(needsCleaning('one\ntwo', 'body')).toBe(false);
		expect(needsCleaning(`e${'\u0301'.repeat(8)}`, 'body')).toBe(false);
		expect(needsCleaning(`e${'\u0301'.repeat(9)}`, 'body')).toBe(true);
		expect(needsCleaning(`e${'\u{1d167}'.repeat(9)}`, 'line')).toBe(true);
		expect(needsCleaning('Storm live: 東京の天気は雨です 🌊 café – “quoted”', 'line')).toBe(false);
	});

	it('gives the public sanitisers the same results on long clean and dirty text', () => {
		const clean2k = 'Ferry services suspended. 東京 🌊 '.repeat(200);
		expect(sanitizeLine(clean2k)).toBe(clean2k.replace(/ {2,}/g, ' ').trim().slice(0, 2048));
		expect(sanitizeBody(clean2k)).toBe(clean2k);
		// A control byte beyond the line bound is never read, so it changes nothing.
		const tail = `${'a'.repeat(5000)}\u001b[2J`;
		expect(sanitizeLine(tail)).toBe('a'.repeat(2048));
		expect(sanitizeBody('x\u001b]52;c;AAAA\u0007\r\n\tend')).toBe('x\u241b]52;c;AAAA\u2407\n        end');
	});
});
