import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Failure} from '../../src/errors.js';
import {
	adaptiveInterval,
	backoffMs,
	describeDelay,
	describeNextPoll,
	emptyHistory,
	ENDED_INTERVAL_MS,
	MAX_BACKOFF_MS,
	nextPoll,
	paceMs,
	type ScheduleHistory,
} from '../../src/net/schedule.js';

const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);
const MIN = 60_000;
const adaptive = {kind: 'adaptive'} as const;
const history = (extra: Partial<ScheduleHistory> = {}): ScheduleHistory => ({...emptyHistory, ...extra});
const success = (freshness: {ms: number; reason: 'max-age' | 'expires'} | null = null) => ({kind: 'success', at: NOW, freshness}) as const;
const failure = (f: Failure) => ({kind: 'failure', at: NOW, failure: f}) as const;
const http500: Failure = {kind: 'http', status: 500, statusText: 'Internal Server Error', host: 'example.org'};
const zero = (): number => 0;
const one = (): number => 1;

describe('fixed interval', () => {
	it('uses --interval as given, from 1 s up', () => {
		expect(nextPoll({kind: 'fixed', ms: 1_000}, history(), success(), zero)).toEqual({at: NOW + 1_000, delayMs: 1_000, reason: 'fixed'});
		expect(nextPoll({kind: 'fixed', ms: 7_000}, history(), success({ms: 600_000, reason: 'max-age'}), zero).delayMs).toBe(7_000);
		expect(nextPoll({kind: 'fixed', ms: 10}, history(), success(), zero).delayMs).toBe(1_000);
	});

	it('ignores max-age, ttl and an ended blog', () => {
		const h = history({live: 'ended', hints: {ttlSeconds: 3600}});
		expect(nextPoll({kind: 'fixed', ms: 5_000}, h, success({ms: 900_000, reason: 'max-age'}), zero)).toMatchObject({delayMs: 5_000, reason: 'fixed'});
	});
});

describe('adaptive interval', () => {
	it('defaults to 30 s when nothing is known', () => {
		expect(nextPoll(adaptive, history(), success(), zero)).toMatchObject({delayMs: 30_000, reason: 'interval'});
	});

	it('honours max-age and Expires, clamped to [15 s, 5 min]', () => {
		expect(nextPoll(adaptive, history(), success({ms: 90_000, reason: 'max-age'}), zero)).toMatchObject({delayMs: 90_000, reason: 'max-age'});
		expect(nextPoll(adaptive, history(), success({ms: 0, reason: 'max-age'}), zero)).toMatchObject({delayMs: 15_000, reason: 'max-age'});
		expect(nextPoll(adaptive, history(), success({ms: 3_600_000, reason: 'expires'}), zero)).toMatchObject({delayMs: 5 * MIN, reason: 'expires'});
	});

	it('honours RSS ttl and sy:updatePeriod', () => {
		expect(adaptiveInterval(history({hints: {ttlSeconds: 120}}), null, NOW)).toEqual({ms: 120_000, reason: 'ttl'});
		expect(adaptiveInterval(history({hints: {updatePeriodSeconds: 3600}}), null, NOW)).toEqual({ms: 5 * MIN, reason: 'update-period'});
	});

	it('follows the pace of posts: a post a minute polls faster than a post an hour', () => {
		const everyMinute = [0, 1, 2, 3, 4, 5].map((i) => NOW - i * MIN);
		const everyHour = [0, 1, 2, 3].map((i) => NOW - 10 * MIN - i * 60 * MIN);
		expect(adaptiveInterval(history({postTimes: everyMinute}), null, NOW)).toEqual({ms: 30_000, reason: 'pace'});
		expect(adaptiveInterval(history({postTimes: everyHour}), null, NOW)).toEqual({ms: 5 * MIN, reason: 'pace'});
		expect(adaptiveInterval(history({postTimes: [NOW - 5_000, NOW - 10_000, NOW - 15_000]}), null, NOW)).toEqual({ms: 15_000, reason: 'pace'});
	});

	it('lets the largest floor win over a fast pace', () => {
		const everyMinute = [0, 1, 2, 3].map((i) => NOW - i * MIN);
		expect(adaptiveInterval(history({postTimes: everyMinute}), {ms: 120_000, reason: 'max-age'}, NOW)).toEqual({ms: 120_000, reason: 'max-age'});
	});

	it('slows to 15 minutes for an ended blog or a passed coverage end', () => {
		expect(nextPoll(adaptive, history({live: 'ended'}), success(), zero)).toMatchObject({delayMs: ENDED_INTERVAL_MS, reason: 'ended'});
		expect(nextPoll(adaptive, history({hints: {coverageEndsAt: NOW - 1}}), success(), zero)).toMatchObject({delayMs: ENDED_INTERVAL_MS, reason: 'ended'});
		expect(nextPoll(adaptive, history({hints: {coverageEndsAt: NOW + MIN}}), success(), zero).reason).toBe('interval');
	});

	it('always lands in [15 s, 5 min] unless ended', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({min: NOW - 30 * 24 * 60 * MIN, max: NOW}), {maxLength: 30}),
				fc.option(fc.integer({min: 0, max: 10 ** 9})),
				fc.option(fc.integer({min: 0, max: 10 ** 6})),
				(postTimes, maxAge, ttl) => {
					const h = history({postTimes, hints: ttl === null ? {} : {ttlSeconds: ttl}});
					const next = nextPoll(adaptive, h, success(maxAge === null ? null : {ms: maxAge, reason: 'max-age'}), zero);
					return next.delayMs >= 15_000 && next.delayMs <= 5 * MIN && next.at === NOW + next.delayMs;
				},
			),
		);
	});
});

