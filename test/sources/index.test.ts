import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {LiveblogError, isLiveblogError} from '../../src/errors.js';
import {createPollSource, isGuardianInput, parseDocument} from '../../src/sources/index.js';
import type {FetchedDocument, PollContext} from '../../src/sources/source.js';

function fixtureBytes(name: string): Uint8Array {
	return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/sources/${name}`, import.meta.url))));
}

function doc(url: string, body: string | Uint8Array, contentType?: string): FetchedDocument {
	return {
		url,
		status: 200,
		headers: contentType ? {'content-type': contentType} : {},
		bytes: typeof body === 'string' ? new TextEncoder().encode(body) : body,
	};
}

const context: PollContext = {blog: null, now: 0};
const PAGE = 'https://news.example.test/2026/03/14/storm-idris.html';

describe('parseDocument', () => {
	it('reads an RSS live blog and applies the key-event rule', () => {
		const result = parseDocument(doc('https://news.example.test/feeds/storm.xml', fixtureBytes('rss/live-blog.xml')), {});
		if (result.kind !== 'blog') throw new Error(result.kind);
		expect(result.via).toBeNull();
		const [truncated, headline] = result.blog.entries;
		expect(truncated!.title).toBeNull();
		expect(truncated!.keyEvent).toBe(false);
		expect(headline!.title).toBe('Evacuation ordered for Lower Marsh');
		expect(headline!.keyEvent).toBe(true);
	});

	it('follows the live feed a page advertises', () => {
		const result = parseDocument(doc(PAGE, fixtureBytes('html/page-with-feeds.html'), 'text/html; charset=utf-8'), {});
		expect(result).toEqual({kind: 'follow', url: 'https://news.example.test/news/storm/live.atom', reason: 'feed found on page: Storm Idris: Live Updates'});
		const third = parseDocument(doc(PAGE, fixtureBytes('html/page-with-feeds.html'), 'text/html'), {feedIndex: 3});
		expect(third).toMatchObject({kind: 'follow', url: 'https://news.example.test/feed.json'});
		expect(parseDocument(doc(PAGE, fixtureBytes('html/page-with-feeds.html'), 'text/html'), {feedIndex: 9})).toEqual({
			kind: 'not-a-blog',
			found: 'an HTML page with 3 feed links, none numbered 9',
		});
	});

	it('says what it found when nothing is readable', () => {
		expect(parseDocument(doc(PAGE, fixtureBytes('html/page-no-feeds.html'), 'text/html'), {})).toEqual({
			kind: 'not-a-blog',
			found: 'an HTML page with no live-blog data and no feed links',
		});
		expect(parseDocument(doc(PAGE, '{"hello": 1}', 'application/json'), {})).toEqual({
			kind: 'not-a-blog',
			found: 'a JSON document that is neither a JSON Feed nor a Guardian API response',
		});
		expect(parseDocument(doc(PAGE, '<?xml version="1.0"?><opml/>'), {})).toEqual({kind: 'not-a-blog', found: 'an XML document with root <opml>, not a feed'});
		expect(parseDocument(doc(PAGE, 'hello', 'text/plain'), {})).toEqual({kind: 'not-a-blog', found: 'a text/plain document that is not a feed'});
		expect(parseDocument(doc(PAGE, ''), {})).toEqual({kind: 'not-a-blog', found: 'an empty response'});
	});

	it('obeys a forced format, failing clearly when the document is not that', () => {
		const atom = parseDocument(doc('https://x.test/f', fixtureBytes('atom/content-types.xml'), 'text/html'), {force: 'atom'});
		expect(atom.kind === 'blog' && atom.blog.format).toBe('atom');
		expect(() => parseDocument(doc('https://x.test/f', fixtureBytes('atom/content-types.xml')), {force: 'rss'})).toThrow(/expected an RSS document, found <feed>/);
		const json = parseDocument(doc('https://news.example.test/live/storm-idris/feed.json', fixtureBytes('jsonfeed/live.json')), {force: 'jsonfeed'});
		expect(json.kind === 'blog' && json.blog.entries.length).toBe(5);
	});

	it('throws only LiveblogError, whatever the bytes', () => {
		const shapes = fc.oneof(
			fc.string({maxLength: 300}),
			fc.string({maxLength: 200}).map(s => `<rss><channel><item><title>${s}</title><pubDate>${s}</pubDate></item></channel></rss>`),
			fc.string({maxLength: 200}).map(s => `<feed><entry><content type="xhtml">${s}</content></entry></feed>`),
			fc.jsonValue({maxDepth: 4}).map(v => JSON.stringify({version: 'https://jsonfeed.org/version/1.1', items: [v, {id: v, title: v, content_html: v}]})),
			fc.uint8Array({maxLength: 300}),
		);
		fc.assert(
			fc.property(shapes, body => {
				try {
					const result = parseDocument(doc('https://fuzz.example.test/feed', body), {});
					expect(['blog', 'follow', 'not-a-blog']).toContain(result.kind);
					if (result.kind === 'blog') {
						for (const entry of result.blog.entries) expect(JSON.stringify(entry)).not.toMatch(/[\u001b\u0080-\u009f]/);
					}
				} catch (error) {
					if (!isLiveblogError(error)) throw error;
					expect(error.failure.kind).toBe('parse');
				}
			}),
			{numRuns: 300, seed: 20260314},
		);
	});
});

describe('isGuardianInput', () => {
	it('routes guardian: ids and theguardian.com live pages to the Content API', () => {
		expect(isGuardianInput('guardian:world/live/2026/mar/14/storm')).toBe(true);
		expect(isGuardianInput('https://www.theguardian.com/world/live/2026/mar/14/storm-idris-live')).toBe(true);
		expect(isGuardianInput('https://www.theguardian.com/world/2026/mar/14/storm-idris')).toBe(false);
		expect(isGuardianInput('https://theguardian.com.evil.test/live/x')).toBe(false);
		expect(isGuardianInput('https://news.example.test/live/x')).toBe(false);
	});
});

describe('createPollSource', () => {
	it('remembers the feed autodiscovery chose and labels the blog with it', () => {
		const source = createPollSource(PAGE, {});
		expect(source.nextRequest(context)).toEqual({url: PAGE, conditional: true, key: PAGE});
		const follow = source.accept(doc(PAGE, fixtureBytes('html/page-with-feeds.html'), 'text/html'), context);
		expect(follow.kind).toBe('follow');
		const feedUrl = 'https://news.example.test/news/storm/live.atom';
		expect(source.nextRequest(context)).toEqual({url: feedUrl, conditional: true, key: feedUrl});
		const blog = source.accept(doc(feedUrl, fixtureBytes('atom/content-types.xml'), 'application/atom+xml'), context);
		expect(blog.kind === 'blog' && blog.via).toBe('feed found on page: Storm Idris: Live Updates');
		expect(source.label()).toBe('feed found on page: Storm Idris: Live Updates');
		// Later polls go straight to the feed.
		expect(source.nextRequest(context).url).toBe(feedUrl);
	});

	it('labels a direct feed by its format', () => {
		const source = createPollSource('https://news.example.test/feeds/storm.xml', {});
		source.accept(doc('https://news.example.test/feeds/storm.xml', fixtureBytes('rss/live-blog.xml')), context);
		expect(source.label()).toBe('RSS 2.0');
		const json = createPollSource('https://news.example.test/live/storm-idris/feed.json', {});
		json.accept(doc('https://news.example.test/live/storm-idris/feed.json', fixtureBytes('jsonfeed/live.json')), context);
		expect(json.label()).toBe('JSON Feed 1.1');
	});

	it('stops after two hops of pages pointing at pages', () => {
		const source = createPollSource('https://a.example.test/', {});
		const page = (next: string): FetchedDocument =>
			doc(source.nextRequest(context).url, `<html><head><link rel="alternate" type="application/rss+xml" href="${next}"></head></html>`, 'text/html');
		expect(source.accept(page('/b'), context).kind).toBe('follow');
		expect(source.accept(page('/c'), context).kind).toBe('follow');
		expect(source.accept(page('/d'), context)).toEqual({kind: 'not-a-blog', found: 'a page whose feed link led to another page (stopped after 2 hops)'});
	});

	it('refuses what is not a web address', () => {
		expect(() => createPollSource('ftp://x.test/feed', {})).toThrow(LiveblogError);
		expect(() => createPollSource('not a url', {})).toThrow(/not a web address/);
	});
});
