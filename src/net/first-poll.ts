/**
 * The TUI's first poll of each blog that has no stored copy, run in a worker
 * thread (first-poll-worker.ts). Fetching and parsing a large feed holds a
 * thread for the best part of a second; in a worker that time overlaps with
 * the main thread loading Ink and drawing, instead of following it. The
 * worker makes each tab's source with the ordinary poller and sources, so its
 * answer is the very PollEvent the main thread's poller would have reported,
 * and data still flows one way: worker → event → reducer. Later polls are the
 * main thread's (ui/tab-pollers.ts).
 */
import {Worker} from 'node:worker_threads';
import type {Failure} from '../errors.js';
import type {SourceOptions} from '../sources/index.js';
import type {PollEvent} from './poll-events.js';
import type {SchedulePolicy} from './schedule.js';

export type FirstPollJob = {
	readonly tab: number;
	readonly url: string;
	readonly options: SourceOptions;
	readonly interval: SchedulePolicy;
	readonly debugLogPath?: string;
};

/** The events that end a poll. */
export type SettlingEvent = Exclude<PollEvent, {readonly type: 'poll-started'} | {readonly type: 'poll-paused'} | {readonly type: 'poll-preview'}>;

export type PreviewEvent = Extract<PollEvent, {readonly type: 'poll-preview'}>;

/**
 * What the worker posts, in this order: `invalid` or `checked`, then per tab
 * at most one `preview` (a large feed's newest posts) and one `settled`.
 */
export type FirstPollMessage =
	| {readonly type: 'invalid'; readonly tab: number; readonly failure: Failure}
	| {readonly type: 'checked'}
	| {readonly type: 'preview'; readonly tab: number; readonly event: PreviewEvent}
	| {readonly type: 'settled'; readonly tab: number; readonly event: SettlingEvent};

/** `lost`: the worker ended without an answer for the tab, so its own poller polls at once. */
export type FirstPoll = {readonly kind: 'settled'; readonly event: SettlingEvent} | {readonly kind: 'lost'};

export type FirstPolls = {
	/** Null once every address has made a source; otherwise why one could not. */
	readonly checked: Promise<Failure | null>;
	/** The first poll of a tab given to the worker; null for any other tab. */
	result(tab: number): Promise<FirstPoll> | null;
	/**
	 * Called with a tab's preview if one comes, always before its result
	 * resolves; at most once per tab. Previews that came before the call are
	 * handed over at once.
	 */
	onPreview(tab: number, listener: (event: PreviewEvent) => void): void;
};

export function startFirstPolls(workerUrl: URL, jobs: readonly FirstPollJob[]): FirstPolls {
	let check = (_failure: Failure | null): void => undefined;
	const checked = new Promise<Failure | null>((resolve) => (check = resolve));
	const results = new Map<number, {promise: Promise<FirstPoll>; resolve: (poll: FirstPoll) => void}>();
	for (const job of jobs) {
		let resolve = (_poll: FirstPoll): void => undefined;
		const promise = new Promise<FirstPoll>((r) => (resolve = r));
		results.set(job.tab, {promise, resolve});
	}

	// A preview waits here until its tab listens; a listener waits for its preview.
	const previews = new Map<number, PreviewEvent>();
	const listeners = new Map<number, (event: PreviewEvent) => void>();

	const worker = new Worker(workerUrl, {workerData: jobs});
	// It must never keep the program running, nor outlive it.
	worker.unref();
	worker.on('message', (message: FirstPollMessage) => {
		switch (message.type) {
			case 'invalid':
				check(message.failure);
				return;
			case 'checked':
				check(null);
				return;
			case 'preview': {
				const listener = listeners.get(message.tab);
				if (listener === undefined) previews.set(message.tab, message.event);
				else listener(message.event);
				return;
			}
			case 'settled':
				previews.delete(message.tab);
				listeners.delete(message.tab);
				results.get(message.tab)?.resolve({kind: 'settled', event: message.event});
				return;
		}
	});
	const lost = (): void => {
		// A crashed worker is a bug, not the reader's problem: the main thread polls instead.
		check(null);
		for (const {resolve} of results.values()) resolve({kind: 'lost'});
	};
	worker.on('error', lost);
	worker.on('exit', lost);

	return {
		checked,
		result: (tab) => results.get(tab)?.promise ?? null,
		onPreview(tab, listener) {
			const early = previews.get(tab);
			previews.delete(tab);
			if (early === undefined) listeners.set(tab, listener);
			else listener(early);
		},
	};
}
