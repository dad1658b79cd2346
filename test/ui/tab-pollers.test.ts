/**
 * The tab pollers run-tui wires: a tab whose first poll ran in the worker
 * shows that poll's event first and hands over to its own poller when the
 * event says the next poll is due; a restored tab polls after the restore
 * jitter; a worker that ended without an answer leaves the poll to the tab.
 * The network modules are faked; time is a fake clock.
 */
import {describe, expect, it} from 'vitest';
import {LiveblogError} from '../../src/errors.js';
import type {FirstPoll, FirstPolls, PreviewEvent, SettlingEvent} from '../../src/net/first-poll.js';
import type {PollEvent} from '../../src/net/poll-events.js';
import type {PollerControl, PollerOptions} from '../../src/net/poller.js';
import type {PollSource} from '../../src/sources/source.js';
import {ownText} from '../../src/text/sanitize.js';
import {createTabPollers, type TabNet, type TabPollersOptions} from '../../src/ui/tab-pollers.js';
import type {PollerHandle} from '../../src/ui/hooks/use-pollers.js';
import {blog, entries} from '../helpers/blog-factory.js';
import {createFakeClock, FAKE_EPOCH, type FakeClock} from '../helpers/fake-clock.js';

type FakePoller = PollerControl & {readonly options: PollerOptions; started: number; paused: boolean};

function fakeNet(clock: FakeClock, makeSource: (url: string) => PollSource = plainSource) {
	const pollers: FakePoller[] = [];
	const sources: PollSource[] = [];
	let loads = 0;
	const net: TabNet = {
		createPoller: (options) => {
			const poller: FakePoller = {
				options,
				started: 0,
				paused: false,
				start: () => void poller.started++,
				refresh: () => 'started',
				togglePause: () => (poller.paused = !poller.paused),
				stop: () => undefined,
				closed: () => Promise.resolve(),
			};
			pollers.push(poller);
			return poller;
		},
		createPollSource: (url) => {
			const source = makeSource(url);
			sources.push(source);
			return source;
		},
		createOlderLoader: () => undefined,
		canFollow: (source): source is PollSource & {followNewer(): boolean} => 'followNewer' in source,
		clock,
		refreshGapMs: 5_000,
	};
	return {net, pollers, sources, loadNet: () => Promise.resolve(net).finally(() => loads++), loads: () => loads};
}

function plainSource(url: string): PollSource {
	return {label: () => ownText('RSS'), nextRequest: () => ({url, conditional: true, key: url}), accept: () => ({kind: 'not-a-blog', found: 'nothing'})};
}

/** A worker answer (and preview), given when the test says so. */
function workerAnswer(): {polls: FirstPolls; answer(poll: FirstPoll): void; preview(event: PreviewEvent): void} {
	let answer = (_poll: FirstPoll): void => undefined;
	const result = new Promise<FirstPoll>((resolve) => (answer = resolve));
	const listeners: ((event: PreviewEvent) => void)[] = [];
	return {
		polls: {checked: Promise.resolve(null), result: (tab) => (tab === 0 ? result : null), onPreview: (tab, listener) => void (tab === 0 && listeners.push(listener))},
		answer: (poll) => answer(poll),
		preview: (event) => listeners.forEach((listener) => listener(event)),
	};
}

function succeeded(at: number, nextInMs: number): Extract<SettlingEvent, {type: 'poll-succeeded'}> {
	return {
		type: 'poll-succeeded',
		at,
		blog: {...blog(entries(2)), coverage: {kind: 'window'}},
		sourceUrl: 'https://example.org/feed',
		via: null,
		validators: {'https://example.org/feed': {etag: '"v1"'}},
		next: {at: at + nextInMs, delayMs: nextInMs, reason: 'ttl'},
	};
}

function setUp(overrides: Partial<TabPollersOptions>, clock = createFakeClock(), makeSource?: (url: string) => PollSource) {
	const fake = fakeNet(clock, makeSource);
	const events: PollEvent[] = [];
	const invalid: unknown[] = [];
	const options: TabPollersOptions = {
		tabs: [{url: 'https://example.org/feed', restored: false}],
		sourceOptions: {},
		interval: {kind: 'adaptive'},
		firstPolls: null,
		validators: [{}],
		onInvalid: (failure) => invalid.push(failure),
		loadNet: fake.loadNet,
		...overrides,
	};
	const factory = createTabPollers(options);
	const handle = (tab = 0): PollerHandle => factory(tab, (event) => events.push(event), () => null);
	return {...fake, clock, events, invalid, options, handle};
}

/** A tab whose first poll is the worker's (answered when the test says so), started. */
function startedWithWorker() {
	const worker = workerAnswer();
	const t = setUp({firstPolls: worker.polls});
	const handle = t.handle();
	handle.start();
	return {worker, t, handle};
}

