import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {clean, cleanSlowly, needsCleaning, sanitizeBody, sanitizeLine} from '../../src/text/sanitize.js';

// Characters the sanitiser treats specially, mixed with ordinary, astral and random ones.
const special = [
	'\u001b', '\n', '\r', '\t', '\u000b', '\u000c', ' ', '  ', '\u0000', '\u007f', '\u0085', '\u009b', '\u00ad', '\u00a0',
	'\u0301', '\u20dd', '\u{1d167}', '\u200b', '\u2028', '\u2029', '\u202e', '\u2066', '\u2060', '\ufeff', '\u3000',
	'\u{e0041}', '\u{e007f}', '\u{1f3f4}', '\ud83d', '\ude00', 'a', 'Z', 'é', '速', '🙂', '東京',
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
