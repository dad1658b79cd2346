/**
 * Each tab's poller, made once the screen is up: the poller, undici and the
 * sources (fast-xml-parser, htmlparser2, iconv-lite) are imported here, after
 * the first frame, so neither a stored copy nor the loading line waits for
 * them. A tab whose first poll ran in the first-poll worker reports that
 * poll's preview (if any) and event first, then its own poller takes over when
 * the event says the next poll is due.
 */
import {isLiveblogError, type Failure} from '../errors.js';
import type {Clock} from '../net/clock.js';
import type {FirstPolls} from '../net/first-poll.js';
import type {PollEvent, Validators} from '../net/poll-events.js';
import type {PollerControl, PollerOptions} from '../net/poller.js';
import type {SchedulePolicy} from '../net/schedule.js';
import type {SourceOptions} from '../sources/index.js';
import type {PollSource} from '../sources/source.js';
import type {PollerFactory} from './hooks/use-pollers.js';
import type {OlderLoader} from './older-loader.js';

/** What a tab's poller is made of; loaded on first use. */
export type TabNet = {
	readonly createPoller: (options: PollerOptions) => PollerControl;
	readonly createPollSource: (url: string, options: SourceOptions) => PollSource;
	readonly createOlderLoader: (source: PollSource) => OlderLoader | undefined;
	readonly canFollow: (source: PollSource) => source is PollSource & {followNewer(): boolean};
	readonly clock: Clock;
	/** How soon after a poll `r` may poll again (the poller's own rule). */
	readonly refreshGapMs: number;
};

export type TabPollersOptions = {
	readonly tabs: readonly {readonly url: string; readonly restored: boolean}[];
	readonly sourceOptions: SourceOptions;
	readonly interval: SchedulePolicy;
	readonly firstPolls: FirstPolls | null;
	/** Per tab, the validators last reported: read for each new poller, written on each success (the store saves them). */
	readonly validators: Readonly<Record<string, Validators>>[];
	/** An address no source accepts (found only now when the worker did not check it). */
	readonly onInvalid: (failure: Failure) => void;
	readonly debugLogPath?: string;
	/** Tests pass their own; the default imports the real modules. */
	readonly loadNet?: () => Promise<TabNet>;
};

async function importNet(): Promise<TabNet> {
	const [{createPoller, REFRESH_MIN_GAP_MS}, {systemClock}, {createPollSource}, {createOlderLoader, canFollow}] = await Promise.all([
		import('../net/poller.js'),
		import('../net/clock.js'),
		import('../sources/index.js'),
		import('./older-loader.js'),
	]);
	return {createPoller, createPollSource, createOlderLoader, canFollow, clock: systemClock, refreshGapMs: REFRESH_MIN_GAP_MS};
}

export function createTabPollers(options: TabPollersOptions): PollerFactory {
	let net: Promise<TabNet> | null = null;
	// One source per tab for the whole run: following a series' newer blog moves it on, and a fresh poller keeps it.
	const sources = new Map<number, PollSource>();
	// A tab that followed a series to a newer blog polls it at once, without the restore jitter.
	const followed = new Set<number>();

	return (tab, onEvent, getBlog) => {
		const spec = options.tabs[tab]!;
		const first = followed.has(tab) ? null : (options.firstPolls?.result(tab) ?? null);
		let begun = false;
		let stopped = false;
		let paused = false;
		let made: {readonly net: TabNet; readonly source: PollSource; readonly poller: PollerControl; readonly older: OlderLoader | undefined} | null = null;
		/** Set while the poller waits to take over from the worker's poll, which settled at `handedAt`. */
		let waiting: AbortController | null = null;
		let handedAt = 0;

		const report = (event: PollEvent): void => {
			if (event.type === 'poll-succeeded') options.validators[tab] = event.validators;
			onEvent(event);
		};

		const takeOver = (poller: PollerControl): void => {
			waiting = null;
			poller.start();
		};

		const begin = async (): Promise<void> => {
			// A large feed's newest posts, drawn while the worker reads the rest; its result always comes after.
			if (first !== null) options.firstPolls?.onPreview(tab, (event) => {
				if (!stopped) report(event);
			});
			const firstPoll = first === null ? null : await first;
			if (stopped) return;
			const settled = firstPoll?.kind === 'settled' ? firstPoll.event : null;
			// Reported before anything more loads, so the posts are drawn at once.
			if (settled !== null) report(settled);
			net ??= (options.loadNet ?? importNet)();
			const n = await net;
			if (stopped) return;
			let source = sources.get(tab);
			if (source === undefined) {
				try {
					source = n.createPollSource(spec.url, options.sourceOptions);
				} catch (error) {
					if (!isLiveblogError(error)) throw error;
					options.onInvalid(error.failure);
					return;
				}
				sources.set(tab, source);
			}
			const poller = n.createPoller({
				source,
				clock: n.clock,
				interval: options.interval,
				validators: options.validators[tab] ?? {},
				restored: settled === null && spec.restored && !followed.has(tab),
				getBlog,
				onEvent: report,
				...(options.debugLogPath === undefined ? {} : {debugLogPath: options.debugLogPath}),
			});
			made = {net: n, source, poller, older: n.createOlderLoader(source)};
			if (paused) poller.togglePause();
			if (settled === null) {
				poller.start();
				return;
			}
			const controller = new AbortController();
			waiting = controller;
			handedAt = settled.at;
			n.clock.sleep(Math.max(0, settled.next.at - n.clock.now()), controller.signal).then(
				() => takeOver(poller),
				// Woken early: `r` started the poller, or the tab stopped.
				() => undefined,
			);
		};

		return {
			start() {
				if (begun) return;
				begun = true;
				void begin();
			},
			refresh() {
				if (paused) return 'paused';
				// Until the poller is made, the first poll is still under way.
				if (stopped || made === null) return 'too-soon';
				if (waiting === null) return made.poller.refresh();
				if (made.net.clock.now() - handedAt < made.net.refreshGapMs) return 'too-soon';
				waiting.abort();
				takeOver(made.poller);
				return 'started';
			},
			togglePause() {
				paused = made === null ? !paused : made.poller.togglePause();
				return paused;
			},
			stop() {
				stopped = true;
				waiting?.abort();
				made?.poller.stop();
			},
			followNewer() {
				if (made === null) return false;
				const {net: n, source} = made;
				if (!n.canFollow(source) || !source.followNewer()) return false;
				followed.add(tab);
				return true;
			},
			loadOlder: (blog, signal) => made?.older?.(blog, signal) ?? null,
		};
	};
}
