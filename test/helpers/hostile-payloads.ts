/**
 * Shared pieces of the hostile-input catalogue (test/hostile/): the payloads,
 * builders that put a payload into any source format, and the pipeline from
 * a fetched document to every rendered output (plain text, NDJSON, layout
 * lines), so each case can assert on what would reach a terminal.
 */
import type {Blog, Entry, ParsedBlog} from '../../src/model/blog.js';
import {mergePoll} from '../../src/model/merge.js';
import {blogLine, entryLines} from '../../src/output/ndjson.js';
import {formatBlog} from '../../src/output/plain.js';
import {parseDocument, type SourceOptions} from '../../src/sources/index.js';
import type {FetchedDocument} from '../../src/sources/source.js';
import {layoutEntryText} from '../../src/text/layout.js';
import {lineText, type Line} from '../../src/text/wrap.js';

export const ESC = '\u001B';
export const BEL = '\u0007';
export const ST = `${ESC}\\`;

/** What must never reach a terminal from a feed (\t and \n allowed, as in bodies). */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** The same for one-line fields: no line breaks or tabs either. */
// eslint-disable-next-line no-control-regex
export const LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Where a payload goes in a feed. */
export type Slot = 'blog-title' | 'title' | 'author' | 'body' | 'link-text' | 'link-href';
export type Format = 'rss' | 'atom' | 'jsonfeed' | 'guardian' | 'jsonld';
export const FORMATS: readonly Format[] = ['rss', 'atom', 'jsonfeed', 'guardian', 'jsonld'];

export type HostileItem = {
	readonly id?: string;
	readonly title?: string;
	readonly author?: string;
	/** HTML. */
	readonly html?: string;
	readonly link?: string;
	readonly date?: string;
};

export type HostileFeed = {readonly title?: string; readonly items: readonly HostileItem[]};

const DEFAULT_DATE = '2026-03-01T10:00:00Z';
const BASE = 'https://news.example/live/storm';

