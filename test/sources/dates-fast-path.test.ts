import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseDateWords, parseFeedDate} from '../../src/sources/dates.js';

const two = (n: number): string => String(n).padStart(2, '0');
const weekday = fc.constantFrom('', 'Sat, ', 'sun, ', 'MON, ', 'Tue, ', 'Thu, ', 'Fri,', 'Xyz, ', 'Samstag, ');
const day = fc.oneof(fc.integer({min: 0, max: 39}).map(String), fc.integer({min: 0, max: 39}).map(two));
const month = fc.constantFrom('Jan', 'feb', 'MAR', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Sept', 'Mai', 'Foo');
const year = fc.oneof(fc.integer({min: 1960, max: 2100}), fc.constantFrom(1969, 1970, 9999, 1000, 2000, 2024)).map(String);
const time = fc
	.tuple(fc.integer({min: 0, max: 26}), fc.integer({min: 0, max: 62}), fc.option(fc.integer({min: 0, max: 62})))
	.map(([h, m, s]) => `${two(h)}:${two(m)}${s === null ? '' : `:${two(s)}`}`);
const zone = fc.constantFrom('GMT', 'gmt', 'UTC', 'UT', 'Z', 'z', '+0000', '+0100', '-0500', '+0530', '-1200', '+1800', '+1900', '-9999', 'EST', 'CEST');

describe('the RFC 1123 fast path', () => {
	it('reads every date in that shape exactly as the general reader does', () => {
		fc.assert(
			fc.property(weekday, day, month, year, time, zone, (w, d, mo, y, t, z) => {
				const text = `${w}${d} ${mo} ${y} ${t} ${z}`;
				expect(parseFeedDate(text)).toBe(parseDateWords(text));
			}),
			{numRuns: 3000},
		);
	});

	it('gives the instants a reader expects', () => {
		expect(parseFeedDate('Sat, 28 Nov 2026 06:00:00 GMT')).toBe(Date.UTC(2026, 10, 28, 6, 0, 0));
		expect(parseFeedDate('Sat, 28 Nov 2026 06:00 +0130')).toBe(Date.UTC(2026, 10, 28, 4, 30, 0));
		expect(parseFeedDate('1 feb 2026 23:59:60 -0500')).toBe(Date.UTC(2026, 1, 2, 4, 59, 59));
		expect(parseFeedDate('30 Feb 2026 10:00:00 GMT')).toBeNull();
		expect(parseFeedDate('28 Nov 1969 10:00:00 GMT')).toBeNull();
	});
});
