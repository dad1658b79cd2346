import {describe, expect, it} from 'vitest';
import {freshnessOf, MAX_RETRY_AFTER_MS, parseHttpDate, parseMaxAge, parseRetryAfter} from '../../src/net/retry-after.js';

const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
	it('reads delay-seconds', () => {
		expect(parseRetryAfter('120', NOW)).toBe(120_000);
		expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
	});

	it('reads an HTTP date relative to now, never negative', () => {
		expect(parseRetryAfter('Sun, 01 Mar 2026 12:01:30 GMT', NOW)).toBe(90_000);
		expect(parseRetryAfter('Sunday, 01-Mar-26 12:01:30 GMT', NOW)).toBe(90_000);
		expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', NOW)).toBe(0);
	});

	it('caps absurd waits and ignores garbage', () => {
		expect(parseRetryAfter('999999999', NOW)).toBe(MAX_RETRY_AFTER_MS);
		expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(MAX_RETRY_AFTER_MS);
		expect(parseRetryAfter('soon', NOW)).toBeNull();
		expect(parseRetryAfter('-5', NOW)).toBeNull();
		expect(parseRetryAfter(undefined, NOW)).toBeNull();
	});
});

describe('parseMaxAge', () => {
	it('reads max-age among other directives', () => {
		expect(parseMaxAge('public, max-age=60, s-maxage=600')).toBe(60_000);
		expect(parseMaxAge('max-age="30"')).toBe(30_000);
		expect(parseMaxAge('no-cache')).toBe(0);
		expect(parseMaxAge('public')).toBeNull();
		expect(parseMaxAge('max-age=abc')).toBeNull();
	});
});

describe('freshnessOf', () => {
	it('prefers max-age and subtracts Age', () => {
		expect(freshnessOf({'cache-control': 'max-age=120', age: '30', expires: 'Sun, 01 Mar 2026 13:00:00 GMT'}, NOW)).toEqual({ms: 90_000, reason: 'max-age'});
	});

	it('measures Expires against the server Date header, so local clock skew does not matter', () => {
		const headers = {date: 'Sun, 01 Mar 2026 08:00:00 GMT', expires: 'Sun, 01 Mar 2026 08:02:00 GMT'};
		expect(freshnessOf(headers, NOW)).toEqual({ms: 120_000, reason: 'expires'});
	});

	it('treats an unreadable Expires as already expired, and no headers as unknown', () => {
		expect(freshnessOf({expires: '0'}, NOW)).toEqual({ms: 0, reason: 'expires'});
		expect(freshnessOf({}, NOW)).toBeNull();
	});

	it('rejects bare numbers as dates', () => {
		expect(parseHttpDate('0')).toBeNull();
		expect(parseHttpDate('Sun, 01 Mar 2026 12:00:00 GMT')).toBe(NOW);
	});
});
