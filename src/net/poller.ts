/**
 * The only polling loop: ask the source what to fetch, fetch it, let the
 * source read it, report a PollEvent, sleep until the schedule says so.
 * It never rejects (every fault is a poll-failed event), stops through an
 * AbortSignal that also cancels the request in flight and the sleep, and
 * makes no request while paused.
 */
import {performance} from 'node:perf_hooks';
import {describeFailure, toFailure, type Failure} from '../errors.js';
import type {LiveStatus, PollHints} from '../model/blog.js';
import type {Blog} from '../model/blog.js';
import type {ParseResult, PollRequest, PollSource} from '../sources/source.js';
import type {Clock} from './clock.js';
import {createDebugLog, type DebugLogEntry} from './debug-log.js';
import {fetchDocument, type FetchOptions, type FetchOutcome} from './fetch-document.js';
import type {NextPoll, PollEvent, Validators} from './poll-events.js';
import {freshnessOf, type Freshness} from './retry-after.js';
import {nextPoll, type ScheduleHistory, type ScheduleOutcome, type SchedulePolicy} from './schedule.js';
import {conditionalHeaders} from './validators.js';

/** `r` is honoured at most this often. */
export const REFRESH_MIN_GAP_MS = 5_000;
/** Autodiscovery hops allowed within one poll. */
export const MAX_FOLLOWS = 3;

export type PollerOptions = {
	readonly source: PollSource;
	readonly clock: Clock;
	readonly random?: () => number;
	readonly interval: SchedulePolicy;
	/** Validators restored from the store, per request key. */
	readonly validators?: Readonly<Record<string, Validators>>;
	/** True when a stored copy is shown: the first poll is jittered. */
	readonly restored: boolean;
	/** The blog as merged so far (for PollContext and the pace of posts). */
	readonly getBlog: () => Blog | null;
	readonly onEvent: (event: PollEvent) => void;
	readonly debugLogPath?: string;
	/** Dispatcher, caps and deadline for fetchDocument (tests use short ones). */
	readonly fetchOptions?: Omit<FetchOptions, 'signal' | 'now'>;
};

export type PollerControl = {
	start(): void;
	/** Polls now unless the last poll began under 5 s ago, or polling is paused. */
	refresh(): 'started' | 'too-soon' | 'paused';
	/** Returns whether polling is now paused. */
	togglePause(): boolean;
	stop(): void;
	/** Resolves once the loop has ended after stop() and the debug log is written. */
	closed(): Promise<void>;
};

type BlogLike = {
	readonly entries: readonly {readonly published: number | null}[];
	readonly live: LiveStatus;
	readonly hints: PollHints;
};

class Stopped extends Error {}