/** XML-escapes markup characters but leaves control bytes raw: the attack is the raw byte. */
export function xmlText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** CDATA that survives a `]]>` inside the payload. */
function cdata(text: string): string {
	return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function rfc822(iso: string): string {
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? iso : d.toUTCString();
}

export function rssFeed(feed: HostileFeed): string {
	const items = feed.items
		.map(
			(item, i) => `<item>
<title>${xmlText(item.title ?? `Update ${i}`)}</title>
<link>${xmlText(item.link ?? `${BASE}#p${i}`)}</link>
<guid isPermaLink="false">${xmlText(item.id ?? `p${i}`)}</guid>
<pubDate>${xmlText(item.date ?? rfc822(DEFAULT_DATE))}</pubDate>
<dc:creator>${xmlText(item.author ?? 'Desk')}</dc:creator>
<content:encoded>${cdata(item.html ?? `<p>Body of update ${i}.</p>`)}</content:encoded>
</item>`,
		)
		.join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>${xmlText(feed.title ?? 'Storm live')}</title>
<link>${BASE}</link>
<description>Hostile test feed</description>
${items}
</channel>
</rss>
`;
}

export function atomFeed(feed: HostileFeed): string {
	const entries = feed.items
		.map(
			(item, i) => `<entry>
<id>${xmlText(item.id ?? `urn:p${i}`)}</id>
<title type="text">${xmlText(item.title ?? `Update ${i}`)}</title>
<link rel="alternate" href="${xmlText(item.link ?? `${BASE}#p${i}`)}"/>
<published>${xmlText(item.date ?? DEFAULT_DATE)}</published>
<updated>${xmlText(item.date ?? DEFAULT_DATE)}</updated>
<author><name>${xmlText(item.author ?? 'Desk')}</name></author>
<content type="html">${xmlText(item.html ?? `<p>Body of update ${i}.</p>`)}</content>
</entry>`,
		)
		.join('\n');
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${xmlText(feed.title ?? 'Storm live')}</title>
<id>urn:storm</id>
<updated>${DEFAULT_DATE}</updated>
<link rel="alternate" href="${BASE}"/>
${entries}
</feed>
`;
}

export function jsonFeed(feed: HostileFeed): string {
	return JSON.stringify({
		version: 'https://jsonfeed.org/version/1.1',
		title: feed.title ?? 'Storm live',
		home_page_url: BASE,
		items: feed.items.map((item, i) => ({
			id: item.id ?? `p${i}`,
			url: item.link ?? `${BASE}#p${i}`,
			title: item.title ?? `Update ${i}`,
			content_html: item.html ?? `<p>Body of update ${i}.</p>`,
			date_published: item.date ?? DEFAULT_DATE,
			authors: [{name: item.author ?? 'Desk'}],
		})),
	});
}

export function guardianResponse(feed: HostileFeed): string {
	return JSON.stringify({
		response: {
			status: 'ok',
			content: {
				id: 'world/live/2026/mar/01/storm',
				webTitle: feed.title ?? 'Storm live',
				webUrl: 'https://www.theguardian.com/world/live/2026/mar/01/storm',
				fields: {headline: feed.title ?? 'Storm live', liveBloggingNow: 'true'},
				blocks: {
					body: feed.items.map((item, i) => ({
						id: item.id ?? `block-${i}`,
						title: item.title ?? `Update ${i}`,
						bodyHtml: item.html ?? `<p>Body of update ${i}.</p>`,
						firstPublishedDate: item.date ?? DEFAULT_DATE,
						createdBy: {firstName: item.author ?? 'Desk', lastName: ''},
						attributes: {keyEvent: i === 0},
					})),
				},
			},
		},
	});
}

/** JSON inside <script> must not close the script: `<` is written as \u003c. */
function scriptJson(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function jsonLdPage(feed: HostileFeed): string {
	const posting = {
		'@context': 'https://schema.org',
		'@type': 'LiveBlogPosting',
		headline: feed.title ?? 'Storm live',
		url: BASE,
		coverageStartTime: '2026-03-01T08:00:00Z',
		liveBlogUpdate: feed.items.map((item, i) => ({
			'@type': 'BlogPosting',
			'@id': `${BASE}#${item.id ?? `p${i}`}`,
			url: item.link ?? `${BASE}#p${i}`,
			headline: item.title ?? `Update ${i}`,
			articleBody: item.html ?? `<p>Body of update ${i}.</p>`,
			datePublished: item.date ?? DEFAULT_DATE,
			author: {'@type': 'Person', name: item.author ?? 'Desk'},
		})),
	};
	return `<!doctype html><html><head><title>Storm</title>
<script type="application/ld+json">${scriptJson(posting)}</script></head>
<body><h1>Storm</h1></body></html>
`;
}

export const CONTENT_TYPES: Readonly<Record<Format, string>> = {
	rss: 'application/rss+xml; charset=utf-8',
	atom: 'application/atom+xml; charset=utf-8',
	jsonfeed: 'application/feed+json; charset=utf-8',
	guardian: 'application/json; charset=utf-8',
	jsonld: 'text/html; charset=utf-8',
};

export function feedText(format: Format, feed: HostileFeed): string {
	switch (format) {
		case 'rss':
			return rssFeed(feed);
		case 'atom':
			return atomFeed(feed);
		case 'jsonfeed':
			return jsonFeed(feed);
		case 'guardian':
			return guardianResponse(feed);
		case 'jsonld':
			return jsonLdPage(feed);
	}
}

/** Puts `payload` into one slot of a one-item feed. */
export function feedWith(slot: Slot, payload: string): HostileFeed {
	switch (slot) {
		case 'blog-title':
			return {title: `Storm ${payload} live`, items: [{}]};
		case 'title':
			return {items: [{title: `Headline ${payload} end`}]};
		case 'author':
			return {items: [{author: `Reporter ${payload} Name`}]};
		case 'body':
			return {items: [{html: `<p>Before ${payload} after.</p>`}]};
		case 'link-text':
			return {items: [{html: `<p>See <a href="https://ok.example/page">link ${payload} text</a>.</p>`}]};
		case 'link-href':
			return {items: [{html: `<p>See <a href="${xmlText(payload)}">the link</a>.</p>`}]};
	}
}

export function fetched(body: string | Uint8Array, contentType: string | null, url = 'https://news.example/feed'): FetchedDocument {
	const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
	return {url, status: 200, headers: contentType === null ? {} : {'content-type': contentType}, bytes};
}

export function forceOf(format: Format): SourceOptions['force'] {
	return format === 'guardian' ? 'guardian' : format === 'jsonld' ? 'jsonld' : format;
}

/** Parses a document; fails the test unless it is a blog. */
export function parseBlog(doc: FetchedDocument, options: SourceOptions = {}): ParsedBlog {
	const result = parseDocument(doc, options);
	if (result.kind !== 'blog') throw new Error(`expected a blog, got ${result.kind}: ${JSON.stringify(result)}`);
	return result.blog;
}

export function parseFormat(format: Format, feed: HostileFeed): ParsedBlog {
	return parseBlog(fetched(feedText(format, feed), CONTENT_TYPES[format], format === 'jsonld' ? 'https://news.example/live/storm' : 'https://news.example/feed'), {
		force: forceOf(format),
	});
}

export const AT = Date.UTC(2026, 2, 1, 12, 0, 0);

export function merged(parsed: ParsedBlog, at = AT, previous: Blog | null = null): Blog {
	return mergePoll(previous, parsed, 'https://news.example/feed', at).blog;
}

export type Rendered = {
	/** What --once prints. */
	readonly plain: string;
	/** What --json prints. */
	readonly json: string;
	/** Every laid-out line of every entry at 40 and 100 columns, as text. */
	readonly layout: readonly string[];
	readonly lines: readonly Line[];
};

export function renderAll(blog: Blog): Rendered {
	const lines: Line[] = [];
	for (const entry of blog.entries) for (const width of [40, 100]) lines.push(...layoutEntryText(entry, width));
	return {
		plain: formatBlog(blog, 80),
		json: blogLine(blog) + entryLines(blog.entries, 'initial'),
		layout: lines.map(lineText),
		lines,
	};
}

/** Every one-line field of a blog that is shown as text, for LINE_CONTROL checks (ids are checked in --json). */
export function lineFields(blog: Blog | ParsedBlog): string[] {
	const fields: string[] = [blog.title, blog.description ?? ''];
	for (const entry of blog.entries as readonly (Entry | ParsedBlog['entries'][number])[]) {
		fields.push(entry.title ?? '', ...entry.authors);
	}
	return fields;
}

/** Describes the first control character found, for readable failures. */
export function firstControl(text: string, pattern: RegExp = CONTROL): string | null {
	const match = pattern.exec(text);
	if (match === null) return null;
	const cp = match[0].codePointAt(0)!;
	return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} at ${match.index}: …${JSON.stringify(text.slice(Math.max(0, match.index - 20), match.index + 20))}…`;
}
