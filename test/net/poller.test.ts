import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Dispatcher} from 'undici';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {LiveblogError} from '../../src/errors.js';
import type {LiveStatus, ParsedBlog, ParsedEntry} from '../../src/model/blog.js';
import {createAgent} from '../../src/net/agent.js';
import type {PollEvent} from '../../src/net/poll-events.js';
import {createPoller, type PollerControl, type PollerOptions} from '../../src/net/poller.js';
import type {ParseResult, PollSource} from '../../src/sources/source.js';
import {sanitizeLine} from '../../src/text/sanitize.js';
import {createFakeClock, type FakeClock} from '../helpers/fake-clock.js';
import {startFeedServer, type FeedServer} from '../helpers/feed-server.js';

/**
 * A toy format so these tests do not depend on the adapters:
 *   TITLE <text> | LIVE ended | TTL <s> | POST <id> <epoch ms> | FOLLOW <path> | NOTAFEED <what>
 */
function toySource(startUrl: string): PollSource & {readonly followed: string[]} {
	let current = startUrl;
	const followed: string[] = [];
	return {
		followed,
		label: () => sanitizeLine('toy'),
		nextRequest: () => ({url: current, conditional: true, key: current}),
		accept(document): ParseResult {
			const text = Buffer.from(document.bytes).toString('utf8');
			const entries: ParsedEntry[] = [];
			let title = 'untitled';
			let live: LiveStatus = 'unknown';
			let ttlSeconds: number | undefined;
			for (const line of text.split('\n')) {
				const [word = '', ...rest] = line.trim().split(' ');
				if (word === 'TITLE') title = rest.join(' ');
				else if (word === 'LIVE') live = rest[0] === 'ended' ? 'ended' : 'live';
				else if (word === 'TTL') ttlSeconds = Number(rest[0]);
				else if (word === 'FOLLOW') {
					current = new URL(rest[0] ?? '/', document.url).href;
					followed.push(current);
					return {kind: 'follow', url: current, reason: sanitizeLine('found a feed link')};
				} else if (word === 'NOTAFEED') return {kind: 'not-a-blog', found: rest.join(' ')};
				else if (word === 'POST') {
					entries.push({
						id: rest[0] ?? '',
						title: null,
						url: null,
						published: Number(rest[1]),
						updated: null,
						authors: [],
						body: [],
						keyEvent: false,
						pinned: false,
						summary: false,
					});
				} else if (word !== '') throw new LiveblogError({kind: 'parse', message: `bad line "${word}"`, url: document.url});
			}
			const blog: ParsedBlog = {
				format: 'rss',
				title: sanitizeLine(title),
				description: null,
				homeUrl: null,
				live,
				entries,
				coverage: {kind: 'window'},
				hints: ttlSeconds === undefined ? {} : {ttlSeconds},
				skipped: 0,
			};
			return {kind: 'blog', blog, via: null};
		},
	};
}

type Recorder = {
	readonly events: PollEvent[];
	readonly onEvent: (event: PollEvent) => void;
	/** The next event of this type not yet taken. */
	take<T extends PollEvent['type']>(type: T): Promise<Extract<PollEvent, {type: T}>>;
	/** The next poll outcome (succeeded, not-modified or failed) not yet taken. */
	outcome(): Promise<Extract<PollEvent, {type: 'poll-succeeded' | 'poll-not-modified' | 'poll-failed'}>>;
};

function recorder(): Recorder {
	const events: PollEvent[] = [];
	let cursor = 0;
	let wake: (() => void) | null = null;
	const find = async <E extends PollEvent>(match: (e: PollEvent) => e is E): Promise<E> => {
		for (;;) {
			for (let i = cursor; i < events.length; i++) {
				const event = events[i];
				if (event && match(event)) {
					cursor = i + 1;
					return event;
				}
			}
			await new Promise<void>((resolve) => (wake = resolve));
		}
	};
	return {
		events,
		onEvent(event) {
			events.push(event);
			wake?.();
		},
		take: <T extends PollEvent['type']>(type: T) => find((e): e is Extract<PollEvent, {type: T}> => e.type === type),
		outcome: () =>
			find(
				(e): e is Extract<PollEvent, {type: 'poll-succeeded' | 'poll-not-modified' | 'poll-failed'}> =>
					e.type === 'poll-succeeded' || e.type === 'poll-not-modified' || e.type === 'poll-failed',
			),
	};
}

let agent: Dispatcher;
let server: FeedServer;
let clock: FakeClock;
const pollers: PollerControl[] = [];

beforeAll(() => {
	agent = createAgent({headersMs: 500, bodyMs: 500, env: {}});
});
afterAll(async () => {
	await agent.close();
});
beforeEach(async () => {
	server = await startFeedServer();
	clock = createFakeClock();
});
afterEach(async () => {
	for (const poller of pollers.splice(0)) {
		poller.stop();
		await poller.closed();
	}
	await server.close();
});

