/** The older-posts loader against a real loopback server speaking the Guardian Content API. */
import {afterEach, describe, expect, test} from 'vitest';
import {createPollSource} from '../../src/sources/index.js';
import {createGuardianSource} from '../../src/sources/guardian-source.js';
import {canFollow, createOlderLoader} from '../../src/ui/older-loader.js';
import {blog, entries} from '../helpers/blog-factory.js';
import {startFeedServer, type FeedServer} from '../helpers/feed-server.js';

const ID = 'uk-news/live/2026/mar/03/storm-saltmere-live';
let server: FeedServer | null = null;
afterEach(async () => {
	await server?.close();
	server = null;
});

/** Our own answer: two blocks older than the anchor and the anchor itself. */
const olderAnswer = (query: string): string =>
	JSON.stringify({
		response: {
			status: 'ok',
			content: {
				id: ID,
				webTitle: 'Storm Saltmere live',
				webUrl: `https://www.theguardian.com/${ID}`,
				fields: {headline: 'Storm Saltmere live: ferries stay in port', liveBloggingNow: true},
				blocks: {
					requestedBodyBlocks: {
						[query]: [
							{id: 'e2', bodyHtml: '<p>The anchor post, already held.</p>', firstPublishedDate: '2026-11-28T12:02:00Z'},
							{id: 'old-1', bodyHtml: '<p>Harbour staff tie down the last <b>small boats</b>.</p>', firstPublishedDate: '2026-11-28T11:40:00Z', createdBy: {firstName: 'Ada', lastName: 'Quill'}},
							{id: 'old-2', title: 'Warnings issued', bodyHtml: '<p>The first amber warning covers the whole coast.</p>', firstPublishedDate: '2026-11-28T11:10:00Z', attributes: {keyEvent: 'true'}},
						],
					},
				},
			},
		},
	});

describe('older posts loader', () => {
	test('asks the Guardian API around the oldest ordinary post and returns an additions document', async () => {
		server = await startFeedServer();
		const query = 'body:around:e2:50';
		const seen: string[] = [];
		server.route(`/${ID}`, (req, res) => {
			seen.push(req.url ?? '');
			res.writeHead(200, {'content-type': 'application/json'});
			res.end(olderAnswer(query));
		});
		const source = createGuardianSource(`guardian:${ID}`, {guardianApi: server.origin, guardianKey: 'k-123'});
		const load = createOlderLoader(source);
		expect(load).toBeDefined();
		// e0 and e1 are key events fetched from their own list: older than the window, so not the anchor.
		const held = blog(entries(6, (i) => ({keyEvent: i < 2})), {format: 'guardian'});
		const outcome = await load!(held, new AbortController().signal);
		expect(seen).toHaveLength(1);
		const asked = new URL(seen[0]!, server.origin);
		expect(asked.searchParams.get('show-blocks')).toBe(query);
		expect(asked.searchParams.get('api-key')).toBe('k-123');
		expect(outcome?.kind).toBe('loaded');
		if (outcome?.kind !== 'loaded') return;
		expect(outcome.blog.coverage).toEqual({kind: 'additions'});
		expect(outcome.blog.entries.map((e) => e.id)).toEqual(['e2', 'old-1', 'old-2']);
		expect(outcome.blog.entries[1]!.authors).toEqual(['Ada Quill']);
		expect(outcome.blog.entries[2]).toMatchObject({title: 'Warnings issued', keyEvent: true});
	});

	test('a server error comes back as a failure, not a rejection', async () => {
		server = await startFeedServer();
		server.route(`/${ID}`, {status: 503, body: 'busy'});
		const load = createOlderLoader(createGuardianSource(`guardian:${ID}`, {guardianApi: server.origin}))!;
		const outcome = await load(blog(entries(3), {format: 'guardian'}), new AbortController().signal);
		expect(outcome).toMatchObject({kind: 'failed', failure: {kind: 'http', status: 503, host: new URL(server.origin).host}});
	});

	test('nothing to ask: an empty blog, a series not yet resolved, a source that cannot page', () => {
		const content = createOlderLoader(createGuardianSource(`guardian:${ID}`, {guardianApi: 'http://127.0.0.1:9'}))!;
		expect(content(blog([], {format: 'guardian'}), new AbortController().signal)).toBeNull();
		const series = createOlderLoader(createGuardianSource('guardian:tag/world/storms', {guardianApi: 'http://127.0.0.1:9'}))!;
		expect(series(blog(entries(3), {format: 'guardian'}), new AbortController().signal)).toBeNull();
		const rss = createPollSource('https://example.org/feed.xml', {});
		expect(createOlderLoader(rss)).toBeUndefined();
		expect(canFollow(rss)).toBe(false);
		expect(canFollow(createGuardianSource('guardian:tag/world/storms', {}))).toBe(true);
	});
});
