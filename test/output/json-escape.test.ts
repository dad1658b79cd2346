import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {escapeJsonText, jsonLine} from '../../src/output/json-escape.js';

describe('jsonLine', () => {
	it('escapes DEL, C1 controls, line/paragraph separators and bidi controls as \\uXXXX', () => {
		const line = jsonLine({text: 'a\u007fb\u0085c\u009bd\u2028e\u2029f\u202eg\u2066h\u2069i'});
		expect(line).toBe('{"text":"a\\u007fb\\u0085c\\u009bd\\u2028e\\u2029f\\u202eg\\u2066h\\u2069i"}');
	});

	it('keeps JSON.stringify escapes for C0 controls and leaves ordinary text alone', () => {
		expect(jsonLine({t: '\u001b[2J "é" 速報 🚀'})).toBe('{"t":"\\u001b[2J \\"é\\" 速報 🚀"}');
	});

	it('round-trips any string and never emits a raw control, separator or bidi character', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary'}), text => {
				const line = jsonLine({text});
				expect(JSON.parse(line)).toEqual({text});
				expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
			}),
			{numRuns: 300},
		);
	});

	it('escapeJsonText leaves structure intact', () => {
		expect(JSON.parse(escapeJsonText(JSON.stringify(['\u2028', {k: '\u0080'}])))).toEqual(['\u2028', {k: '\u0080'}]);
	});
});