export function createPoller(options: PollerOptions): PollerControl {
	const {source, clock} = options;
	const random = options.random ?? Math.random;
	const validators: Record<string, Validators> = {...options.validators};
	const log = createDebugLog(options.debugLogPath);

	let started = false;
	let stopped = false;
	let paused = false;
	let refreshRequested = false;
	let failures = 0;
	let lastFreshness: Freshness | null = null;
	let lastPollAt: number | null = null;
	// Per-sleep and per-poll controllers, so no long-lived signal accumulates listeners.
	let wake: AbortController | null = null;
	let inflight: AbortController | null = null;
	let resume: (() => void) | null = null;
	let loop: Promise<void> = Promise.resolve();

	const emit = (event: PollEvent): void => {
		try {
			options.onEvent(event);
		} catch {
			// A consumer's bug must not end polling.
		}
	};

	// Only the adaptive policy reads the posts' times; a fixed interval need not walk 2,000 entries after every 304.
	const readsPosts = options.interval.kind === 'adaptive';
	const history = (blog: BlogLike | null): ScheduleHistory => ({
		failures,
		postTimes: readsPosts && blog !== null ? postTimesOf(blog.entries) : [],
		live: blog?.live ?? 'unknown',
		hints: blog?.hints ?? {},
		lastFreshness,
	});

	const schedule = (blog: BlogLike | null, outcome: ScheduleOutcome): NextPoll =>
		nextPoll(options.interval, history(blog), outcome, random);

	const logRequest = (entry: Omit<DebugLogEntry, 'durationMs'> & {readonly startedAt: number}): void => {
		const {startedAt, ...rest} = entry;
		log.write({...rest, durationMs: performance.now() - startedAt});
	};

	const fail = (failure: Failure, request: PollRequest, startedAt: number, sent: Record<string, string>): NextPoll => {
		const at = clock.now();
		const next = schedule(options.getBlog(), {kind: 'failure', at, failure});
		failures++;
		logRequest({at, url: request.url, sent, status: statusOf(failure), bytes: 0, startedAt, result: describeFailure(failure), next});
		emit({type: 'poll-failed', at, failure, next});
		return next;
	};

	const fetchOnce = async (request: PollRequest, signal: AbortSignal): Promise<FetchOutcome> => {
		const outcome = await fetchDocument(request, validators[request.key], {...options.fetchOptions, signal, now: clock.now});
		validators[request.key] = outcome.validators;
		return outcome;
	};

	const pollOnce = async (): Promise<NextPoll | null> => {
		const controller = new AbortController();
		inflight = controller;
		const at = clock.now();
		lastPollAt = at;
		let request: PollRequest = {url: '', conditional: false, key: ''};
		let sent: Record<string, string> = {};
		let startedAt = performance.now();
		try {
			request = source.nextRequest({blog: options.getBlog(), now: at});
			emit({type: 'poll-started', at, url: request.url});
			for (let hop = 0; ; hop++) {
				startedAt = performance.now();
				sent = request.conditional ? conditionalHeaders(validators[request.key]) : {};
				const outcome = await fetchOnce(request, controller.signal);
				if (stopped) return null;
				const base = {url: request.url, sent, status: outcome.trace.status, bytes: outcome.trace.wireBytes, startedAt};

				if (outcome.kind === 'not-modified') {
					const freshness = freshnessOf(outcome.headers, outcome.at);
					const next = schedule(options.getBlog(), {kind: 'success', at: outcome.at, freshness});
					failures = 0;
					lastFreshness = freshness;
					logRequest({...base, at: outcome.at, result: outcome.trace.status === 304 ? 'not-modified' : 'same-hash', next});
					emit({type: 'poll-not-modified', at: outcome.at, next, validators: {...validators}});
					return next;
				}

				const result: ParseResult = source.accept(outcome.document, {blog: options.getBlog(), now: outcome.at});
				if (result.kind === 'blog') {
					const freshness = freshnessOf(outcome.document.headers, outcome.at);
					const next = schedule(result.blog, {kind: 'success', at: outcome.at, freshness});
					failures = 0;
					lastFreshness = freshness;
					logRequest({...base, at: outcome.at, result: 'modified', next});
					emit({
						type: 'poll-succeeded',
						at: outcome.at,
						blog: result.blog,
						sourceUrl: outcome.document.url,
						via: result.via,
						validators: {...validators},
						next,
					});
					return next;
				}
				if (result.kind === 'not-a-blog') {
					return fail({kind: 'not-a-feed', found: result.found, url: outcome.document.url}, request, startedAt, sent);
				}
				logRequest({...base, at: outcome.at, result: `follow ${result.url}`, next: null});
				// A page's validators would let the next run's first poll stop at a 304 for the
				// page and never ask the feed behind it; the page is fetched whole once per run.
				delete validators[request.key];
				if (hop + 1 >= MAX_FOLLOWS) {
					const found = `a chain of more than ${MAX_FOLLOWS} feed links`;
					return fail({kind: 'not-a-feed', found, url: result.url}, request, startedAt, {});
				}
				// The source has usually remembered its choice; its own request keeps its headers and key.
				const asked = source.nextRequest({blog: options.getBlog(), now: clock.now()});
				request = asked.url === result.url ? asked : {url: result.url, conditional: true, key: result.url};
			}
		} catch (error) {
			if (stopped || error instanceof Stopped) return null;
			return fail(toFailure(error, request.url), request, startedAt, sent);
		} finally {
			if (inflight === controller) inflight = null;
		}
	};

	const sleep = async (ms: number): Promise<void> => {
		const controller = new AbortController();
		wake = controller;
		try {
			await clock.sleep(ms, controller.signal);
		} catch {
			// Woken early: refresh, pause or stop. The loop re-reads its state.
		} finally {
			if (wake === controller) wake = null;
		}
	};

	const run = async (): Promise<void> => {
		let next = schedule(options.getBlog(), {kind: 'start', at: clock.now(), restored: options.restored});
		while (!stopped) {
			if (paused) {
				await new Promise<void>((resolve) => (resume = resolve));
				resume = null;
				continue;
			}
			const remaining = next.at - clock.now();
			if (remaining > 0 && !refreshRequested) {
				await sleep(remaining);
				continue;
			}
			refreshRequested = false;
			next = (await pollOnce()) ?? next;
		}
	};

	return {
		start() {
			if (started || stopped) return;
			started = true;
			loop = run().catch(() => undefined);
		},
		refresh() {
			if (paused) return 'paused';
			if (stopped) return 'too-soon';
			if (lastPollAt !== null && clock.now() - lastPollAt < REFRESH_MIN_GAP_MS) return 'too-soon';
			refreshRequested = true;
			wake?.abort(new Stopped('refresh'));
			return 'started';
		},
		togglePause() {
			paused = !paused;
			emit({type: 'poll-paused', at: clock.now(), paused});
			if (paused) wake?.abort(new Stopped('pause'));
			else resume?.();
			return paused;
		},
		stop() {
			if (stopped) return;
			stopped = true;
			inflight?.abort(new Stopped('stop'));
			wake?.abort(new Stopped('stop'));
			resume?.();
		},
		closed: () => loop.then(() => log.flush()),
	};
}

function postTimesOf(entries: BlogLike['entries']): number[] {
	const times: number[] = [];
	for (const entry of entries) if (entry.published !== null) times.push(entry.published);
	return times;
}

function statusOf(failure: Failure): number | null {
	switch (failure.kind) {
		case 'http':
		case 'rate-limited':
		case 'auth':
			return failure.status;
		default:
			return null;
	}
}
