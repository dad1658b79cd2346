import {readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {LiveblogError} from '../../src/errors.js';
import {guardianFlag, parseGuardianResponse, parseGuardianSearch} from '../../src/sources/guardian.js';
import type {SourceText} from '../../src/sources/source.js';

const here = dirname(fileURLToPath(import.meta.url));
const ours = resolve(here, '../fixtures/sources/guardian');
const real = resolve(here, '../../../shared/fixtures/real');
const API = 'https://content.guardianapis.com/uk-news/live/2026/mar/03/storm-mirela-live?show-blocks=x&api-key=test';
const BLOG = 'https://www.theguardian.com/uk-news/live/2026/mar/03/storm-mirela-live';

function source(dir: string, file: string, url = API): SourceText {
	return {url, contentType: 'application/json', headers: {}, text: readFileSync(resolve(dir, file), 'utf8')};
}

const t = (iso: string): number => Date.parse(iso);

describe('parseGuardianResponse on our fixtures', () => {
	test('first load: blocks from every requested list, once each, flags merged', () => {
		const blog = parseGuardianResponse(source(ours, 'initial.json'));
		expect(blog.format).toBe('guardian');
		expect(blog.title).toBe('Storm Mirela live: flood barriers go up along the Saltmere coast');
		expect(blog.description).toBe('Red warning for wind & rain until midnight; ferries cancelled');
		expect(blog.homeUrl).toBe(BLOG);
		expect(blog.live).toBe('live');
		expect(blog.entries.map((entry) => entry.id)).toEqual(['b3', 'b2', 'b1', 'b0']);
		// the draft is not a post; the block without an id could not be read
		expect(blog.skipped).toBe(1);
		// key events and pinned posts can be far older than the latest 50: the window starts at the oldest of those 50
		expect(blog.coverage).toEqual({kind: 'window-since', since: t('2026-03-03T10:00:00Z')});

		const [b3, b2, b1, b0] = blog.entries;
		expect(b3).toEqual({
			id: 'b3',
			title: null,
			url: `${BLOG}?page=with:block-b3#block-b3`,
			published: t('2026-03-03T12:30:00Z'),
			updated: null,
			authors: ['Tom Verity'],
			body: [{kind: 'paragraph', inlines: [{kind: 'text', text: 'The harbour master says the lock gates will stay shut until the evening tide.'}]}],
			keyEvent: false,
			pinned: false,
			summary: false,
		});
		expect(b2).toMatchObject({
			title: 'Ferries cancelled for the rest of the day',
			keyEvent: true,
			pinned: false,
			published: t('2026-03-03T11:15:00Z'),
			updated: t('2026-03-03T11:20:00Z'),
			authors: ['Nia Okafor'],
		});
		expect(b2?.body).toEqual([
			{kind: 'paragraph', inlines: [{kind: 'text', text: 'All sailings from Saltmere are off.'}]},
			{kind: 'list-item', depth: 0, marker: '•', inlines: [{kind: 'text', text: 'Island route: suspended'}]},
			{kind: 'list-item', depth: 0, marker: '•', inlines: [{kind: 'text', text: 'Night service: cancelled'}]},
		]);
		expect(b1).toMatchObject({pinned: true, keyEvent: false, authors: ['Nia Okafor']});
		// "TRUE" as a string counts, and so does appearing in body:key-events
		expect(b0).toMatchObject({keyEvent: true, title: 'Red warning issued overnight', authors: []});
	});

	test('an incremental answer is additions only, and boolean liveBloggingNow works', () => {
		const blog = parseGuardianResponse(source(ours, 'incremental.json'));
		expect(blog.coverage).toEqual({kind: 'additions'});
		expect(blog.live).toBe('live');
		expect(blog.entries).toHaveLength(1);
		const [b4] = blog.entries;
		expect(b4).toMatchObject({id: 'b4', summary: false, keyEvent: false, authors: ['Tom Verity']});
		expect(b4?.body[0]).toEqual({
			kind: 'quote',
			inlines: [
				{kind: 'text', text: 'Gusts of 80mph recorded at the point this hour'},
				{kind: 'break'},
				{kind: 'link', text: 'March 3, 2026', href: 'https://twitter.com/saltmerewx/status/42'},
			],
			cite: 'Saltmere Weather (@saltmerewx)',
		});
	});

	test('an edited block comes back with its new text and date', () => {
		const blog = parseGuardianResponse(source(ours, 'edit.json'));
		const b2 = blog.entries.find((entry) => entry.id === 'b2');
		expect(b2?.body).toEqual([{kind: 'paragraph', inlines: [{kind: 'text', text: 'All sailings from Saltmere are off, including the freight run.'}]}]);
		expect(b2?.updated).toBe(t('2026-03-03T12:50:00Z'));
		expect(b2?.published).toBe(t('2026-03-03T11:15:00Z'));
	});

	test('a deleted block is simply absent inside the stated window', () => {
		const blog = parseGuardianResponse(source(ours, 'deletion.json'));
		expect(blog.entries.map((entry) => entry.id)).toEqual(['b3', 'b1']);
		expect(blog.coverage).toEqual({kind: 'window-since', since: t('2026-03-03T10:00:00Z')});
	});

	test('liveBloggingNow false (boolean or string) is ENDED; all body blocks are a plain window', () => {
		const ended = parseGuardianResponse(source(ours, 'ended.json'));
		expect(ended.live).toBe('ended');
		expect(ended.coverage).toEqual({kind: 'window'});
		expect(ended.title).toBe('Storm Mirela approaches – as it happened');
		expect(ended.description).toBeNull();
		expect(ended.entries[0]).toMatchObject({id: 'c1', summary: true});
		const quiet = parseGuardianResponse(source(ours, 'ended-string.json'));
		expect(quiet.live).toBe('ended');
		expect(quiet.entries).toEqual([]);
	});

	test('an error response is a parse failure carrying the API message', () => {
		let caught: unknown;
		try {
			parseGuardianResponse(source(ours, 'error.json'));
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(LiveblogError);
		expect((caught as LiveblogError).failure).toEqual({
			kind: 'parse',
			message: 'Guardian API error: The requested resource could not be found.',
			url: API,
		});
	});

	test('non-Guardian and broken JSON fail as parse errors, never as crashes', () => {
		const base = {url: API, contentType: 'application/json', headers: {}};
		expect(() => parseGuardianResponse({...base, text: '{"message":"Invalid authentication credentials"}'})).toThrow(/Guardian API: Invalid authentication credentials/);
		expect(() => parseGuardianResponse({...base, text: '{"response":{"status":"ok","results":[]}}'})).toThrow(/without "content"/);
		expect(() => parseGuardianResponse({...base, text: '{"response":'})).toThrow(LiveblogError);
	});

	test('hostile text in blocks is sanitised and __proto__ keys stay data', () => {
		const text = JSON.stringify({
			response: {
				status: 'ok',
				content: {
					webTitle: 'T\u001b]52;c;aGk=\u0007',
					webUrl: 'javascript:alert(1)',
					fields: {liveBloggingNow: 'yes'},
					blocks: {body: [{id: 'x', title: 'Hi\u202E there', bodyHtml: '<p>a\u001b[2Jb</p>', attributes: {}, createdBy: {firstName: 'A\u009b', lastName: 'B'}}]},
				},
				['__proto__']: {polluted: true},
			},
		});
		const blog = parseGuardianResponse({url: API, contentType: 'application/json', headers: {}, text});
		expect(blog.title).toBe('T␛]52;c;aGk=␇');
		expect(blog.homeUrl).toBeNull();
		expect(blog.live).toBe('unknown');
		expect(blog.entries[0]).toMatchObject({title: 'Hi there', url: null, authors: ['A\uFFFD B']});
		expect(blog.entries[0]?.body).toEqual([{kind: 'paragraph', inlines: [{kind: 'text', text: 'a␛[2Jb'}]}]);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
	});
});

describe('parseGuardianResponse on the real fixtures', () => {
	for (const file of ['guardian-api-liveblog-blocks-bool-attrs.json', 'guardian-api-liveblog-blocks-string-attrs.json']) {
		test(file, () => {
			const blog = parseGuardianResponse(source(real, file, 'https://content.guardianapis.com/news/blog/live/2015/apr/09/example-liveblog'));
			expect(blog.title).toBe('example-liveblog');
			expect(blog.homeUrl).toBe('http://www.theguardian.com/news/blog/live/2015/apr/09/example-liveblog');
			expect(blog.live).toBe('unknown');
			expect(blog.coverage).toEqual({kind: 'window'});
			expect(blog.skipped).toBe(0);
			expect(blog.entries).toHaveLength(6);
			const keyEvents = blog.entries.filter((entry) => entry.keyEvent);
			expect(keyEvents.map((entry) => entry.id)).toEqual(['55267da9e4b091b2a1c75fe0']);
			expect(keyEvents[0]).toMatchObject({title: 'key event title', pinned: true, summary: false, published: t('2015-04-09T14:30:55Z') + (file.includes('string') ? 124 - 3_600_000 : 0)});
			expect(keyEvents[0]?.body).toEqual([{kind: 'paragraph', inlines: [{kind: 'text', text: 'key event text'}]}]);
			expect(blog.entries.filter((entry) => entry.summary).map((entry) => entry.id)).toEqual(['55267dc0e4b091b2a1c75fe1']);
			const image = blog.entries.find((entry) => entry.id === '5527be22e4b0505fae058181');
			// alt "sdafasdf" differs from the caption, so both show; the credit stays
			expect(image?.body).toHaveLength(2);
			expect(image?.body[1]).toMatchObject({kind: 'caption'});
			expect(JSON.stringify(image?.body[1])).toContain('Photograph: Pavel Golovkin/AP');
			expect(blog.entries[3]?.body).toEqual([
				{kind: 'paragraph', inlines: [{kind: 'text', text: 'normal block'}]},
				{kind: 'paragraph', inlines: [{kind: 'text', text: 'here’s some stuff'}]},
			]);
		});
	}
});

describe('guardianFlag and search', () => {
	test('booleans that arrive as true or "true"', () => {
		expect([true, 'true', ' True ', false, 'false', 'yes', 1, null, undefined].map(guardianFlag)).toEqual([true, true, true, false, false, false, false, false, false]);
	});

	test('the newest live blog of a tag search', () => {
		expect(parseGuardianSearch(source(ours, 'search.json'))).toEqual({
			id: 'uk-news/live/2026/mar/04/storm-mirela-day-two',
			title: 'Storm Mirela day two live: clean-up begins in Saltmere',
			webUrl: 'https://www.theguardian.com/uk-news/live/2026/mar/04/storm-mirela-day-two',
		});
		expect(parseGuardianSearch(source(ours, 'search-empty.json'))).toBeNull();
	});
});
