/**
 * Conformance over every real-world sample in ../shared/fixtures/real/, read in
 * place. Each file has one row below saying what must come out of it; a file
 * added there without a row fails the suite until someone writes one.
 */
import {readFileSync, readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import type {ParsedBlog} from '../../src/model/blog.js';
import {LiveblogError} from '../../src/errors.js';
import {parseFeedDate} from '../../src/sources/dates.js';
import {detectFormat, type DetectedFormat} from '../../src/sources/detect.js';
import {parseDocument} from '../../src/sources/index.js';
import type {FetchedDocument, SourceText} from '../../src/sources/source.js';
import {decodeDocument} from '../../src/text/decode.js';

const REAL_DIR = fileURLToPath(new URL('../../../shared/fixtures/real/', import.meta.url));

/** Which entry a check is about: its position in document order, or its id. */
type Pick = {readonly index: number} | {readonly id: string};

type BlogRow = {
	readonly result: 'blog';
	readonly format: DetectedFormat;
	readonly blogTitle: string;
	readonly entries: number;
	readonly skipped?: number;
	/** One entry's title after title normalisation (null: a truncated body, or none). */
	readonly title?: Pick & {readonly value: string | null};
	/** One entry's published date, ISO, or null when the source has none. */
	readonly date?: Pick & {readonly iso: string | null};
	/** An entry the source flags as a key event. */
	readonly keyEvent?: Pick & {readonly title: string | null};
	readonly check?: (blog: ParsedBlog, input: SourceText) => void;
	readonly note: string;
};
type FollowRow = {readonly result: 'follow'; readonly format: 'html'; readonly url: string; readonly reason: string; readonly note: string};
type RejectRow = {readonly result: 'rejected'; readonly format: DetectedFormat; readonly message: RegExp; readonly note: string};
type Row = BlogRow | FollowRow | RejectRow;

/** The channel-level <pubDate> of a feed whose items carry none (a test may look with a regex; src never does). */
function channelDate(input: SourceText): number | null {
	return parseFeedDate(/<pubDate>([^<]*)<\/pubDate>/.exec(input.text)?.[1]);
}

const EXPECTED: Readonly<Record<string, Row>> = {
	'guardian-api-liveblog-blocks-bool-attrs.json': {
		result: 'blog', format: 'guardian-api', blogTitle: 'example-liveblog', entries: 6,
		title: {id: '55267da9e4b091b2a1c75fe0', value: 'key event title'},
		date: {id: '5530debce4b078ada18a4602', iso: '2015-04-17T11:21:49.000Z'},
		keyEvent: {id: '55267da9e4b091b2a1c75fe0', title: 'key event title'},
		check: blog => {
			expect(blog.format).toBe('guardian');
			expect(blog.entries.find(e => e.id === '55267da9e4b091b2a1c75fe0')?.pinned).toBe(true);
			expect(blog.entries.find(e => e.id === '55267dc0e4b091b2a1c75fe1')?.summary).toBe(true);
		},
		note: 'boolean attributes; 6 body blocks (the main block is the lead image, not a post)',
	},
	'guardian-api-liveblog-blocks-string-attrs.json': {
		result: 'blog', format: 'guardian-api', blogTitle: 'example-liveblog', entries: 6,
		title: {id: '55267da9e4b091b2a1c75fe0', value: 'key event title'},
		date: {id: '5530debce4b078ada18a4602', iso: '2015-04-17T10:21:49.661Z'},
		keyEvent: {id: '55267da9e4b091b2a1c75fe0', title: 'key event title'},
		check: blog => {
			expect(blog.entries.find(e => e.id === '55267da9e4b091b2a1c75fe0')?.pinned).toBe(true);
			expect(blog.entries.find(e => e.id === '55267dc0e4b091b2a1c75fe1')?.summary).toBe(true);
		},
		note: '"true" strings as attributes, +01:00 dates with milliseconds',
	},
	'guardian-rss-us-front-2018-with-liveblog-items.xml': {
		result: 'blog', format: 'rss', blogTitle: 'The Guardian', entries: 55,
		title: {index: 0, value: 'Trump State of the Union address promised unity but emphasized discord'},
		date: {index: 0, iso: '2018-01-31T07:26:05.000Z'},
		check: blog => {
			const live = blog.entries.filter(e => e.url?.includes('/live/2018/jan/31/'));
			expect(live.length).toBe(2);
			expect(blog.entries[0]!.authors).toEqual(['David Smith in Washington']);
		},
		note: 'a front page; each live blog is one item (why the Guardian is read through its API)',
	},
	'rss2-medium-content-encoded-cdata.xml': {
		result: 'blog', format: 'rss', blogTitle: 'Food in Invironment on Medium', entries: 7,
		title: {index: 0, value: 'THE CREATIVE FORAGER'},
		date: {index: 0, iso: '2018-04-09T18:55:38.000Z'},
		check: blog => {
			const first = blog.entries[0]!;
			expect(first.id).toBe('https://medium.com/p/125af37d838f');
			expect(first.url).toBe('https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food');
			expect(first.updated).toBe(Date.parse('2018-04-09T19:39:12.675Z'));
			expect(first.authors).toEqual(['Jeremy Puma']);
		},
		note: 'guid isPermaLink=false is the id, not the url; atom:updated later than pubDate',
	},
	'rss2-jn-pt-iso-8859-1-feedburner.xml': {
		result: 'blog', format: 'rss', blogTitle: 'Jornal de Notícias - Últimas Notícias', entries: 40,
		title: {index: 0, value: 'Mãe de utente é a nova presidente da Raríssimas'},
		date: {index: 0, iso: '2018-01-03T13:47:00.000Z'},
		check: blog => expect(blog.entries[0]!.url).toBe('https://www.jn.pt/nacional/interior/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html'),
		note: 'Latin-1 decoded; feedburner:origLink wins over the feedproxy link; CR LF inside pubDate',
	},
	'rss2-google-news-guid-not-permalink-source.xml': {
		result: 'blog', format: 'rss', blogTitle: 'Top stories - Google News', entries: 38,
		date: {index: 0, iso: '2022-07-28T02:43:00.000Z'},
		check: blog => {
			expect(blog.entries[0]!.id).toBe('1516137394');
			expect(blog.entries[0]!.url).toMatch(/^https:\/\/news\.google\.com\/__i\/rss\/rd\/articles\//);
			expect(blog.entries[0]!.title).toMatch(/^In a major boost to Democrats/);
		},
		note: 'numeric guid kept as a string; escaped <ol> description',
	},
	'rss2-huggingface-relative-urls.xml': {
		result: 'blog', format: 'rss', blogTitle: 'Hugging Face - Blog', entries: 175,
		title: {index: 0, value: 'Introduction to Graph Machine Learning'},
		date: {index: 0, iso: '2023-01-03T00:00:00.000Z'},
		check: blog => {
			expect(blog.homeUrl).toBe('https://example.test/blog');
			expect(blog.entries[0]!.url).toBe('https://example.test/blog/intro-graphml');
		},
		note: 'relative link and permalink guid resolved against the feed URL',
	},
	'rss2-narro-utc-zone-dates-itunes.xml': {
		result: 'blog', format: 'rss', blogTitle: 'foobar on Narro', entries: 1,
		title: {index: 0, value: 'FAQ for Narro'},
		date: {index: 0, iso: '2015-02-20T09:51:15.000Z'},
		check: blog => expect(blog.hints.ttlSeconds).toBe(1200),
		note: '"UTC" zone name; <ttl> becomes a polling hint',
	},
	'rdf-rss1-science-dc-date.xml': {
		result: 'blog', format: 'rdf', blogTitle: 'Science twis', entries: 69,
		title: {index: 0, value: 'Food for fungi'},
		date: {index: 0, iso: '2017-06-15T17:29:47.000Z'},
		check: blog => {
			expect(blog.entries[0]!.id).toBe('http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1');
			expect(blog.entries[0]!.authors).toEqual(['Hines, P. J.']);
		},
		note: 'items beside <channel>, rdf:about ids, dc:date with -07:00',
	},
	'rdf-slashdot-iso-8859-1-syn-updateperiod.xml': {
		result: 'blog', format: 'rdf', blogTitle: 'Slashdot', entries: 3,
		title: {index: 0, value: 'SpaceX Working With Cloudflare To Speed Up Starlink Service'},
		date: {index: 0, iso: '2023-08-24T07:00:00.000Z'},
		check: blog => {
			expect(blog.hints.updatePeriodSeconds).toBe(3600);
			expect(blog.entries[0]!.id).toContain('?utm_source=rss1.0mainlinkanon&utm_medium=feed');
		},
		note: 'syn:updatePeriod hourly → 3600 s hint; &amp; in rdf:about decoded',
	},
	'atom-heise-de-html-summaries.xml': {
		result: 'blog', format: 'atom', blogTitle: 'heise developer neueste Meldungen', entries: 15,
		title: {index: 0, value: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei'},
		date: {index: 0, iso: '2016-02-01T16:22:00.000Z'},
		check: blog => {
			expect(blog.entries[0]!.id).toBe('http://heise.de/-3088438');
			expect(blog.entries[0]!.updated).toBe(Date.parse('2016-02-01T16:54:50.000Z'));
		},
		note: 'short permalink id differs from the alternate link; +01:00 offsets',
	},
	'atom-google-news-nanosecond-updated.xml': {
		result: 'blog', format: 'atom', blogTitle: 'Top stories - Google News', entries: 38,
		date: {index: 37, iso: '2022-07-27T19:18:54.000Z'},
		check: blog => expect(blog.entries.every(e => e.published !== null)).toBe(true),
		note: 'nine fractional digits in <updated>',
	},
	'atom-blogger-feedburner-multi-links.xml': {
		result: 'blog', format: 'atom', blogTitle: 'Google Ads Developer Blog', entries: 25,
		title: {index: 0, value: 'AdWords and DFP Java client library will soon require Java 7+'},
		date: {index: 0, iso: '2016-06-03T14:38:00.000Z'},
		check: blog => expect(blog.entries[0]!.url).toBe('http://googleadsdeveloper.blogspot.com/2016/06/adwords-and-dfp-java-client-library.html'),
		note: 'feedburner:origLink over the alternate; edit/self links ignored; PIs before the root',
	},
	'atom-xml-base-override.xml': {
		result: 'blog', format: 'atom', blogTitle: 'Example test', entries: 0,
		note: 'an entry-less feed with an xhtml title; xml:base resolution is covered by our own atom fixture',
	},
	'jsonfeed-1.1-all-fields.json': {
		result: 'blog', format: 'jsonfeed', blogTitle: 'title', entries: 1,
		title: {index: 0, value: 'title'},
		date: {index: 0, iso: '2019-10-12T07:20:50.520Z'},
		check: blog => {
			expect(blog.entries[0]!.id).toBe('id');
			expect(blog.entries[0]!.authors).toEqual(['author_name']);
		},
		note: 'two-digit fractional seconds; bare "1.1" version string (sniffed by the items array)',
	},
	'jsonfeed-1.0-adactio-non-rfc3339-dates.json': {
		result: 'blog', format: 'jsonfeed', blogTitle: 'Adactio: Journal', entries: 10,
		title: {index: 9, value: 'Talking about style'},
		date: {index: 0, iso: '2022-07-26T13:01:01.000Z'},
		check: blog => {
			expect(blog.entries[0]!.id).toBe('19317');
			expect(blog.entries[0]!.authors).toEqual(['Jeremy Keith']);
		},
		note: 'leading blank line; "YYYY-MM-DD HH:mm:ss" dates read as UTC; feed-level author inherited',
	},
	'jsonfeed-1.1-relative-urls-microblog.json': {
		result: 'blog', format: 'jsonfeed', blogTitle: 'JSON Feed', entries: 2,
		title: {index: 0, value: 'JSON Feed version 1.1'},
		date: {index: 0, iso: '2020-08-07T16:44:36.000Z'},
		check: blog => expect(blog.entries[0]!.url).toBe('https://example.test/2020/08/07/json-feed-version.html'),
		note: 'relative item url resolved against home_page_url "/" on the document URL',
	},
	'broken-date-rss092-no-weekday-no-colon.xml': {
		result: 'blog', format: 'rss', blogTitle: 'RSS0.92 Example', entries: 2,
		title: {index: 0, value: 'The First Item'},
		date: {index: 0, iso: null},
		check: (_blog, input) => expect(channelDate(input)).toBe(Date.parse('2002-04-03T15:00:00Z')),
		note: 'recovered; items carry no dates; the channel date "03 Apr 02 1500 GMT" parses',
	},
	'broken-no-decl-latin1-bytes-uol.xml': {
		result: 'blog', format: 'rss', blogTitle: 'UOL Noticias', entries: 15,
		title: {index: 0, value: 'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno'},
		date: {index: 0, iso: '2018-09-24T22:42:40.000Z'},
		check: blog => expect(blog.description).toBe('Últimas Notícias'),
		note: 'recovered: Latin-1 bytes without a declaration decoded; Portuguese "Seg, 24 Set 2018" parsed',
	},
	'broken-bare-ampersand.xml': {
		result: 'blog', format: 'rss', blogTitle: 'Fish & Chips & more <3', entries: 0,
		note: 'recovered: the bare & kept as text',
	},
	'broken-legacy-entity-no-semicolon.xml': {
		result: 'blog', format: 'rss', blogTitle: '?page=1&copy=2;mode=x & done', entries: 0,
		note: 'recovered: &copy without a semicolon is not ©',
	},
	'broken-illegal-control-char.xml': {
		result: 'blog', format: 'rss', blogTitle: 'example.test', entries: 1,
		title: {index: 0, value: 'ab\u2408cd'},
		date: {index: 0, iso: null},
		note: 'recovered: the backspace is shown as ␈, never sent to the terminal',
	},
	'broken-leading-whitespace-before-root.xml': {
		result: 'blog', format: 'rss', blogTitle: 'Feed Title', entries: 0,
		note: 'recovered: whitespace before the root is ignored',
	},
	'broken-truncated-cdata.xml': {
		result: 'rejected', format: 'rss', message: /malformed or cut-off XML \(CDATA is not closed/,
		note: 'rejected: a truncated download is not shown as if complete',
	},
	'broken-undeclared-namespace-prefix.xml': {
		result: 'blog', format: 'rss', blogTitle: 'example.test', entries: 0,
		note: 'recovered: the undeclared itunes: prefix is kept and ignored',
	},
	'broken-iso-8859-7-greek-date.xml': {
		result: 'blog', format: 'rss', blogTitle: 'example.test', entries: 0,
		check: (_blog, input) => {
			expect(input.text).toContain('Τρι, 29 Ιούν 2004');
			expect(channelDate(input)).toBe(Date.parse('2004-06-29T12:53:00Z'));
		},
		note: 'recovered: ISO-8859-7 decoded; the Greek date parses',
	},
	'broken-html-entities-mojibake.xml': {
		result: 'blog', format: 'rss', blogTitle: 'example.test', entries: 1,
		check: blog => expect(blog.entries[0]!.body).toEqual([{kind: 'paragraph', inlines: [{kind: 'text', text: '\u2026'}]}]),
		note: 'recovered: double-encoded "…" repaired (a C1 control proves the mojibake)',
	},
	'html-autodiscovery-heise-atom-and-rdf.html': {
		result: 'follow', format: 'html', url: 'http://www.heise.de/mac-and-i/news-atom.xml', reason: 'feed found on page: Aktuelle News von Mac & i',
		note: 'two alternates, neither says live: the first (Atom) is followed',
	},
	'html-autodiscovery-theatlantic-relative-hrefs.html': {
		result: 'follow', format: 'html', url: 'https://example.test/feed/all/', reason: 'feed found on page: The Atlantic',
		note: 'relative hrefs resolved against the page URL; the first of two is followed',
	},
};

function contentTypeFor(name: string): Record<string, string> {
	if (name.endsWith('.json')) return {'content-type': 'application/json'};
	if (name.endsWith('.html')) return {'content-type': 'text/html'};
	return {};
}

function documentFor(name: string): FetchedDocument {
	return {url: `https://example.test/${name}`, status: 200, headers: contentTypeFor(name), bytes: new Uint8Array(readFileSync(REAL_DIR + name))};
}

function pick(blog: ParsedBlog, which: Pick): ParsedBlog['entries'][number] {
	const entry = 'index' in which ? blog.entries[which.index] : blog.entries.find(e => e.id === which.id);
	expect(entry, JSON.stringify(which)).toBeDefined();
	return entry!;
}

const files = readdirSync(REAL_DIR).filter(name => name !== 'SOURCES.md').sort();

describe('real-world fixtures', () => {
	it('has an expectation for every file on disk and no stale rows', () => {
		expect(files.filter(name => !(name in EXPECTED))).toEqual([]);
		expect(Object.keys(EXPECTED).filter(name => !files.includes(name))).toEqual([]);
	});

	it.each(files)('%s', name => {
		const row = EXPECTED[name];
		if (row === undefined) throw new Error(`no expectation written for ${name}`);
		const doc = documentFor(name);
		const input = decodeDocument(doc);
		expect(detectFormat(input)).toBe(row.format);

		if (row.result === 'rejected') {
			let caught: unknown;
			try {
				parseDocument(doc, {});
			} catch (error) {
				caught = error;
			}
			expect(caught).toBeInstanceOf(LiveblogError);
			expect((caught as LiveblogError).message).toMatch(row.message);
			expect((caught as LiveblogError).message).toContain('example.test');
			return;
		}

		const result = parseDocument(doc, {});
		if (row.result === 'follow') {
			expect(result).toEqual({kind: 'follow', url: row.url, reason: row.reason});
			return;
		}
		if (result.kind !== 'blog') throw new Error(`expected a blog, got ${JSON.stringify(result)}`);
		const {blog} = result;
		expect(blog.title).toBe(row.blogTitle);
		expect(blog.entries).toHaveLength(row.entries);
		expect(blog.skipped).toBe(row.skipped ?? 0);
		if (row.title) expect(pick(blog, row.title).title).toBe(row.title.value);
		if (row.date) {
			const published = pick(blog, row.date).published;
			expect(published === null ? null : new Date(published).toISOString()).toBe(row.date.iso);
		}
		if (row.keyEvent) {
			const entry = pick(blog, row.keyEvent);
			expect(entry.keyEvent).toBe(true);
			expect(entry.title).toBe(row.keyEvent.title);
		}
		expect(new Set(blog.entries.map(e => e.id)).size).toBe(blog.entries.length);
		for (const entry of blog.entries) expect(entry.url === null || /^https?:\/\//.test(entry.url)).toBe(true);
		row.check?.(blog, input);
	});
});
