import {afterEach, describe, expect, it} from 'vitest';
import {demoEdit, demoInitialCount, demoPosts} from '../../src/demo/posts.js';
import {demoSnapshot, DEMO_POST_EVERY_MS, publishTime} from '../../src/demo/schedule.js';
import {selectBlocks, startDemoServer, type DemoServer} from '../../src/demo/server.js';

const START = Date.UTC(2026, 10, 28, 18, 0);

describe('demo posts', () => {
	it('has about forty posts with unique ids, key events, one pinned post and several authors', () => {
		expect(demoPosts.length).toBeGreaterThanOrEqual(38);
		expect(new Set(demoPosts.map(p => p.id)).size).toBe(demoPosts.length);
		expect(demoPosts.filter(p => p.keyEvent).length).toBeGreaterThanOrEqual(6);
		expect(demoPosts.filter(p => p.pinned)).toHaveLength(1);
		expect(new Set(demoPosts.map(p => p.author)).size).toBeGreaterThanOrEqual(3);
		const html = demoPosts.map(p => p.html).join('\n');
		for (const tag of ['<ul>', '<ol>', '<blockquote>', '<a href="https://example.org/', '<figcaption>']) expect(html).toContain(tag);
		expect(demoPosts.some(p => p.id === demoEdit.postId)).toBe(true);
	});
});

describe('demo schedule', () => {
	it('starts with the first posts already up, backdated, and the blog live', () => {
		const snap = demoSnapshot(START, START);
		expect(snap.posts).toHaveLength(demoInitialCount);
		expect(snap.posts.every(p => p.publishedAt < START)).toBe(true);
		expect(snap.live).toBe(true);
	});

	it('publishes one post every interval', () => {
		expect(demoSnapshot(START, START + DEMO_POST_EVERY_MS - 1).posts).toHaveLength(demoInitialCount);
		expect(demoSnapshot(START, START + DEMO_POST_EVERY_MS).posts).toHaveLength(demoInitialCount + 1);
		expect(demoSnapshot(START, START + 3 * DEMO_POST_EVERY_MS).posts.at(-1)?.publishedAt).toBe(START + 3 * DEMO_POST_EVERY_MS);
	});

	it('edits an earlier post once, then ends the blog after the last post', () => {
		const edited = publishTime(demoEdit.afterPost, START);
		const before = demoSnapshot(START, edited - 1).posts.find(p => p.id === demoEdit.postId);
		const after = demoSnapshot(START, edited).posts.find(p => p.id === demoEdit.postId);
		expect(before?.updatedAt).toBeNull();
		expect(after).toMatchObject({updatedAt: edited, html: demoEdit.html});
		expect(after?.publishedAt).toBe(before?.publishedAt);
		const end = demoSnapshot(START, START + 10 * 60_000);
		expect(end.posts).toHaveLength(demoPosts.length);
		expect(end.live).toBe(false);
	});
});

describe('demo server', () => {
	let server: DemoServer | null = null;
	afterEach(async () => {
		await server?.close();
		server = null;
	});

	it('serves RSS with guid, pubDate, content:encoded and a 304 for a matching ETag', async () => {
		let now = START;
		server = await startDemoServer({clock: {now: () => now}, startedAt: START});
		const first = await fetch(server.rssUrl);
		const body = await first.text();
		expect(first.status).toBe(200);
		expect(first.headers.get('content-type')).toContain('application/rss+xml');
		expect(body.match(/<item>/g)).toHaveLength(demoInitialCount);
		expect(body).toContain('<guid isPermaLink="false">ilse-000</guid>');
		expect(body).toContain('<content:encoded><![CDATA[<p>Storm Ilse is expected');
		expect(body).toMatch(/<pubDate>\w{3}, \d\d \w{3} 2026 \d\d:\d\d:\d\d GMT<\/pubDate>/);
		const etag = first.headers.get('etag') ?? '';
		expect(etag).not.toBe('');
		expect((await fetch(server.rssUrl, {headers: {'If-None-Match': etag}})).status).toBe(304);
		now += DEMO_POST_EVERY_MS;
		const third = await fetch(server.rssUrl, {headers: {'If-None-Match': etag}});
		expect(third.status).toBe(200);
		expect((await third.text()).match(/<item>/g)).toHaveLength(demoInitialCount + 1);
	});

	it('serves the Guardian API shape with flags, requested blocks and liveBloggingNow', async () => {
		const now = START + 2 * DEMO_POST_EVERY_MS;
		server = await startDemoServer({clock: {now: () => now}, startedAt: START});
		const response = await fetch(`${server.guardianApi}/world/live/x?api-key=demo&show-fields=headline,liveBloggingNow&show-blocks=main,body:latest:5,body:key-events,body:pinned`);
		expect(response.status).toBe(200);
		const json = (await response.json()) as {response: {status: string; content: {id: string; fields: {liveBloggingNow: boolean}; blocks: {main: unknown; requestedBodyBlocks: Record<string, Array<{id: string; attributes: Record<string, boolean>; title?: string; firstPublishedDate: string}>>}}}};
		const content = json.response.content;
		expect(json.response.status).toBe('ok');
		expect(content.id).toBe('world/live/x');
		expect(content.fields.liveBloggingNow).toBe(true);
		expect(content.blocks.main).toBeDefined();
		const requested = content.blocks.requestedBodyBlocks;
		expect(requested['body:latest:5']?.map(b => b.id)).toEqual(['ilse-013', 'ilse-012', 'ilse-011', 'ilse-010', 'ilse-009']);
		expect(requested['body:pinned']?.map(b => b.id)).toEqual(['ilse-000']);
		expect(requested['body:key-events']?.every(b => b.attributes['keyEvent'] === true)).toBe(true);
		expect(requested['body:key-events']?.[0]).toMatchObject({id: 'ilse-012', title: 'Ferry services to Hollin Island suspended until Thursday'});
		expect(requested['body:latest:5']?.[0]?.firstPublishedDate).toBe(new Date(START + 2 * DEMO_POST_EVERY_MS).toISOString());
		expect((await fetch(`${server.origin}/nothing`)).status).toBe(404);
	});

	it('answers published-since, before and around selectors', () => {
		const newestFirst = [...demoSnapshot(START, START + 3 * DEMO_POST_EVERY_MS).posts].reverse();
		expect(selectBlocks(`body:published-since:${START + DEMO_POST_EVERY_MS}`, newestFirst)?.map(p => p.id)).toEqual(['ilse-014', 'ilse-013']);
		expect(selectBlocks('body:before:ilse-003:2', newestFirst)?.map(p => p.id)).toEqual(['ilse-002', 'ilse-001']);
		expect(selectBlocks('body:around:ilse-003:1', newestFirst)?.map(p => p.id)).toEqual(['ilse-004', 'ilse-003', 'ilse-002']);
		expect(selectBlocks('body:nonsense', newestFirst)).toBeNull();
	});
});
