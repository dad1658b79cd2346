/**
 * The TUI's first polls in a worker thread: the built worker (dist/, which
 * `npm test` builds) against a loopback server. Each tab's answer is the
 * event the poller itself reports, failures and hostile text included.
 */
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startFirstPolls, type FirstPollJob} from '../../src/net/first-poll.js';
import {PREVIEW_ENTRIES} from '../../src/sources/index.js';
import {rss, itemA, itemB, type Item} from '../cli/rss.js';
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

	it('post a large feed’s newest posts as a preview before the event that settles the poll', async () => {
		const many: Item[] = Array.from({length: PREVIEW_ENTRIES + 20}, (_, i) => ({guid: `g${i}`, title: `Post ${i}`, minute: i, html: `<p>Body ${i}</p>`}));
		server.route('/big', {body: rss('Big live', many), etag: '"big"'});
		server.route('/small', {body: rss('Storm live', [itemA, itemB])});
		const polls = startFirstPolls(workerUrl, [job(0, '/big'), job(1, '/small')]);
		const seen: string[] = [];
		const previews: unknown[] = [];
		polls.onPreview(0, (event) => {
			seen.push('preview');
			previews.push(event);
		});
		polls.onPreview(1, () => seen.push('small preview'));
		const settled = polls.result(0)!.then((poll) => {
			seen.push('settled');
			return poll;
		});
		const [first] = await Promise.all([settled, polls.result(1)]);
		expect(seen).toEqual(['preview', 'settled']);
		const event = first.kind === 'settled' ? first.event : null;
		if (event?.type !== 'poll-succeeded') throw new Error(`expected a success, got ${event?.type}`);
		expect(event.blog.entries).toHaveLength(PREVIEW_ENTRIES + 20);
		expect(event.validators[server.url('/big')]).toMatchObject({etag: '"big"'});
		expect(previews).toHaveLength(1);
		expect(previews[0]).toMatchObject({type: 'poll-preview', at: event.at, blog: {title: 'Big live'}});
		const preview = previews[0] as {blog: {entries: unknown[]}};
		expect(preview.blog.entries).toEqual(event.blog.entries.slice(0, PREVIEW_ENTRIES));
		expect(server.hits('/big')).toBe(1);
	});

	it('say which address no source accepts, before asking anything', async () => {
		const polls = startFirstPolls(workerUrl, [job(0, '/feed'), {tab: 1, url: 'ftp://example.org/feed', options: {}, interval: {kind: 'adaptive'}}]);
		expect(await polls.checked).toEqual({kind: 'invalid-url', input: 'ftp://example.org/feed'});
		// The worker stops there: no request was made, and the tabs are left to the main thread.
		expect(await polls.result(0)).toEqual({kind: 'lost'});
		expect(server.hits()).toBe(0);
	});
});
