import {describe, expect, it} from 'vitest';
import {ago, dateTime} from '../../src/state/format.js';

// vitest runs with TZ=UTC, so these local times are UTC.
const now = Date.UTC(2026, 10, 28, 23, 30);
const minute = 60_000;
const day = 24 * 60 * minute;

describe('ago', () => {
	it.each([
		[20_000, 'just now'],
		[5 * minute, '5m ago'],
		[3 * 60 * minute, '3h ago'],
		[47 * 60 * minute, '47h ago'],
		[4 * day, '4d ago'],
		[20 * day, '2w ago'],
		[150 * day, '5mo ago'],
		[3953 * day, '10y ago'],
	])('%i ms before now reads %s', (before, expected) => {
		expect(ago(now - before, now)).toBe(expected);
	});
});

describe('dateTime', () => {
	it('shows only the clock for today, the day for this year, the year before that', () => {
		expect(dateTime(Date.UTC(2026, 10, 28, 9, 5), now)).toBe('09:05');
		expect(dateTime(Date.UTC(2026, 0, 29, 16, 22), now)).toBe('29 Jan 16:22');
		expect(dateTime(Date.UTC(2016, 0, 29, 16, 22), now)).toBe('29 Jan 2016 16:22');
	});

	it('never throws on an invalid time', () => {
		expect(dateTime(Number.NaN, now)).toBe('--:--');
	});
});
