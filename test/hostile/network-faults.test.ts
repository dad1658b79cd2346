/**
 * Hostile catalogue, group 3: network faults. A real loopback server
 * misbehaves on purpose, one fault per poll, and the real poller (with an
 * injected clock) feeds the real reducer. Each row states the Failure the
 * poll must end in and the line the reader sees; after every fault the last
 * good copy must still be on screen. The per-phase timeouts are shortened
 * through the poller's fetch options so the slow cases end in well under a
 * second of real time.
 */
import {gzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {describeFailure, type Failure} from '../../src/errors.js';
import {createAgent} from '../../src/net/agent.js';
import {fetchDocument} from '../../src/net/fetch-document.js';
import type {PollEvent} from '../../src/net/poll-events.js';
import {createPoller} from '../../src/net/poller.js';
import {createPollSource} from '../../src/sources/index.js';
import {reduce} from '../../src/state/reducer.js';
import {statusModel} from '../../src/state/selectors.js';
import {initialState, type State} from '../../src/state/state.js';
import {createFakeClock} from '../helpers/fake-clock.js';
import {startFeedServer, type FeedServer, type Step} from '../helpers/feed-server.js';
import {BEL, ESC, LINE_CONTROL, firstControl, rssFeed} from '../helpers/hostile-payloads.js';

const RSS = {'content-type': 'application/rss+xml; charset=utf-8'};
const good = rssFeed({title: 'Storm live', items: [{id: 'a', title: 'First post'}, {id: 'b', title: 'Second post'}]});

type Fault = {
	readonly name: string;
	readonly step: Step;
	/** The Failure the poll must end in. */
	readonly kind: Failure['kind'];
	/** What the status line must say. */
	readonly says: RegExp;
	readonly check?: (failure: Failure) => void;
};

const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));

