/**
 * The TUI's first polls in a worker thread: the built worker (dist/, which
 * `npm test` builds) against a loopback server. Each tab's answer is the
 * event the poller itself reports, failures and hostile text included.
 */
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startFirstPolls, type FirstPollJob} from '../../src/net/first-poll.js';
import {rss, itemA, itemB} from '../cli/rss.js';
import {startFeedServer, type FeedServer} from '../helpers/feed-server.js';

const workerUrl = new URL('../../dist/net/first-poll-worker.js', import.meta.url);
if (!existsSync(fileURLToPath(workerUrl))) throw new Error(`${fileURLToPath(workerUrl)} is missing: run \`npm run build\` (npm test does it)`);

let server: FeedServer;
beforeEach(async () => {
	server = await startFeedServer();
});
afterEach(async () => {
	await server.close();
});

function job(tab: number, path: string): FirstPollJob {
	return {tab, url: server.url(path), options: {}, interval: {kind: 'fixed', ms: 30_000}};
}

describe('first polls in a worker', () => {
	it('answer each tab with the event that settles its poll: a blog, or the failure', async () => {
		server.route('/feed', {body: rss('Storm live', [itemA, itemB]), etag: '"v1"'});
		server.route('/gone', {status: 500, statusText: 'Internal Server Error'});
		server.route('/page', {headers: {'content-type': 'text/html'}, body: '<html><head><title>Nothing</title></head><body>none</body></html>'});
		const polls = startFirstPolls(workerUrl, [job(0, '/feed'), job(1, '/gone'), job(2, '/page')]);
		expect(await polls.checked).toBeNull();
		expect(polls.result(3)).toBeNull();

		const first = await polls.result(0);
		expect(first?.kind).toBe('settled');
		const event = first?.kind === 'settled' ? first.event : null;
		expect(event?.type).toBe('poll-succeeded');
		if (event?.type !== 'poll-succeeded') return;
		expect(event.blog.title).toBe('Storm live');
		expect(event.blog.entries.map((e) => e.title)).toEqual([null, 'Bridge closes to traffic']);
		expect(event.validators[server.url('/feed')]).toMatchObject({etag: '"v1"'});
		expect(event.next).toMatchObject({delayMs: 30_000, reason: 'fixed'});

		expect(await polls.result(1)).toMatchObject({kind: 'settled', event: {type: 'poll-failed', failure: {kind: 'http', status: 500}}});
		expect(await polls.result(2)).toMatchObject({
			kind: 'settled',
			event: {type: 'poll-failed', failure: {kind: 'not-a-feed', found: 'an HTML page with no live-blog data and no feed links'}},
		});
		expect(server.hits('/feed')).toBe(1);
	});

	it('sanitise what a hostile feed says before it leaves the worker', async () => {
		server.route('/feed', {body: rss('Storm \u001b]52;c;aGk=\u0007 live', [{...itemA, title: 'Alpha \u001b[2J\u202eevil'}])});
		const result = await startFirstPolls(workerUrl, [job(0, '/feed')]).result(0);
		const event = result?.kind === 'settled' ? result.event : null;
		expect(event?.type).toBe('poll-succeeded');
		if (event?.type !== 'poll-succeeded') return;
		expect(event.blog.title).toBe('Storm \u241b]52;c;aGk=\u2407 live');
		expect(event.blog.entries[0]?.title).toBe('Alpha \u241b[2Jevil');
		expect(JSON.stringify(event)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
	});

	it('say which address no source accepts, before asking anything', async () => {
		const polls = startFirstPolls(workerUrl, [job(0, '/feed'), {tab: 1, url: 'ftp://example.org/feed', options: {}, interval: {kind: 'adaptive'}}]);
		expect(await polls.checked).toEqual({kind: 'invalid-url', input: 'ftp://example.org/feed'});
		// The worker stops there: no request was made, and the tabs are left to the main thread.
		expect(await polls.result(0)).toEqual({kind: 'lost'});
		expect(server.hits()).toBe(0);
	});
});
