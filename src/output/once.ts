/**
 * One read of one blog: start a poller, take its first answer, stop it. Used
 * by --once, --json --once and export. Never throws: a failure comes back as
 * data to be printed as one line.
 */
import type {Failure} from '../errors.js';
import type {Blog} from '../model/blog.js';
import {mergePoll} from '../model/merge.js';
import type {Clock} from '../net/clock.js';
import type {PollEvent} from '../net/poll-events.js';
import type {PollSource} from '../sources/source.js';

export type Writer = {write(text: string): unknown};

export type IntervalPolicy = {readonly kind: 'fixed'; readonly ms: number} | {readonly kind: 'adaptive'};

/** The slice of net/poller.ts that output modes use; injected so the modes stay testable. */
export type PollerFactory = (options: {
	source: PollSource;
	clock: Clock;
	interval: IntervalPolicy;
	restored: boolean;
	getBlog: () => Blog | null;
	onEvent: (event: PollEvent) => void;
	debugLogPath?: string;
}) => {start(): void; stop(): void};

export type ReadTarget = {
	/** What the reader typed (URL or config name). */
	readonly input: string;
	/** The URL it stands for: the blog's identity in output and the store. */
	readonly url: string;
	readonly source: PollSource;
};

export type OnceResult = {readonly kind: 'blog'; readonly blog: Blog} | {readonly kind: 'failed'; readonly failure: Failure};

export function readOnce(target: ReadTarget, createPoller: PollerFactory, clock: Clock, debugLogPath?: string): Promise<OnceResult> {
	return new Promise(resolve => {
		let settled = false;
		const poller = createPoller({
			source: target.source,
			clock,
			interval: {kind: 'fixed', ms: 60_000},
			restored: false,
			getBlog: () => null,
			...(debugLogPath === undefined ? {} : {debugLogPath}),
			onEvent: event => {
				if (settled) return;
				if (event.type === 'poll-succeeded') {
					settled = true;
					resolve({kind: 'blog', blog: mergePoll(null, event.blog, target.url, event.at).blog});
				} else if (event.type === 'poll-failed') {
					settled = true;
					resolve({kind: 'failed', failure: event.failure});
				} else {
					return;
				}
				// Stopping from inside the poller's own callback: let it finish first.
				queueMicrotask(() => poller.stop());
			},
		});
		poller.start();
	});
}