const faults: readonly Fault[] = [
	{name: '503 with an HTML error page', step: {status: 503, body: '<h1>down</h1>'}, kind: 'http', says: /^HTTP 503 .*from 127\.0\.0\.1:\d+, retrying in/},
	{name: '500 again (5xx streak, 2)', step: {status: 500}, kind: 'http', says: /^HTTP 500/},
	{name: '502 again (5xx streak, 3)', step: {status: 502}, kind: 'http', says: /^HTTP 502/},
	{
		name: '429 with Retry-After: 120 (seconds)',
		step: {status: 429, headers: {'retry-after': '120'}},
		kind: 'rate-limited',
		says: /rate-limiting us, asked to wait 120 s/,
		check: (f) => expect(f.kind === 'rate-limited' && f.retryAfterMs).toBe(120_000),
	},
	{
		name: '429 with Retry-After as an HTTP date',
		step: {status: 429, headers: {'retry-after': 'Wed, 21 Oct 2099 07:28:00 GMT'}},
		kind: 'rate-limited',
		says: /rate-limiting us/,
		check: (f) => expect(f.kind === 'rate-limited' && f.retryAfterMs !== null && f.retryAfterMs > 0).toBe(true),
	},
	{
		name: 'status text carrying ESC]52 and CSI 2J',
		step: (_req, res) => {
			res.socket!.end(`HTTP/1.1 500 Oops ${ESC}]52;c;aGk=${BEL}${ESC}[2J\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, 'latin1');
		},
		kind: 'http',
		says: /^HTTP 500 Oops ␛\]52;c;aGk=␇␛\[2J from/,
	},
	{
		name: 'hung headers (connection accepted, nothing sent)',
		step: () => undefined,
		kind: 'timeout',
		says: /timed out waiting for 127\.0\.0\.1:\d+ \(headers\)|took too long/,
	},
	{
		name: 'slow drip (a byte every 20 ms, forever)',
		step: (_req, res) => {
			res.writeHead(200, RSS);
			res.write('<rss version="2.0"><channel>');
			const timer = setInterval(() => res.write(' '), 20);
			res.on('close', () => clearInterval(timer));
		},
		kind: 'timeout',
		says: /took too long to answer|timed out/,
	},
	{
		name: 'connection reset mid-body',
		step: (_req, res) => {
			res.writeHead(200, {...RSS, 'content-length': String(good.length * 2)});
			res.write(good.slice(0, 200));
			setImmediate(() => res.socket?.destroy());
		},
		kind: 'network',
		says: /cannot reach 127\.0\.0\.1:\d+ \(/,
	},
	{name: 'redirect loop', step: {status: 302, headers: {location: '/loop-a'}}, kind: 'redirect', says: /too many redirects/},
	{
		name: 'redirect to file:///etc/passwd',
		step: {status: 301, headers: {location: 'file:///etc/passwd'}},
		kind: 'redirect',
		says: /redirected to a non-http\(s\) address \(file:\/\/\/etc\/passwd\)/,
	},
	{
		name: '30 MB body with Content-Length',
		step: {body: Buffer.alloc(30 * 1024 * 1024, 0x61), headers: RSS},
		kind: 'too-large',
		says: /over 20 MB; refused/,
		check: (f) => expect(f.kind === 'too-large' && f.decoded).toBe(false),
	},
	{
		name: '30 MB chunked body without a length',
		step: (_req, res) => {
			res.writeHead(200, RSS);
			const chunk = Buffer.alloc(1024 * 1024, 0x62);
			let sent = 0;
			const pump = (): void => {
				while (sent < 30 && !res.destroyed) {
					sent++;
					if (!res.write(chunk)) {
						res.once('drain', pump);
						return;
					}
				}
				if (!res.destroyed) res.end();
			};
			pump();
		},
		kind: 'too-large',
		says: /over 20 MB; refused/,
	},
	{
		name: 'gzip bomb (64 KB → 64 MB)',
		step: {body: bomb, headers: {...RSS, 'content-encoding': 'gzip'}},
		kind: 'too-large',
		says: /over 20 MB once decompressed; refused/,
		check: (f) => expect(f.kind === 'too-large' && f.decoded).toBe(true),
	},
	{name: 'gzip declared, plain bytes sent', step: {body: good, headers: {...RSS, 'content-encoding': 'gzip'}}, kind: 'parse', says: /could not be decompressed \(gzip\)/},
	{name: 'an HTML page with no feed', step: {body: '<html><body><p>Hello</p></body></html>', headers: {'content-type': 'text/html'}}, kind: 'not-a-feed', says: /sent an HTML page/},
	{name: 'an empty 200', step: {body: '', headers: RSS}, kind: 'not-a-feed', says: /sent an empty response/},
	{name: 'RSS truncated mid-item', step: {body: good.slice(0, good.length - 40), headers: RSS}, kind: 'parse', says: /could not read the feed from 127\.0\.0\.1:\d+: /},
];

describe('network faults: one fault per poll, the last good copy stays on screen', () => {
	let server: FeedServer;
	const agent = createAgent({headersMs: 300, bodyMs: 2_000, connectMs: 1_000});

	beforeAll(async () => {
		server = await startFeedServer();
		server.route('/feed', {body: good, headers: RSS}, ...faults.map((f) => f.step), {body: good, headers: RSS});
		server.route('/loop-a', {status: 302, headers: {location: '/loop-b'}});
		server.route('/loop-b', {status: 302, headers: {location: '/loop-a'}});
	});
	afterAll(async () => {
		await server.close();
		await agent.close();
	});

	it(`${faults.length} faults in a row: each ends in its Failure, the screen keeps both posts, then a good poll clears the error`, async () => {
		const clock = createFakeClock();
		let state: State = initialState([{url: server.url('/feed'), stored: null}], {columns: 100, rows: 30});
		const events: PollEvent[] = [];
		const poller = createPoller({
			source: createPollSource(server.url('/feed'), {}),
			clock,
			random: () => 0.5,
			interval: {kind: 'fixed', ms: 5_000},
			restored: false,
			getBlog: () => state.tabs[0]!.blog,
			onEvent: (event) => {
				events.push(event);
				state = reduce(state, {...event, tab: 0});
			},
			fetchOptions: {dispatcher: agent, totalTimeoutMs: 800},
		});
		const finished = (): PollEvent[] => events.filter((e) => e.type === 'poll-succeeded' || e.type === 'poll-failed' || e.type === 'poll-not-modified');
		const problems: string[] = [];
		poller.start();
		try {
			for (let poll = 0; poll < faults.length + 2; poll++) {
				while (finished().length <= poll) {
					await clock.untilSleeping();
					if (finished().length <= poll) await clock.advanceToNext();
				}
				const event = finished()[poll]!;
				if (poll === 0 || poll === faults.length + 1) {
					if (event.type !== 'poll-succeeded') problems.push(`poll ${poll}: expected success, got ${event.type}`);
				} else {
					const fault = faults[poll - 1]!;
					if (event.type !== 'poll-failed') {
						problems.push(`${fault.name}: expected poll-failed, got ${event.type}`);
					} else {
						if (event.failure.kind !== fault.kind) problems.push(`${fault.name}: failure ${event.failure.kind} (${describeFailure(event.failure)}), expected ${fault.kind}`);
						try {
							fault.check?.(event.failure);
						} catch (error) {
							problems.push(`${fault.name}: ${String(error)}`);
						}
						const status = statusModel(state);
						const text = status.kind === 'error' ? status.text : `(status line is ${status.kind})`;
						if (!fault.says.test(text)) problems.push(`${fault.name}: status line ${JSON.stringify(text)} does not match ${fault.says}`);
						if (firstControl(text, LINE_CONTROL)) problems.push(`${fault.name}: status line has ${firstControl(text, LINE_CONTROL)}`);
					}
					const titles = state.tabs[0]!.blog?.entries.map((e) => e.title) ?? [];
					if (titles.join('|') !== 'First post|Second post') problems.push(`${fault.name}: screen now shows ${JSON.stringify(titles)}`);
				}
				if (finished().length === poll + 1 && poll < faults.length + 1) await clock.advanceToNext();
			}
		} finally {
			poller.stop();
			await poller.closed();
		}
		expect(problems).toEqual([]);
		expect(statusModel(state).kind).toBe('keys');
		expect(state.tabs[0]!.error).toBeNull();
		// The redirect loop was cut after MAX_REDIRECTS (5) hops, not followed forever.
		expect(server.hits('/loop-a') + server.hits('/loop-b')).toBe(5);
	}, 20_000);
});

describe('network faults: the fetcher alone', () => {
	let server: FeedServer;
	beforeAll(async () => {
		server = await startFeedServer();
	});
	afterAll(() => server.close());

	it('connection refused: a network Failure naming the host, not an exception of another kind', async () => {
		const closed = await startFeedServer();
		const url = closed.url('/gone');
		await closed.close();
		const error = await fetchDocument({url, conditional: false, key: url}, undefined).catch((e: unknown) => e);
		expect(error).toMatchObject({failure: {kind: 'network', code: 'ECONNREFUSED'}});
	});

	it('a changing ETag with an identical body counts as not modified (no re-render)', async () => {
		server.route('/same', {body: good, headers: RSS, etag: '"1"'}, {body: good, headers: RSS, etag: '"2"'});
		const request = {url: server.url('/same'), conditional: true, key: 'k'};
		const first = await fetchDocument(request, undefined);
		const second = await fetchDocument(request, first.validators);
		expect(first.kind).toBe('modified');
		expect(second.kind).toBe('not-modified');
		expect(second.validators.etag).toBe('"2"');
	});

	it('a gzip bomb costs bounded memory: heap growth under 64 MB for a 64 MB bomb', async () => {
		server.route('/bomb', {body: bomb, headers: {...RSS, 'content-encoding': 'gzip'}});
		const before = process.memoryUsage().heapUsed;
		const error = await fetchDocument({url: server.url('/bomb'), conditional: false, key: 'b'}, undefined).catch((e: unknown) => e);
		expect(error).toMatchObject({failure: {kind: 'too-large', decoded: true}});
		expect((process.memoryUsage().heapUsed - before) / 1024 / 1024).toBeLessThan(64);
	});
});
