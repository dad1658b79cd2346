import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {bodyPlainText} from '../../src/model/body-text.js';
import {LiveblogError} from '../../src/errors.js';
import {parseRss, readRss} from '../../src/sources/rss.js';
import type {SourceText} from '../../src/sources/source.js';

function fixture(name: string, url: string): SourceText {
	const text = readFileSync(fileURLToPath(new URL(`../fixtures/sources/${name}`, import.meta.url)), 'utf8');
	return {url, contentType: 'application/rss+xml', headers: {}, text};
}

const FEED_URL = 'https://news.example.test/feeds/storm.xml';

describe('RSS 2.0 live blog', () => {
	const {blog, label} = readRss(fixture('rss/live-blog.xml', FEED_URL));

	it('reads the channel', () => {
		expect(label).toBe('RSS 2.0');
		expect(blog.format).toBe('rss');
		expect(blog.title).toBe('Storm Idris: live updates from the Wendle valley');
		expect(blog.description).toBe('Rolling coverage as Storm Idris reaches the valley.');
		expect(blog.homeUrl).toBe('https://news.example.test/live/storm-idris');
		expect(blog.live).toBe('unknown');
		expect(blog.coverage).toEqual({kind: 'window'});
		expect(blog.hints).toEqual({ttlSeconds: 120});
	});

	it('skips and counts the unreadable items', () => {
		expect(blog.skipped).toBe(2);
		expect(blog.entries).toHaveLength(5);
	});

	it('keeps guids as string ids and a truncated title as given (key-events decides)', () => {
		const first = blog.entries[0]!;
		expect(first.id).toBe('0012');
		expect(first.title).toBe('Flood barriers on the Wendle river are holding for now, the…');
		expect(first.url).toBeNull();
		expect(first.published).toBe(Date.parse('2026-03-14T06:40:00Z'));
		expect(first.authors).toEqual(['Mari Okafor']);
		expect(bodyPlainText(first.body)).toContain('20cm from the top');
	});

	it('prefers content:encoded, resolves relative links, names the author of <author>', () => {
		const second = blog.entries[1]!;
		expect(second.id).toBe('12');
		expect(second.url).toBe('https://news.example.test/live/storm-idris#post-11');
		expect(second.authors).toEqual(['Tomasz Grey']);
		expect(second.body.map(b => b.kind)).toEqual(['paragraph', 'list-item', 'list-item']);
		expect(JSON.stringify(second.body)).toContain('https://news.example.test/places/lower-marsh');
		expect(JSON.stringify(second.body)).not.toContain('teaser');
	});

	it('hashes an item with neither guid nor link, and leaves an undated item undated', () => {
		const third = blog.entries[2]!;
		expect(third.id).toMatch(/^h:[0-9a-f]{16}$/);
		expect(third.title).toBeNull();
		expect(third.published).toBeNull();
		expect(bodyPlainText(third.body)).toBe('Power is out for 3,000 homes & the operator says it\u2019s "working flat out".');
		// The same item parses to the same id every time.
		expect(readRss(fixture('rss/live-blog.xml', FEED_URL)).blog.entries[2]!.id).toBe(third.id);
	});

	it('decodes double-escaped entities in titles and neutralises control bytes', () => {
		const cafe = blog.entries[3]!;
		expect(cafe.title).toBe('Café owners start the clean-up ␛[2J');
		expect(cafe.url).toBe('https://news.example.test/live/storm-idris/cafe');
		expect(cafe.published).toBe(Date.parse('2026-03-13T21:05:00Z'));
		expect(bodyPlainText(cafe.body)).toBe('Sandbags everywhere.');
	});

	it('prefers feedburner:origLink, reads atom:updated and several dc:creators', () => {
		const rail = blog.entries[4]!;
		expect(rail.url).toBe('https://news.example.test/live/storm-idris/rail');
		expect(rail.published).toBe(Date.parse('2026-03-13T21:00:00Z'));
		expect(rail.updated).toBe(Date.parse('2026-03-13T21:30:00Z'));
		expect(rail.authors).toEqual(['Ana Ruiz', 'Ben Cole']);
	});
});

describe('RSS 0.91', () => {
	const {blog, label} = readRss(fixture('rss/rss-091.xml', 'http://harby.example.test/rss.xml'));
	it('reads items without guid or dates, using the link as id', () => {
		expect(label).toBe('RSS 0.91');
		expect(blog.title).toBe('Harby Gazette');
		expect(blog.entries.map(e => [e.id, e.title, e.published])).toEqual([
			['http://harby.example.test/news/harbour-wall', 'Harbour wall repaired', null],
			['http://harby.example.test/news/ferry', 'Ferry timetable changes', null],
		]);
		expect(bodyPlainText(blog.entries[0]!.body)).toBe('Work finished ahead of schedule.');
		expect(blog.entries[1]!.body).toEqual([]);
	});
});

describe('RSS 1.0 (RDF)', () => {
	const {blog, label} = readRss(fixture('rdf/syn-hourly.xml', 'https://valley.example.test/rss'));
	it('reads items beside the channel with rdf:about ids, dc:date and the syndication hint', () => {
		expect(label).toBe('RSS 1.0 (RDF)');
		expect(blog.format).toBe('rdf');
		expect(blog.hints).toEqual({updatePeriodSeconds: 900});
		expect(blog.entries.map(e => [e.id, e.title, e.published, e.url])).toEqual([
			['https://valley.example.test/w/1?a=1&b=2', 'Amber wind warning extended', Date.parse('2026-03-14T12:00:00Z'), 'https://valley.example.test/w/1?a=1&b=2'],
			['https://valley.example.test/w/2', 'River levels falling', Date.parse('2026-03-14T09:30:00Z'), 'https://valley.example.test/w/2'],
		]);
		expect(blog.entries[0]!.authors).toEqual(['Forecast team']);
		expect(bodyPlainText(blog.entries[0]!.body)).toBe('Gusts of 70mph are expected on high ground.');
	});
});

describe('RSS failures', () => {
	it('is a LiveblogError for a document that is not RSS', () => {
		expect(() => parseRss({url: FEED_URL, contentType: null, headers: {}, text: '<feed><title>x</title></feed>'})).toThrow(LiveblogError);
	});
	it('reads a channel with no items as an empty blog named after its host', () => {
		const blog = parseRss({url: FEED_URL, contentType: null, headers: {}, text: '<rss version="2.0"><channel></channel></rss>'});
		expect(blog.title).toBe('news.example.test');
		expect(blog.entries).toEqual([]);
		expect(blog.skipped).toBe(0);
	});
	it('gives colliding guids distinct stable ids and drops exact duplicates', () => {
		const item = (title: string): string => `<item><guid>same</guid><title>${title}</title></item>`;
		const text = `<rss><channel>${item('One')}${item('Two')}${item('One')}</channel></rss>`;
		const ids = parseRss({url: FEED_URL, contentType: null, headers: {}, text}).entries.map(e => e.id);
		expect(ids).toHaveLength(2);
		expect(ids[0]).toBe('same');
		expect(ids[1]).toMatch(/^same#[0-9a-f]{16}$/);
	});
});