/** Lets the handle's promise chain run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('tab pollers', () => {
	it('report the worker’s first poll, then hand over to the tab’s poller when that poll says the next is due', async () => {
		const {worker, t, handle} = startedWithWorker();
		await settle();
		// The worker has not answered: nothing is loaded, `r` waits for the poll under way.
		expect(t.loads()).toBe(0);
		expect(handle.refresh()).toBe('too-soon');

		const event = succeeded(FAKE_EPOCH, 60_000);
		worker.answer({kind: 'settled', event});
		await settle();
		expect(t.events).toEqual([event]);
		expect(t.options.validators[0]).toEqual(event.validators);
		expect(t.pollers).toHaveLength(1);
		const poller = t.pollers[0]!;
		// The worker's validators and no restore jitter: its next poll is the schedule's.
		expect(poller.options.validators).toEqual(event.validators);
		expect(poller.options.restored).toBe(false);
		expect(poller.started).toBe(0);

		await t.clock.advance(59_999);
		expect(poller.started).toBe(0);
		await t.clock.advance(1);
		expect(poller.started).toBe(1);
	});

	it('report the worker’s preview before its poll, and hand over with the poll’s validators alone', async () => {
		const {worker, t} = startedWithWorker();
		await settle();
		const preview: PreviewEvent = {type: 'poll-preview', at: FAKE_EPOCH, blog: {...blog(entries(1)), coverage: {kind: 'window'}}};
		worker.preview(preview);
		expect(t.events).toEqual([preview]);
		// A preview settles nothing: the poller is not made, `r` still waits.
		expect(t.loads()).toBe(0);
		expect(t.options.validators[0]).toEqual({});

		const event = succeeded(FAKE_EPOCH, 60_000);
		worker.answer({kind: 'settled', event});
		await settle();
		expect(t.events).toEqual([preview, event]);
		expect(t.pollers[0]!.options.validators).toEqual(event.validators);
		await t.clock.advance(60_000);
		expect(t.pollers[0]!.started).toBe(1);
	});

	it('report no preview once the tab has stopped', async () => {
		const {worker, t, handle} = startedWithWorker();
		await settle();
		handle.stop();
		worker.preview({type: 'poll-preview', at: FAKE_EPOCH, blog: {...blog(entries(1)), coverage: {kind: 'window'}}});
		expect(t.events).toEqual([]);
	});

	it('let `r` start the tab’s poller early, but not within 5 s of the worker’s poll', async () => {
		const {worker, t, handle} = startedWithWorker();
		worker.answer({kind: 'settled', event: succeeded(FAKE_EPOCH, 60_000)});
		await settle();
		expect(handle.refresh()).toBe('too-soon');
		await t.clock.advance(5_000);
		expect(handle.refresh()).toBe('started');
		expect(t.pollers[0]!.started).toBe(1);
		// The scheduled take-over no longer fires.
		await t.clock.advance(60_000);
		expect(t.pollers[0]!.started).toBe(1);
	});

	it('keep a pause asked for before the poller existed', async () => {
		const {worker, t, handle} = startedWithWorker();
		expect(handle.togglePause()).toBe(true);
		expect(handle.refresh()).toBe('paused');
		worker.answer({kind: 'settled', event: succeeded(FAKE_EPOCH, 1_000)});
		await settle();
		expect(t.pollers[0]!.paused).toBe(true);
		expect(handle.togglePause()).toBe(false);
		expect(t.pollers[0]!.paused).toBe(false);
	});

	it('poll at once when the worker ended without an answer', async () => {
		const {worker, t} = startedWithWorker();
		worker.answer({kind: 'lost'});
		await settle();
		expect(t.events).toEqual([]);
		expect(t.pollers[0]!.options.restored).toBe(false);
		expect(t.pollers[0]!.started).toBe(1);
	});

	it('start a restored tab’s poller at once with the stored validators and the restore jitter', async () => {
		const t = setUp({tabs: [{url: 'https://example.org/feed', restored: true}], validators: [{'https://example.org/feed': {etag: '"stored"'}}]});
		t.handle().start();
		await settle();
		expect(t.pollers).toHaveLength(1);
		expect(t.pollers[0]!.options.restored).toBe(true);
		expect(t.pollers[0]!.options.validators).toEqual({'https://example.org/feed': {etag: '"stored"'}});
		expect(t.pollers[0]!.started).toBe(1);
	});

	it('report an address no source accepts instead of polling it', async () => {
		const t = setUp({tabs: [{url: 'guardian:nope', restored: true}]}, createFakeClock(), () => {
			throw new LiveblogError({kind: 'invalid-url', input: 'guardian:nope'});
		});
		t.handle().start();
		await settle();
		expect(t.invalid).toEqual([{kind: 'invalid-url', input: 'guardian:nope'}]);
		expect(t.pollers).toHaveLength(0);
	});

	it('after following a newer blog, keep the tab’s source and poll it at once', async () => {
		const clock = createFakeClock();
		let moved = 0;
		const fake = fakeNet(clock, (url) => ({...plainSource(url), followNewer: () => ++moved > 0}));
		const worker = workerAnswer();
		const factory = createTabPollers({
			tabs: [{url: 'guardian:tag/world/series', restored: false}],
			sourceOptions: {},
			interval: {kind: 'adaptive'},
			firstPolls: worker.polls,
			validators: [{}],
			onInvalid: () => undefined,
			loadNet: fake.loadNet,
		});
		const first = factory(0, () => undefined, () => null);
		first.start();
		expect(first.followNewer?.()).toBe(false);
		worker.answer({kind: 'settled', event: succeeded(FAKE_EPOCH, 60_000)});
		await settle();
		expect(first.followNewer?.()).toBe(true);
		first.stop();
		const fresh = factory(0, () => undefined, () => null);
		fresh.start();
		await settle();
		expect(fake.sources).toHaveLength(1);
		expect(fake.pollers).toHaveLength(2);
		expect(fake.pollers[1]!.options.source).toBe(fake.sources[0]);
		expect(fake.pollers[1]!.options.restored).toBe(false);
		expect(fake.pollers[1]!.started).toBe(1);
	});
});
