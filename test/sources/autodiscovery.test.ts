import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {chooseFeed, discoverFeeds} from '../../src/sources/autodiscovery.js';
import {ownText} from '../../src/text/sanitize.js';

function page(name: string): string {
	return readFileSync(fileURLToPath(new URL(`../fixtures/sources/html/${name}`, import.meta.url)), 'utf8');
}

const PAGE_URL = 'https://news.example.test/2026/03/14/storm-idris.html';

describe('discoverFeeds', () => {
	const feeds = discoverFeeds(page('page-with-feeds.html'), PAGE_URL);

	it('finds alternate feed links in page order, resolved against <base>, skipping non-feeds', () => {
		expect(feeds).toEqual([
			{url: 'https://news.example.test/news/comments.rss', title: 'Comments on this story', type: 'rss'},
			{url: 'https://news.example.test/news/storm/live.atom', title: 'Storm Idris: Live Updates', type: 'atom'},
			{url: 'https://news.example.test/feed.json', title: 'Everything & more', type: 'jsonfeed'},
		]);
	});

	it('prefers a feed whose title says live or updates, and honours a 1-based index', () => {
		expect(chooseFeed(feeds)?.url).toBe('https://news.example.test/news/storm/live.atom');
		expect(chooseFeed(feeds, 1)?.url).toBe('https://news.example.test/news/comments.rss');
		expect(chooseFeed(feeds, 3)?.url).toBe('https://news.example.test/feed.json');
		expect(chooseFeed(feeds, 4)).toBeNull();
	});

	it('falls back to the first feed that is not a comments feed', () => {
		const plain = feeds.map(feed => ({...feed, title: feed.title === 'Storm Idris: Live Updates' ? ownText('Section') : feed.title}));
		expect(chooseFeed(plain)?.title).toBe('Section');
	});

	it('finds nothing on a page without feed links', () => {
		expect(discoverFeeds(page('page-no-feeds.html'), PAGE_URL)).toEqual([]);
		expect(chooseFeed([])).toBeNull();
	});

	it('drops non-http hrefs and resolves relative ones against the page without <base>', () => {
		const html =
			'<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"><link rel="alternate" type="application/rss+xml" href="../feed/">';
		expect(discoverFeeds(html, 'https://a.example.test/x/y/page').map(f => f.url)).toEqual(['https://a.example.test/x/feed/']);
	});
});