describe('pace', () => {
	it('is half the median gap, counting the quiet time since the newest post', () => {
		expect(paceMs([NOW - 2 * MIN, NOW - 4 * MIN, NOW - 6 * MIN], NOW)).toBe(MIN);
		expect(paceMs([NOW, NOW - MIN, NOW - 2 * MIN, NOW - 3 * MIN], NOW)).toBe(MIN / 2);
		expect(paceMs([NOW - MIN], NOW)).toBeNull();
		expect(paceMs([NOW + 10 * MIN, NOW + 20 * MIN], NOW)).toBeNull();
	});

	it('reads only the newest ten dated posts, in any order, skipping future and undated ones', () => {
		const newestTen = [1, 3, 4, 6, 9, 13, 14, 16, 19, 23].map((m) => NOW - m * MIN);
		const older = Array.from({length: 2_000}, (_, i) => NOW - (30 + i) * MIN);
		const mixed = [...older.slice(0, 1_000), NOW + MIN, ...newestTen.slice(5), Number.NaN, ...older.slice(1_000), ...newestTen.slice(0, 5)];
		// Gaps 1, 2, 1, 2, 3, 4, 1, 2, 3, 4 min plus the 1 min since the newest: median 2 min.
		expect(paceMs(mixed, NOW)).toBe(MIN);
		expect(paceMs(newestTen, NOW)).toBe(MIN);
	});

	it('equals half the median gap of the newest ten, whatever the order and duplicates', () => {
		const reference = (times: readonly number[], now: number): number | null => {
			const newest = times.filter((t) => Number.isFinite(t) && t <= now).sort((a, b) => b - a).slice(0, 10);
			if (newest.length < 2) return null;
			const gaps = newest.slice(1).map((t, i) => newest[i]! - t);
			gaps.push(now - newest[0]!);
			gaps.sort((a, b) => a - b);
			const mid = Math.floor(gaps.length / 2);
			return (gaps.length % 2 === 1 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2) / 2;
		};
		fc.assert(
			fc.property(fc.array(fc.integer({min: NOW - 600 * MIN, max: NOW + 10 * MIN}), {maxLength: 60}), (times) => paceMs(times, NOW) === reference(times, NOW)),
		);
	});
});