function startPoller(rec: Recorder, extra: Partial<PollerOptions> & {source?: PollSource} = {}): PollerControl {
	const poller = createPoller({
		source: extra.source ?? toySource(server.url('/feed')),
		clock,
		random: () => 0,
		interval: {kind: 'fixed', ms: 2_000},
		restored: false,
		getBlog: () => null,
		onEvent: rec.onEvent,
		fetchOptions: {dispatcher: agent, totalTimeoutMs: 1_500},
		...extra,
	});
	pollers.push(poller);
	poller.start();
	return poller;
}

const FEED = 'TITLE Harbour storm\nPOST a 1772366400000\nPOST b 1772366460000\n';

describe('poller', () => {
	it('polls at once, then on the fixed interval, and reports a 304 as not-modified with the validators', async () => {
		server.route('/feed', {body: FEED, etag: '"v1"'});
		const rec = recorder();
		startPoller(rec);
		const started = await rec.take('poll-started');
		expect(started).toEqual({type: 'poll-started', at: clock.now(), url: server.url('/feed')});
		const first = await rec.take('poll-succeeded');
		expect(first.blog.title).toBe('Harbour storm');
		expect(first.blog.entries.map((e) => e.id)).toEqual(['a', 'b']);
		expect(first.sourceUrl).toBe(server.url('/feed'));
		expect(first.validators[server.url('/feed')]?.etag).toBe('"v1"');
		expect(first.next).toEqual({at: clock.now() + 2_000, delayMs: 2_000, reason: 'fixed'});

		await clock.untilSleeping();
		await clock.advance(1_999);
		expect(server.hits('/feed')).toBe(1);
		await clock.advance(1);
		const second = await rec.outcome();
		expect(second.type).toBe('poll-not-modified');
		expect(second.type === 'poll-not-modified' && second.validators?.[server.url('/feed')]?.etag).toBe('"v1"');
		expect(server.requests('/feed')[1]?.headers['if-none-match']).toBe('"v1"');
	});

	it('reports a 200 with identical bytes under a new ETag as not-modified', async () => {
		server.route('/feed', {body: FEED, etag: '"1"'}, {body: FEED, etag: '"2"'});
		const rec = recorder();
		startPoller(rec);
		await rec.take('poll-succeeded');
		await clock.untilSleeping();
		await clock.advance(2_000);
		const second = await rec.outcome();
		expect(second.type).toBe('poll-not-modified');
		expect(rec.events.filter((e) => e.type === 'poll-succeeded')).toHaveLength(1);
	});

	it('backs off exponentially through a 5xx streak, up to 10 minutes, and resets on success', async () => {
		const failing = Array.from({length: 11}, () => ({status: 500}));
		server.route('/feed', {body: FEED}, ...failing, {body: `${FEED}POST c 1772366520000\n`});
		const rec = recorder();
		startPoller(rec, {interval: {kind: 'fixed', ms: 1_000}, random: () => 1});
		expect((await rec.take('poll-succeeded')).next.delayMs).toBe(1_000);
		const delays: number[] = [];
		let next = 1_000;
		for (let i = 0; i < 11; i++) {
			await clock.untilSleeping();
			await clock.advance(next);
			const failed = await rec.take('poll-failed');
			expect(failed.failure).toMatchObject({kind: 'http', status: 500});
			expect(failed.next.reason).toBe('backoff');
			next = failed.next.delayMs;
			delays.push(next);
		}
		expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 600_000, 600_000]);
		await clock.untilSleeping();
		await clock.advance(next);
		const recovered = await rec.take('poll-succeeded');
		expect(recovered.blog.entries).toHaveLength(3);
		expect(recovered.next).toMatchObject({delayMs: 1_000, reason: 'fixed'});
		expect(server.hits('/feed')).toBe(13);
	});

	it('waits at least as long as Retry-After on a 429', async () => {
		server.route('/feed', {status: 429, headers: {'retry-after': '120'}}, {body: FEED});
		const rec = recorder();
		startPoller(rec);
		const failed = await rec.take('poll-failed');
		expect(failed.failure).toMatchObject({kind: 'rate-limited', retryAfterMs: 120_000});
		expect(failed.next).toMatchObject({delayMs: 120_000, reason: 'retry-after'});
		await clock.untilSleeping();
		await clock.advance(119_999);
		expect(server.hits('/feed')).toBe(1);
		await clock.advance(1);
		await rec.take('poll-succeeded');
		expect(server.hits('/feed')).toBe(2);
	});

	it('adapts to the server max-age and slows to 15 minutes for an ended blog', async () => {
		server.route('/feed', {body: FEED, headers: {'cache-control': 'max-age=90'}}, {body: `LIVE ended\n${FEED}`});
		const rec = recorder();
		startPoller(rec, {interval: {kind: 'adaptive'}});
		const first = await rec.take('poll-succeeded');
		expect(first.next).toMatchObject({delayMs: 90_000, reason: 'max-age'});
		await clock.untilSleeping();
		await clock.advance(90_000);
		const second = await rec.take('poll-succeeded');
		expect(second.next).toMatchObject({delayMs: 15 * 60_000, reason: 'ended'});
	});

	it('jitters the first poll when restoring from the store', async () => {
		server.route('/feed', {body: FEED});
		const rec = recorder();
		startPoller(rec, {restored: true, random: () => 0.5});
		await clock.untilSleeping();
		expect(clock.nextWake()).toBe(clock.now() + 2_500);
		await clock.advance(2_499);
		expect(server.hits('/feed')).toBe(0);
		await clock.advance(1);
		await rec.take('poll-succeeded');
		expect(server.hits('/feed')).toBe(1);
	});

	it('makes no request while paused and polls at once when resumed past the due time', async () => {
		server.route('/feed', {body: FEED});
		const rec = recorder();
		const poller = startPoller(rec);
		await rec.take('poll-succeeded');
		await clock.untilSleeping();
		expect(poller.togglePause()).toBe(true);
		expect(poller.refresh()).toBe('paused');
		await clock.advance(60_000);
		expect(server.hits('/feed')).toBe(1);
		expect(poller.togglePause()).toBe(false);
		expect((await rec.outcome()).type).toBe('poll-not-modified');
		expect(server.hits('/feed')).toBe(2);
		expect(rec.events.filter((e) => e.type === 'poll-paused').map((e) => e.type === 'poll-paused' && e.paused)).toEqual([true, false]);
	});

	it('refreshes on demand, at most once every 5 seconds', async () => {
		server.route('/feed', {body: FEED});
		const rec = recorder();
		const poller = startPoller(rec, {interval: {kind: 'fixed', ms: 60_000}});
		await rec.take('poll-succeeded');
		await clock.untilSleeping();
		expect(poller.refresh()).toBe('too-soon');
		await clock.advance(5_000);
		expect(poller.refresh()).toBe('started');
		await rec.outcome();
		expect(server.hits('/feed')).toBe(2);
		expect(clock.now()).toBe(createFakeClock().now() + 5_000);
	});

	it('stop() aborts a request in flight and emits nothing more', async () => {
		server.route('/feed', () => undefined); // never answers
		const rec = recorder();
		const poller = startPoller(rec);
		await rec.take('poll-started');
		await new Promise<void>((resolve) => {
			const check = (): void => (server.hits('/feed') === 1 ? resolve() : void setImmediate(check));
			check();
		});
		poller.stop();
		await poller.closed();
		expect(rec.events.map((e) => e.type)).toEqual(['poll-started']);
		expect(clock.pending()).toBe(0);
	});

	it('follows a feed link at once and reports the blog from the followed URL', async () => {
		server.route('/page', {body: 'FOLLOW /feed\n', headers: {'content-type': 'text/html'}});
		server.route('/feed', {body: FEED});
		const rec = recorder();
		const source = toySource(server.url('/page'));
		startPoller(rec, {source});
		const ok = await rec.take('poll-succeeded');
		expect(ok.sourceUrl).toBe(server.url('/feed'));
		expect(source.followed).toEqual([server.url('/feed')]);
		expect(rec.events.filter((e) => e.type === 'poll-started')).toHaveLength(1);
	});

	it('keeps no validators for a page it followed, so a restart cannot stop at the page', async () => {
		// The page has not changed since the last run; the feed behind it has a new post.
		server.route('/page', {body: 'FOLLOW /feed\n', headers: {'content-type': 'text/html'}, etag: '"page-1"'});
		server.route('/feed', {body: `${FEED}POST c 1772366520000\n`, etag: '"feed-2"'});
		const first = recorder();
		startPoller(first, {source: toySource(server.url('/page'))});
		const ok = await first.take('poll-succeeded');
		expect(ok.validators[server.url('/feed')]?.etag).toBe('"feed-2"');
		expect(ok.validators[server.url('/page')]).toBeUndefined();

		// A restart with what the store kept: the page is fetched whole, the feed conditionally.
		const second = recorder();
		startPoller(second, {source: toySource(server.url('/page')), validators: ok.validators});
		const outcome = await second.outcome();
		expect(outcome.type).toBe('poll-not-modified');
		expect(server.requests('/page').at(-1)?.headers['if-none-match']).toBeUndefined();
		expect(server.requests('/feed').at(-1)?.headers['if-none-match']).toBe('"feed-2"');
	});

	it('bounds a chain of follows', async () => {
		server.route('/a', {body: 'FOLLOW /b\n'});
		server.route('/b', {body: 'FOLLOW /c\n'});
		server.route('/c', {body: 'FOLLOW /a\n'});
		const rec = recorder();
		startPoller(rec, {source: toySource(server.url('/a'))});
		const failed = await rec.take('poll-failed');
		expect(failed.failure).toMatchObject({kind: 'not-a-feed', found: 'a chain of more than 3 feed links'});
		expect(server.hits()).toBe(3);
	});

	it('reports a page that is not a blog and a document that fails to parse as failures', async () => {
		server.route('/feed', {body: 'NOTAFEED an HTML page with no feed links\n'}, {body: 'GARBAGE\n'});
		const rec = recorder();
		startPoller(rec);
		const notFeed = await rec.take('poll-failed');
		expect(notFeed.failure).toEqual({kind: 'not-a-feed', found: 'an HTML page with no feed links', url: server.url('/feed')});
		await clock.untilSleeping();
		await clock.advance(notFeed.next.delayMs);
		const parse = await rec.take('poll-failed');
		expect(parse.failure).toMatchObject({kind: 'parse', message: 'bad line "GARBAGE"'});
	});

	it('keeps polling when the event consumer throws', async () => {
		server.route('/feed', {body: FEED, etag: '"x"'});
		const rec = recorder();
		startPoller(rec, {
			onEvent: (event) => {
				rec.onEvent(event);
				throw new Error('consumer bug');
			},
		});
		await rec.take('poll-succeeded');
		await clock.untilSleeping();
		await clock.advance(2_000);
		expect((await rec.outcome()).type).toBe('poll-not-modified');
	});

	it('uses the merged blog from getBlog for the pace of posts', async () => {
		server.route('/feed', {body: FEED, etag: '"p"'});
		const minute = 60_000;
		const now = clock.now();
		const posts = [0, 1, 2, 3].map((i) => ({published: now - i * 2 * minute}));
		const rec = recorder();
		startPoller(rec, {
			interval: {kind: 'adaptive'},
			getBlog: () => ({entries: posts, live: 'live', hints: {}}) as unknown as ReturnType<PollerOptions['getBlog']>,
		});
		await rec.take('poll-succeeded');
		await clock.untilSleeping();
		await clock.advance(5 * minute);
		const second = await rec.outcome();
		expect(second.type).toBe('poll-not-modified');
		// gaps 2, 2, 2 min and 5 min since the newest: median 2 min, half of it is 60 s
		expect(second.next).toMatchObject({delayMs: 60_000, reason: 'pace'});
	});
});

