import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {resanitizeBody, resanitizeLine} from '../../src/store/resanitize.js';
import {sanitizeBody, sanitizeLine} from '../../src/text/sanitize.js';

// Characters the sanitiser treats specially, mixed with ordinary and random ones.
const special = [
	'\u001b', '\n', '\r', '\t', '\u000b', '\u000c', ' ', '  ', '\u0000', '\u007f', '\u0085', '\u009b', '\u00ad', '\u00a0',
	'\u0301', '\u200b', '\u2028', '\u2029', '\u202e', '\u2066', '\u2060', '\ufeff', '\u3000', '\u{e0041}', '\u{e007f}',
	'\u{1f3f4}', 'a', 'Z', 'é', '速', '🙂',
];
const unit = fc.oneof(
	{weight: 3, arbitrary: fc.constantFrom(...special)},
	{weight: 1, arbitrary: fc.integer({min: 0, max: 0x10ffff}).map((cp) => String.fromCodePoint(cp))},
	{weight: 1, arbitrary: fc.constantFrom('\u0301'.repeat(9), '\n\n\n\n', 'plain words ')},
);
const text = fc.string({unit, maxLength: 40});

describe('resanitize fast paths', () => {
	it('give exactly what the sanitiser gives, for any input', () => {
		fc.assert(
			fc.property(text, (input) => {
				expect(resanitizeBody(input)).toBe(sanitizeBody(input));
				expect(resanitizeLine(input)).toBe(sanitizeLine(input));
			}),
			{numRuns: 3000},
		);
	});

	it('return already clean text unchanged and clean a tampered string', () => {
		expect(resanitizeLine('Storm live: ferry services suspended')).toBe('Storm live: ferry services suspended');
		expect(resanitizeBody('one\n\ntwo  spaced')).toBe('one\n\ntwo  spaced');
		expect(resanitizeLine('\u001b[2Jgone\u202e')).toBe('\u241b[2Jgone');
		expect(resanitizeBody('x\u001b]52;c;AAAA\u0007')).toBe('x\u241b]52;c;AAAA\u2407');
	});

	it('apply the length bounds', () => {
		expect(resanitizeLine('a'.repeat(3000))).toHaveLength(2048);
	});
});