describe('backoff', () => {
	it('doubles the ceiling per failure from the interval up to 10 minutes', () => {
		expect([1, 2, 3, 4].map((n) => backoffMs(30_000, n, one))).toEqual([60_000, 120_000, 240_000, 480_000]);
		expect(backoffMs(30_000, 5, one)).toBe(MAX_BACKOFF_MS);
		expect(backoffMs(30_000, 500, one)).toBe(MAX_BACKOFF_MS);
		expect(backoffMs(30_000, 3, zero)).toBe(30_000);
	});

	it('never goes below the interval, not even for an ended blog', () => {
		expect(backoffMs(ENDED_INTERVAL_MS, 3, one)).toBe(ENDED_INTERVAL_MS);
	});

	it('spreads full jitter across [interval, ceiling]', () => {
		fc.assert(
			fc.property(fc.integer({min: 1_000, max: 300_000}), fc.integer({min: 1, max: 60}), fc.double({min: 0, max: 1, noNaN: true}), (base, n, r) => {
				const delay = backoffMs(base, n, () => r);
				return delay >= base && delay <= Math.max(base, Math.min(MAX_BACKOFF_MS, base * 2 ** n)) + 1;
			}),
		);
		const samples = [0, 0.25, 0.5, 0.75, 0.999].map((r) => backoffMs(10_000, 3, () => r));
		expect(samples).toEqual([10_000, 27_500, 45_000, 62_500, 79_930]);
	});

	it('is used for every failure, counted from the history', () => {
		expect(nextPoll(adaptive, history({failures: 0}), failure(http500), one)).toMatchObject({delayMs: 60_000, reason: 'backoff'});
		expect(nextPoll(adaptive, history({failures: 2}), failure(http500), one)).toMatchObject({delayMs: 240_000, reason: 'backoff'});
		const timeout: Failure = {kind: 'timeout', phase: 'total', host: 'h'};
		expect(nextPoll({kind: 'fixed', ms: 1_000}, history({failures: 0}), failure(timeout), one)).toMatchObject({delayMs: 2_000, reason: 'backoff'});
	});

	it('keeps the server freshness as the interval while failing', () => {
		const h = history({failures: 0, lastFreshness: {ms: 120_000, reason: 'max-age'}});
		expect(nextPoll(adaptive, h, failure(http500), zero)).toMatchObject({delayMs: 120_000, reason: 'backoff'});
	});
});

describe('Retry-After', () => {
	const limited = (retryAfterMs: number | null): Failure => ({kind: 'rate-limited', status: 429, host: 'h', retryAfterMs});

	it('waits at least as long as the server asked', () => {
		expect(nextPoll(adaptive, history(), failure(limited(120_000)), zero)).toMatchObject({delayMs: 120_000, reason: 'retry-after'});
		expect(nextPoll(adaptive, history(), failure({kind: 'rate-limited', status: 503, host: 'h', retryAfterMs: 45 * MIN}), one)).toMatchObject({
			delayMs: 45 * MIN,
			reason: 'retry-after',
		});
	});

	it('backs off further when the backoff is already longer than Retry-After', () => {
		expect(nextPoll(adaptive, history({failures: 4}), failure(limited(5_000)), one)).toMatchObject({delayMs: MAX_BACKOFF_MS, reason: 'backoff'});
		expect(nextPoll(adaptive, history(), failure(limited(null)), one)).toMatchObject({delayMs: 60_000, reason: 'backoff'});
	});
});

describe('startup', () => {
	it('polls at once on a fresh start', () => {
		expect(nextPoll(adaptive, history(), {kind: 'start', at: NOW, restored: false}, one)).toEqual({at: NOW, delayMs: 0, reason: 'interval'});
	});

	it('jitters the first poll by up to 5 s when restoring from the store', () => {
		const delays = [0, 0.5, 1].map((r) => nextPoll(adaptive, history(), {kind: 'start', at: NOW, restored: true}, () => r));
		expect(delays.map((d) => d.delayMs)).toEqual([0, 2_500, 5_000]);
		expect(delays.every((d) => d.reason === 'startup-jitter')).toBe(true);
	});
});

describe('describeNextPoll', () => {
	it('says when and why', () => {
		expect(describeNextPoll({at: NOW + 40_000, delayMs: 40_000, reason: 'max-age'}, NOW)).toBe('next in 40 s · server max-age');
		expect(describeNextPoll({at: NOW + 40_000, delayMs: 40_000, reason: 'pace'}, NOW + 30_500)).toBe('next in 10 s · blog pace');
		expect(describeNextPoll({at: NOW, delayMs: 0, reason: 'backoff'}, NOW + 1)).toBe('next now · backing off after errors');
		expect(describeNextPoll({at: NOW + 15 * MIN, delayMs: 15 * MIN, reason: 'ended'}, NOW)).toBe('next in 15 min · blog ended');
	});

	it('formats delays', () => {
		expect([999, 59_000, 90_000, 600_000, 3_600_000, 5_400_000].map(describeDelay)).toEqual(['1 s', '59 s', '1 min 30 s', '10 min', '1 h', '1 h 30 min']);
	});
});