describe('poller debug log', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'liveblog-debug-'));
	});
	afterEach(() => {
		rmSync(dir, {recursive: true, force: true});
	});

	it('writes one line per request with conditional headers, status, bytes and the next delay', async () => {
		server.route('/feed', {body: FEED, etag: '"v1"'}, {body: FEED, etag: '"v1"'}, {status: 503});
		const path = join(dir, 'debug.log');
		const rec = recorder();
		const poller = startPoller(rec, {debugLogPath: path});
		await rec.take('poll-succeeded');
		for (let i = 0; i < 2; i++) {
			await clock.untilSleeping();
			await clock.advance((clock.nextWake() ?? clock.now()) - clock.now());
			await rec.outcome();
		}
		poller.stop();
		await poller.closed();
		const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
		expect(lines).toHaveLength(3);
		const [first, second, third] = lines.map((line) => line.split('\t'));
		expect(first?.slice(0, 5)).toEqual([new Date(createFakeClock().now()).toISOString(), server.url('/feed'), 'sent -', 'status 200', `${FEED.length} B`]);
		expect(first?.slice(6)).toEqual(['next 2000 ms (fixed)', 'modified']);
		expect(second?.slice(2, 5)).toEqual(['sent if-none-match="v1"', 'status 304', '0 B']);
		expect(second?.[7]).toBe('not-modified');
		expect(third?.slice(3, 4)).toEqual(['status 503']);
		expect(third?.[6]).toMatch(/^next \d+ ms \(backoff\)$/);
		expect(third?.[7]).toBe(`HTTP 503 Service Unavailable from ${new URL(server.origin).host}`);
	});

	it('ignores a log file that cannot be written', async () => {
		server.route('/feed', {body: FEED});
		const rec = recorder();
		startPoller(rec, {debugLogPath: join(dir, 'no-such-dir', 'debug.log')});
		expect((await rec.take('poll-succeeded')).blog.title).toBe('Harbour storm');
	});
});
