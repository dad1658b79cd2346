import {readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {findLiveBlogPostings, jsonLdScripts, parseJsonLdPage, readJsonLd, repairJson} from '../../src/sources/json-ld.js';
import type {SourceText} from '../../src/sources/source.js';

const here = dirname(fileURLToPath(import.meta.url));

function page(name: string, url: string, headers: Record<string, string> = {}): SourceText {
	return {url, contentType: 'text/html', headers, text: readFileSync(resolve(here, '../fixtures/sources/jsonld', name), 'utf8')};
}

function html(text: string, url = 'https://news.example/live'): SourceText {
	return {url, contentType: 'text/html', headers: {}, text};
}

const t = (iso: string): number => Date.parse(iso);

describe('parseJsonLdPage', () => {
	test('a LiveBlogPosting inside @graph, with an array of updates', () => {
		const blog = parseJsonLdPage(page('graph.html', 'https://news.example/live/launch'));
		expect(blog).not.toBeNull();
		if (blog === null) return;
		expect(blog.format).toBe('jsonld');
		expect(blog.title).toBe('Launch day live: Heron-2 rocket lifts off from Kestrel Point');
		expect(blog.description).toBe('Follow the countdown & launch as it happens');
		expect(blog.homeUrl).toBe('https://news.example/live/launch');
		expect(blog.live).toBe('live');
		expect(blog.coverage).toEqual({kind: 'window'});
		expect(blog.hints).toEqual({});
		// a string and an update with neither headline nor body cannot be read
		expect(blog.skipped).toBe(2);
		expect(blog.entries.map((entry) => entry.id)).toEqual([
			'https://news.example/live/launch#post-3',
			'https://news.example/live/launch#post-2',
			'https://news.example/live/launch?post=1',
		]);
		const [lift, fuel, morning] = blog.entries;
		expect(lift).toEqual({
			id: 'https://news.example/live/launch#post-3',
			title: 'Lift-off',
			url: 'https://news.example/live/launch#post-3',
			published: t('2026-05-10T08:41:30Z'),
			updated: null,
			authors: ['Priya Raman'],
			body: [{kind: 'paragraph', inlines: [{kind: 'text', text: 'Heron-2 cleared the tower at 09:41 local time.'}]}],
			// a real headline where the source flags nothing: a key event
			keyEvent: true,
			pinned: false,
			summary: false,
		});
		// the headline is the body's first words cut short: no title, no key event
		expect(fuel).toMatchObject({title: null, keyEvent: false, updated: t('2026-05-10T08:05:00Z'), authors: ['Priya Raman', 'Leo Brandt']});
		expect(morning).toMatchObject({title: null, url: 'https://news.example/live/launch?post=1', authors: ['Leo Brandt'], keyEvent: false});
	});

	test('one update object, and an end time in the past: ENDED', () => {
		const blog = parseJsonLdPage(page('single-update.html', 'https://votes.example/aldwick'));
		expect(blog?.live).toBe('ended');
		expect(blog?.hints).toEqual({coverageEndsAt: t('2026-02-13T04:00:00Z')});
		expect(blog?.homeUrl).toBeNull();
		expect(blog?.entries).toHaveLength(1);
		expect(blog?.entries[0]).toMatchObject({id: 'https://votes.example/aldwick#final', title: 'Final result declared', keyEvent: true});
	});

	test('an end time still ahead of the response Date is LIVE', () => {
		const live = parseJsonLdPage(page('html-body.html', 'https://run.example/live', {date: 'Sun, 19 Apr 2026 09:10:00 GMT'}));
		expect(live?.live).toBe('live');
		expect(live?.hints.coverageEndsAt).toBe(t('2026-04-19T15:00:00Z'));
		const after = parseJsonLdPage(page('html-body.html', 'https://run.example/live', {date: 'Sun, 19 Apr 2026 16:00:00 GMT'}));
		expect(after?.live).toBe('ended');
	});

	test('HTML in articleBody becomes structure; plain text keeps its paragraphs', () => {
		const blog = parseJsonLdPage(page('html-body.html', 'https://run.example/live'));
		expect(blog?.title).toBe('Marathon live – Riverside city race');
		expect(blog?.entries[0]?.body).toEqual([
			{
				kind: 'paragraph',
				inlines: [
					{kind: 'text', text: 'The lead group of '},
					{kind: 'text', text: 'six', style: 'strong'},
					{kind: 'text', text: ' went through halfway in 1:03:10.'},
				],
			},
			{kind: 'list-item', depth: 0, marker: '•', inlines: [{kind: 'text', text: 'Fastest split: 14:52'}]},
			{kind: 'list-item', depth: 0, marker: '•', inlines: [{kind: 'text', text: 'Temperature: 11°C'}]},
			{kind: 'paragraph', inlines: [{kind: 'link', text: 'Live results', href: 'https://run.example/results'}]},
		]);
		expect(blog?.entries[1]?.body).toEqual([
			{kind: 'paragraph', inlines: [{kind: 'text', text: 'Crowds are three deep on the bridge.'}]},
			{kind: 'paragraph', inlines: [{kind: 'text', text: 'The wheelchair race starts in five minutes.'}]},
		]);
	});

	test('a broken script beside good ones: the rest is read, trailing commas and raw newlines repaired', () => {
		const blog = parseJsonLdPage(page('broken.html', 'https://harbour.example/live/fire'));
		expect(blog?.title).toBe('Harbour fire live: crews tackle blaze at the grain store');
		expect(blog?.live).toBe('live');
		expect(blog?.entries.map((entry) => entry.id)).toEqual(['https://harbour.example/live/fire#e2', 'https://harbour.example/live/fire#e1']);
		expect(blog?.entries[0]?.body).toEqual([
			{kind: 'paragraph', inlines: [{kind: 'text', text: 'Quay Street is closed'}, {kind: 'break'}, {kind: 'text', text: 'between the bridge and the ferry terminal.'}]},
		]);
	});

	test('nested in mainEntity, with @type an array', () => {
		const blog = parseJsonLdPage(page('main-entity.html', 'https://gazette.example/live/floods?ref=x'));
		expect(blog?.title).toBe('Valley floods: live updates');
		expect(blog?.homeUrl).toBe('https://gazette.example/live/floods');
		expect(blog?.live).toBe('unknown');
		expect(blog?.entries[0]).toMatchObject({
			id: 'https://gazette.example/live/floods#p1',
			published: t('2026-01-08T09:00:00Z'),
			authors: ['Gazette newsroom'],
			title: null,
		});
	});

	test('a wholly entity-escaped script is decoded and read', () => {
		const blog = parseJsonLdPage(page('entity-escaped.html', 'https://council.example/live'));
		expect(blog?.title).toBe('Council vote live');
		expect(blog?.entries.map((entry) => entry.id)).toEqual(['https://council.example/live#v1']);
	});

	test('no liveBlogUpdate, no LiveBlogPosting, or no scripts: null', () => {
		expect(parseJsonLdPage(page('no-updates.html', 'https://x.example/live'))).toBeNull();
		expect(parseJsonLdPage(html('<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>'))).toBeNull();
		expect(parseJsonLdPage(html('<p>nothing here</p>'))).toBeNull();
		expect(parseJsonLdPage(html(''))).toBeNull();
	});

	test('an empty update list is an empty live blog', () => {
		const blog = parseJsonLdPage(html('<script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"Just started","liveBlogUpdate":[]}</script>'));
		expect(blog?.entries).toEqual([]);
		expect(blog?.title).toBe('Just started');
	});

	test('hostile values: escapes sanitised, javascript: URLs refused, __proto__ stays data', () => {
		const json = JSON.stringify({
			'@type': 'LiveBlogPosting',
			headline: 'Evil\u001b[2J\u202E title',
			url: 'javascript:alert(1)',
			['__proto__']: {polluted: 'yes'},
			liveBlogUpdate: [{'@type': 'BlogPosting', url: 'javascript:alert(2)', articleBody: 'text\u009b31m', author: {name: 'A\u0007'}, constructor: {prototype: {x: 1}}}],
		});
		const blog = parseJsonLdPage(html(`<script type="application/ld+json">${json}</script>`, 'https://safe.example/live'));
		expect(blog?.title).toBe('Evil␛[2J title');
		expect(blog?.homeUrl).toBeNull();
		expect(blog?.entries[0]).toMatchObject({url: null, authors: ['A␇']});
		expect(blog?.entries[0]?.body).toEqual([{kind: 'paragraph', inlines: [{kind: 'text', text: 'text\uFFFD31m'}]}]);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
	});

	test('deeply nested JSON-LD is skipped, not recursed into', () => {
		const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
		const good = '{"@type":"LiveBlogPosting","headline":"Still read","liveBlogUpdate":[]}';
		const blog = parseJsonLdPage(html(`<script type="application/ld+json">${deep}</script><script type="application/ld+json">${good}</script>`));
		expect(blog?.title).toBe('Still read');
	});

	test('several postings: the one with the most updates wins', () => {
		const a = '{"@type":"LiveBlogPosting","headline":"Related blog","liveBlogUpdate":[]}';
		const b = '{"@type":"LiveBlogPosting","headline":"This blog","liveBlogUpdate":[{"articleBody":"one"},{"articleBody":"two"}]}';
		const blog = parseJsonLdPage(html(`<script type="application/ld+json">${a}</script><script type="application/ld+json">${b}</script>`));
		expect(blog?.title).toBe('This blog');
		expect(blog?.entries).toHaveLength(2);
	});
});

describe('helpers', () => {
	test('jsonLdScripts reads only ld+json scripts, raw', () => {
		expect(jsonLdScripts('<script type="application/ld+json; charset=utf-8">{"a":"&amp;"}</script><script>x</script><script type="APPLICATION/LD+JSON">[1]</script>')).toEqual([
			'{"a":"&amp;"}',
			'[1]',
		]);
	});

	test('repairJson removes trailing commas and escapes raw control characters in strings only', () => {
		expect(repairJson('{"a": [1, 2,], "b": "x,]\n\ty",}')).toBe('{"a": [1, 2], "b": "x,]\\n\\ty"}');
		expect(repairJson('<!-- {"a":1} -->')).toBe(' {"a":1} ');
		expect(readJsonLd('{"a": }')).toBeUndefined();
	});

	test('findLiveBlogPostings finds postings at any depth, schema.org URL types included', () => {
		const found = findLiveBlogPostings({x: [{y: {'@type': 'http://schema.org/LiveBlogPosting', n: 1}}], z: {'@type': 'schema:LiveBlogPosting', n: 2}});
		expect(found.map((node) => node['n'])).toEqual([1, 2]);
	});
});
