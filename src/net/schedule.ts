/**
 * When to poll next: a pure function of the policy, what we know about the
 * blog and the server, the outcome of the last poll, and an injected random
 * source (for jitter). The poller calls it; tests call it directly.
 */
import type {Failure} from '../errors.js';
import type {LiveStatus, PollHints} from '../model/blog.js';
import type {NextPoll, NextPollReason} from './poll-events.js';
import type {Freshness} from './retry-after.js';

export const MIN_ADAPTIVE_MS = 15_000;
export const MAX_ADAPTIVE_MS = 5 * 60_000;
export const DEFAULT_INTERVAL_MS = 30_000;
export const ENDED_INTERVAL_MS = 15 * 60_000;
export const MAX_BACKOFF_MS = 10 * 60_000;
export const MIN_FIXED_MS = 1_000;
export const STARTUP_JITTER_MS = 5_000;
/** How many of the newest posts set the pace. */
export const PACE_POSTS = 10;

export type SchedulePolicy = {readonly kind: 'fixed'; readonly ms: number} | {readonly kind: 'adaptive'};

export type ScheduleHistory = {
	/** Consecutive failures before this outcome. */
	readonly failures: number;
	/** Published times (epoch ms) of the blog's entries, any order; empty when unknown. */
	readonly postTimes: readonly number[];
	readonly live: LiveStatus;
	readonly hints: PollHints;
	/** Freshness from the last successful response, used while failing. */
	readonly lastFreshness: Freshness | null;
};

export type ScheduleOutcome =
	| {readonly kind: 'start'; readonly at: number; readonly restored: boolean}
	| {readonly kind: 'success'; readonly at: number; readonly freshness: Freshness | null}
	| {readonly kind: 'failure'; readonly at: number; readonly failure: Failure};

export const emptyHistory: ScheduleHistory = {failures: 0, postTimes: [], live: 'unknown', hints: {}, lastFreshness: null};

type Candidate = {readonly ms: number; readonly reason: NextPollReason};

function clamp(ms: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, ms));
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Half the median gap between the newest posts, counting the time since the
 * newest post as one more gap, so a blog that has gone quiet slows down.
 * Null with fewer than two dated posts. One pass that keeps the newest few,
 * not a sort of every post: it runs after every poll, 304s included.
 */
export function paceMs(postTimes: readonly number[], now: number): number | null {
	// Descending, at most PACE_POSTS long.
	const newest: number[] = [];
	for (const t of postTimes) {
		if (!Number.isFinite(t) || t > now) continue;
		if (newest.length === PACE_POSTS && t <= newest[PACE_POSTS - 1]!) continue;
		let i = Math.min(newest.length, PACE_POSTS - 1);
		while (i > 0 && newest[i - 1]! < t) i--;
		newest.splice(i, 0, t);
		if (newest.length > PACE_POSTS) newest.length = PACE_POSTS;
	}
	if (newest.length < 2) return null;
	const gaps: number[] = [];
	for (let i = 1; i < newest.length; i++) gaps.push((newest[i - 1] ?? 0) - (newest[i] ?? 0));
	gaps.push(now - (newest[0] ?? now));
	return median(gaps) / 2;
}

export function hasEnded(history: ScheduleHistory, now: number): boolean {
	if (history.live === 'ended') return true;
	const ends = history.hints.coverageEndsAt;
	return ends !== undefined && ends < now;
}

/**
 * The interval while things go well. Server freshness, ttl and update period
 * are floors (polling before them only fetches the same thing); pace is what
 * we would like. The largest wins, clamped to [15 s, 5 min].
 */
