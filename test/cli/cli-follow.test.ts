import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startFeedServer, type FeedServer} from '../helpers/feed-server.js';
import {startCli, tempHomes, type CliProcess, ndjsonLines, type NdjsonLine} from '../helpers/run-cli.js';
import {itemA, itemAEdited, itemB, itemC, rss} from './rss.js';

let server: FeedServer;
let homes: ReturnType<typeof tempHomes>;
let cli: CliProcess | null = null;

beforeEach(async () => {
	server = await startFeedServer();
	homes = tempHomes();
});
afterEach(async () => {
	cli?.kill('SIGKILL');
	await cli?.exited;
	cli = null;
	await server.close();
	homes.cleanup();
});



describe('liveblog --json (following)', () => {
	it('prints initial entries, sends validators (304 changes nothing), then new, updated and removed entries', async () => {
		server.route(
			'/feed',
			{body: rss('Storm desk live', [itemA, itemB]), etag: '"v1"'},
			{body: rss('Storm desk live', [itemA, itemB]), etag: '"v1"'},
			{body: rss('Storm desk live', [itemAEdited, itemC]), etag: '"v2"'},
		);
		cli = startCli(['--json', '--interval', '1', server.url('/feed')], {env: homes.env});
		const out = await cli.waitForStdout(text => ndjsonLines(text).length >= 6);
		const events = ndjsonLines(out);
		expect(events.map(e => [e.type, e.event ?? null, e.id ?? null])).toEqual([
			['blog', null, null],
			['entry', 'initial', 'a'],
			['entry', 'initial', 'b'],
			['entry', 'removed', 'b'],
			['entry', 'updated', 'a'],
			['entry', 'new', 'c'],
		]);
		expect(events[4]?.text).toBe('The Selvin bridge is closed in both directions after a lorry overturned.');
		expect(events[5]).toMatchObject({title: 'Bridge reopens', text: 'Engineers have cleared the bridge and it is open again.'});
		// The second request was conditional and answered 304: it printed nothing.
		const requests = server.requests('/feed');
		expect(requests[1]?.headers['if-none-match']).toBe('"v1"');
		expect(cli.stderr()).toBe('');
	});
});

describe('follow mode (stdout is a pipe, no --json)', () => {
	it('prints the blog, reports a 500 on stderr and keeps going, then prints the new entry', async () => {
		server.route(
			'/feed',
			{body: rss('Storm desk live', [itemA, itemB])},
			{status: 500, statusText: 'Internal Server Error', body: 'down'},
			{body: rss('Storm desk live', [itemA, itemB, itemC])},
		);
		cli = startCli(['--interval', '1', server.url('/feed')], {env: homes.env});
		await cli.waitForStdout(text => text.includes('Queues are building'));
		const err = await cli.waitForStderr(text => text.includes('\n'));
		expect(err).toMatch(/^liveblog: HTTP 500 Internal Server Error from 127\.0\.0\.1:\d+; trying again in \d+ s\n$/);
		const out = await cli.waitForStdout(text => text.includes('Bridge reopens'));
		expect(out).toContain('2026-11-28 10:03 · Ana Ruiz · [NEW, key event]\nBridge reopens\n\nEngineers have cleared the bridge and it is open again.');
		expect(out.indexOf('Queues are building')).toBeLessThan(out.indexOf('Bridge reopens'));
		expect(out).not.toMatch(/\u001b/);
		// The initial entries are printed once, not again with the new one.
		expect(out.split('Bridge closes to traffic').length - 1).toBe(1);
	});

	it('exits 0 on SIGINT', async () => {
		server.route('/feed', {body: rss('Storm desk live', [itemA])});
		cli = startCli(['--interval', '1', server.url('/feed')], {env: homes.env});
		await cli.waitForStdout(text => text.includes('Bridge closes to traffic'));
		cli.kill('SIGINT');
		const result = await cli.exited;
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
	});
});
