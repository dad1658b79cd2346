/**
 * Feed autodiscovery: `<link rel="alternate" type="application/rss+xml" …>`
 * and friends in an HTML page, read with htmlparser2 (never regular
 * expressions over HTML). Hrefs resolve against the page's <base>, itself
 * resolved against the page URL, as browsers do.
 */
import {Parser} from 'htmlparser2';
import {FastTokenizer} from './html-tokenizer.js';
import {safeHttpUrl, sanitizeLine} from '../text/sanitize.js';
import type {DiscoveredFeed} from './source.js';

const MAX_HTML_CHARS = 8 * 1024 * 1024;
const MAX_FEEDS = 50;

const FEED_TYPES: Readonly<Record<string, DiscoveredFeed['type']>> = {
	'application/rss+xml': 'rss',
	'application/rdf+xml': 'rss',
	'application/atom+xml': 'atom',
	'application/feed+json': 'jsonfeed',
	'application/json': 'jsonfeed',
};

type RawLink = {readonly href: string; readonly title: string | null; readonly type: DiscoveredFeed['type']};

/** Every feed a page advertises, in page order, with absolute http(s) URLs. */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
	const links: RawLink[] = [];
	let base: string | null = null;
	let inSvg = 0;
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				if (name === 'svg') inSvg++;
				if (inSvg > 0) return;
				if (name === 'base' && base === null && attributes['href'] !== undefined) {
					base = attributes['href'];
					return;
				}
				if (name !== 'link' || links.length >= MAX_FEEDS) return;
				const rel = (attributes['rel'] ?? '').toLowerCase().split(/\s+/);
				if (!rel.includes('alternate')) return;
				const type = FEED_TYPES[(attributes['type'] ?? '').split(';')[0]!.trim().toLowerCase()];
				const href = attributes['href'];
				if (type === undefined || href === undefined || href.trim() === '') return;
				// WordPress advertises its REST API as an application/json alternate: not a feed.
				if (href.includes('/wp-json/')) return;
				links.push({href, title: attributes['title'] ?? null, type});
			},
			onclosetag(name) {
				if (name === 'svg' && inSvg > 0) inSvg--;
			},
		},
		{decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, Tokenizer: FastTokenizer},
	);
	parser.end(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);

	const resolvedBase = safeHttpUrl(base, pageUrl) ?? pageUrl;
	const feeds: DiscoveredFeed[] = [];
	for (const link of links) {
		const url = safeHttpUrl(link.href, resolvedBase);
		if (url === null || feeds.some(feed => feed.url === url)) continue;
		const title = link.title === null ? null : sanitizeLine(link.title);
		feeds.push({url, title: title === '' ? null : title, type: link.type});
	}
	return feeds;
}

const LIVE_TITLE = /\blive\b|\bupdates?\b|\bticker\b/i;
const COMMENTS_TITLE = /\bcomments?\b/i;

/**
 * Which feed to read. `feedIndex` (1-based, as `--feed-index N` is typed)
 * picks one outright; otherwise the first whose title says live or updates,
 * else the first that is not a comments feed, else the first.
 */
export function chooseFeed(feeds: readonly DiscoveredFeed[], feedIndex?: number): DiscoveredFeed | null {
	if (feedIndex !== undefined) return feeds[feedIndex - 1] ?? null;
	return (
		feeds.find(feed => feed.title !== null && LIVE_TITLE.test(feed.title)) ??
		feeds.find(feed => feed.title === null || !COMMENTS_TITLE.test(feed.title)) ??
		feeds[0] ??
		null
	);
}