export function adaptiveInterval(history: ScheduleHistory, freshness: Freshness | null, now: number): Candidate {
	if (hasEnded(history, now)) return {ms: ENDED_INTERVAL_MS, reason: 'ended'};
	const candidates: Candidate[] = [];
	if (freshness) candidates.push(freshness);
	if (history.hints.ttlSeconds !== undefined) candidates.push({ms: history.hints.ttlSeconds * 1000, reason: 'ttl'});
	if (history.hints.updatePeriodSeconds !== undefined) {
		candidates.push({ms: history.hints.updatePeriodSeconds * 1000, reason: 'update-period'});
	}
	const pace = paceMs(history.postTimes, now);
	if (pace !== null) candidates.push({ms: pace, reason: 'pace'});
	const valid = candidates.filter((c) => Number.isFinite(c.ms) && c.ms >= 0);
	if (valid.length === 0) return {ms: DEFAULT_INTERVAL_MS, reason: 'interval'};
	const chosen = valid.reduce((a, b) => (b.ms > a.ms ? b : a));
	return {ms: clamp(chosen.ms, MIN_ADAPTIVE_MS, MAX_ADAPTIVE_MS), reason: chosen.reason};
}

function baseInterval(policy: SchedulePolicy, history: ScheduleHistory, freshness: Freshness | null, now: number): Candidate {
	if (policy.kind === 'fixed') return {ms: Math.max(MIN_FIXED_MS, policy.ms), reason: 'fixed'};
	return adaptiveInterval(history, freshness, now);
}

/**
 * Exponential backoff with full jitter between the interval and a ceiling
 * that doubles per consecutive failure, up to 10 minutes (never below the
 * interval itself, e.g. 15 min for an ended blog).
 */
export function backoffMs(baseMs: number, failures: number, random: () => number): number {
	const ceiling = Math.max(baseMs, Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.min(failures, 30)));
	const r = Math.min(1, Math.max(0, random()));
	return Math.round(baseMs + r * (ceiling - baseMs));
}

function at(now: number, candidate: Candidate): NextPoll {
	const delayMs = Math.max(0, Math.round(candidate.ms));
	return {at: now + delayMs, delayMs, reason: candidate.reason};
}

export function nextPoll(
	policy: SchedulePolicy,
	history: ScheduleHistory,
	outcome: ScheduleOutcome,
	random: () => number,
): NextPoll {
	switch (outcome.kind) {
		case 'start':
			// Many readers restarted together (a reboot, a tmux restore) must not arrive together.
			return outcome.restored
				? at(outcome.at, {ms: Math.min(1, Math.max(0, random())) * STARTUP_JITTER_MS, reason: 'startup-jitter'})
				: at(outcome.at, {ms: 0, reason: policy.kind === 'fixed' ? 'fixed' : 'interval'});
		case 'success':
			return at(outcome.at, baseInterval(policy, history, outcome.freshness, outcome.at));
		case 'failure': {
			const base = baseInterval(policy, history, history.lastFreshness, outcome.at);
			const failures = history.failures + 1;
			const backoff: Candidate = {ms: backoffMs(base.ms, failures, random), reason: 'backoff'};
			const failure = outcome.failure;
			if (failure.kind === 'rate-limited' && failure.retryAfterMs !== null && failure.retryAfterMs > backoff.ms) {
				return at(outcome.at, {ms: failure.retryAfterMs, reason: 'retry-after'});
			}
			return at(outcome.at, backoff);
		}
	}
}

const REASON_LABELS: Readonly<Record<NextPollReason, string>> = {
	fixed: 'fixed interval',
	interval: 'default interval',
	'max-age': 'server max-age',
	expires: 'server Expires',
	ttl: 'feed ttl',
	'update-period': 'feed update period',
	pace: 'blog pace',
	ended: 'blog ended',
	backoff: 'backing off after errors',
	'retry-after': 'server asked to wait',
	'startup-jitter': 'starting',
};

export function describeDelay(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	if (minutes < 60) return rest === 0 || minutes >= 10 ? `${minutes} min` : `${minutes} min ${rest} s`;
	const hours = Math.floor(minutes / 60);
	const restMinutes = minutes % 60;
	return restMinutes === 0 ? `${hours} h` : `${hours} h ${restMinutes} min`;
}

/** "next in 40 s · server max-age" (plain ASCII-safe text built from our own labels). */
export function describeNextPoll(next: NextPoll, now: number): string {
	const remaining = next.at - now;
	const when = remaining <= 0 ? 'next now' : `next in ${describeDelay(remaining)}`;
	return `${when} · ${REASON_LABELS[next.reason]}`;
}
