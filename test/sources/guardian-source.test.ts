import {readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import type {Blog} from '../../src/model/blog.js';
import {LiveblogError} from '../../src/errors.js';
import {
	createGuardianSource,
	guardianApi,
	guardianRequest,
	guardianSearchRequest,
	newestSourceTime,
	olderBlocksRequest,
	parseGuardianInput,
	REREAD_EVERY_MS,
	SERIES_RECHECK_MS,
} from '../../src/sources/guardian-source.js';
import type {FetchedDocument} from '../../src/sources/source.js';
import {blog, entry, T0} from '../helpers/blog-factory.js';

const here = dirname(fileURLToPath(import.meta.url));
const ID = 'uk-news/live/2026/mar/03/storm-mirela-live';
const FIRST_QUERY =
	'show-fields=headline,standfirst,byline,liveBloggingNow,lastModified,shortUrl&show-tags=contributor&show-blocks=main,body:latest:50,body:key-events,body:pinned,body:summary';

function fixture(name: string, url = 'https://content.guardianapis.com/x'): FetchedDocument {
	return {url, status: 200, headers: {'content-type': 'application/json'}, bytes: readFileSync(resolve(here, '../fixtures/sources/guardian', name))};
}

describe('parseGuardianInput', () => {
	test('page URLs, content ids and series tags', () => {
		expect(parseGuardianInput(`https://www.theguardian.com/${ID}?page=with:block-1#block-1`)).toEqual({kind: 'content', id: ID});
		expect(parseGuardianInput(`guardian:${ID}`)).toEqual({kind: 'content', id: ID});
		expect(parseGuardianInput('guardian:tag/world/russia-ukraine-war')).toEqual({kind: 'series', tag: 'world/russia-ukraine-war'});
	});

	test('anything else is an invalid address', () => {
		for (const bad of ['https://example.org/live/x', 'guardian:', 'guardian:../etc/passwd', 'guardian:a b', 'guardian:tag/nosection', 'ftp://www.theguardian.com/a/live/b']) {
			expect(() => parseGuardianInput(bad), bad).toThrow(LiveblogError);
		}
	});
});

describe('request URLs', () => {
	const api = guardianApi({});

	test('defaults: the public API and the test key', () => {
		expect(api).toEqual({base: 'https://content.guardianapis.com', key: 'test'});
		expect(guardianApi({guardianKey: ' k1 ', guardianApi: 'http://127.0.0.1:8080/capi/'})).toEqual({base: 'http://127.0.0.1:8080/capi', key: 'k1'});
		expect(() => guardianApi({guardianApi: 'file:///etc'})).toThrow(LiveblogError);
	});

	test('first load asks for fields, contributors and the block lists', () => {
		expect(guardianRequest(api, ID, {kind: 'full'})).toEqual({
			url: `https://content.guardianapis.com/${ID}?${FIRST_QUERY}&api-key=test`,
			conditional: true,
			key: `guardian-full:${ID}`,
		});
	});

	test('incremental polls ask only for what was published since', () => {
		expect(guardianRequest(api, ID, {kind: 'since', sinceMs: 1772541000000.7})).toEqual({
			url: `https://content.guardianapis.com/${ID}?show-fields=headline,standfirst,liveBloggingNow&show-tags=contributor&show-blocks=body:published-since:1772541000000&api-key=test`,
			conditional: true,
			key: `guardian-since:${ID}`,
		});
	});

	test('the key is encoded, and the override base is used', () => {
		const request = guardianRequest(guardianApi({guardianKey: 'a&b=c', guardianApi: 'http://127.0.0.1:9/'}), 'a/live/b', {kind: 'full'});
		expect(request.url.startsWith('http://127.0.0.1:9/a/live/b?')).toBe(true);
		expect(request.url.endsWith('&api-key=a%26b%3Dc')).toBe(true);
	});

	test('older blocks: the blocks around the oldest one held', () => {
		expect(olderBlocksRequest(ID, 'b1')).toEqual({
			url: `https://content.guardianapis.com/${ID}?show-fields=headline,standfirst,liveBloggingNow&show-tags=contributor&show-blocks=body:around:b1:50&api-key=test`,
			conditional: false,
			key: `guardian-older:${ID}`,
		});
	});

	test('series search: newest live blog under the tag', () => {
		expect(guardianSearchRequest(api, 'world/russia-ukraine-war').url).toBe(
			'https://content.guardianapis.com/search?tag=world%2Frussia-ukraine-war&type=liveblog&order-by=newest&page-size=1&show-fields=headline,liveBloggingNow&api-key=test',
		);
	});

	test('newestSourceTime ignores entries dated by first sight', () => {
		const held: Blog = blog([
			entry({id: 'a', published: T0, updated: T0 + 5000}),
			entry({id: 'b', published: T0 + 1000}),
			{...entry({id: 'c', published: T0 + 99_000}), dated: 'first-seen'},
		]);
		expect(newestSourceTime(held)).toBe(T0 + 5000);
		expect(newestSourceTime(null)).toBeNull();
	});
});

describe('createGuardianSource', () => {
	test('first load, then incremental polls, and a periodic full re-read', () => {
		const source = createGuardianSource(`guardian:${ID}`, {});
		expect(source.label()).toBe('Guardian API');
		let now = T0;
		const first = source.nextRequest({blog: null, now});
		expect(first.key).toBe(`guardian-full:${ID}`);
		const firstResult = source.accept(fixture('initial.json'), {blog: null, now});
		expect(firstResult.kind).toBe('blog');
		if (firstResult.kind !== 'blog') return;
		expect(firstResult.blog.entries.some((e) => e.keyEvent)).toBe(true);

		const held = blog([entry({id: 'b3', published: T0 - 60_000})]);
		const keys: string[] = [];
		for (let poll = 0; poll < 6; poll++) {
			now += 30_000;
			const request = source.nextRequest({blog: held, now});
			keys.push(request.key.split(':')[0] ?? '');
			if (poll === 0) expect(request.url).toContain(`show-blocks=body:published-since:${T0 - 60_000}&`);
			const result = source.accept(fixture(request.key.startsWith('guardian-full') ? 'edit.json' : 'incremental.json'), {blog: held, now});
			expect(result.kind).toBe('blog');
			if (result.kind === 'blog' && request.key.startsWith('guardian-since')) expect(result.blog.coverage).toEqual({kind: 'additions'});
		}
		// every fifth poll re-reads the latest blocks
		expect(keys).toEqual(['guardian-since', 'guardian-since', 'guardian-since', 'guardian-since', 'guardian-full', 'guardian-since']);
	});

	test('polls answered "not modified" still count toward the re-read, and a re-read resets the count', () => {
		// A quiet blog answers 304 or identical bytes, so accept() is never called
		// after the first load; deletions must still be caught within five polls.
		const source = createGuardianSource(`guardian:${ID}`, {});
		source.nextRequest({blog: null, now: T0});
		source.accept(fixture('initial.json'), {blog: null, now: T0});
		const held = blog([entry({id: 'b3', published: T0})]);
		const keys: string[] = [];
		for (let poll = 1; poll <= 10; poll++) keys.push(source.nextRequest({blog: held, now: T0 + poll * 1000}).key.split(':')[0] ?? '');
		expect(keys).toEqual([
			'guardian-since',
			'guardian-since',
			'guardian-since',
			'guardian-since',
			'guardian-full',
			'guardian-since',
			'guardian-since',
			'guardian-since',
			'guardian-since',
			'guardian-full',
		]);
	});

	test('a re-read also happens after five minutes, however few polls', () => {
		const source = createGuardianSource(`guardian:${ID}`, {});
		source.nextRequest({blog: null, now: T0});
		source.accept(fixture('initial.json'), {blog: null, now: T0});
		const held = blog([entry({id: 'b3', published: T0})]);
		expect(source.nextRequest({blog: held, now: T0 + 60_000}).key).toBe(`guardian-since:${ID}`);
		expect(source.nextRequest({blog: held, now: T0 + REREAD_EVERY_MS}).key).toBe(`guardian-full:${ID}`);
	});

	test('an error answer throws a parse failure with the API message', () => {
		const source = createGuardianSource(`guardian:${ID}`, {});
		source.nextRequest({blog: null, now: T0});
		expect(() => source.accept(fixture('error.json'), {blog: null, now: T0})).toThrow(/could not be found/);
	});

	test('a series follows the newest blog and later offers a newer one', () => {
		const source = createGuardianSource('guardian:tag/uk-news/storm-mirela', {guardianKey: 'k'});
		expect(source.label()).toBe('Guardian API (series)');
		const search = source.nextRequest({blog: null, now: T0});
		expect(search.key).toBe('guardian-search:uk-news/storm-mirela');
		const followed = source.accept(fixture('search.json'), {blog: null, now: T0});
		const dayTwo = 'uk-news/live/2026/mar/04/storm-mirela-day-two';
		expect(followed).toEqual({
			kind: 'follow',
			url: `https://content.guardianapis.com/${dayTwo}?${FIRST_QUERY}&api-key=k`,
			reason: 'newest live blog in the series: Storm Mirela day two live: clean-up begins in Saltmere',
		});
		// the poller asks again after a follow and must get the same URL
		const full = source.nextRequest({blog: null, now: T0});
		expect(full.url).toBe(followed.kind === 'follow' ? followed.url : '');
		const loaded = source.accept(fixture('edit.json'), {blog: null, now: T0});
		expect(loaded.kind === 'blog' && loaded.blog.newerBlog).toBe(undefined);

		const held = blog([entry({id: 'b3', published: T0})]);
		expect(source.nextRequest({blog: held, now: T0 + 60_000}).key).toContain('guardian-since');
		source.accept(fixture('incremental.json'), {blog: held, now: T0 + 60_000});
		// ten minutes on, the tag is searched again
		const recheck = source.nextRequest({blog: held, now: T0 + SERIES_RECHECK_MS});
		expect(recheck.key).toBe('guardian-search:uk-news/storm-mirela');
		const result = source.accept(fixture('search.json'), {blog: held, now: T0 + SERIES_RECHECK_MS});
		expect(result.kind).toBe('blog');
		if (result.kind !== 'blog') return;
		// we follow day two already, so nothing newer is offered
		expect(result.blog.newerBlog).toBeUndefined();
		expect(result.blog.entries).toEqual([]);
		expect(result.blog.coverage).toEqual({kind: 'additions'});
		expect(source.followNewer()).toBe(false);
	});

	test('a newer blog in the series is offered, and followNewer switches to it', () => {
		const source = createGuardianSource(`https://www.theguardian.com/${ID}`, {});
		expect(source.followNewer()).toBe(false);
		const series = createGuardianSource('guardian:tag/uk-news/storm-mirela', {});
		series.nextRequest({blog: null, now: T0});
		series.accept(fixture('search.json'), {blog: null, now: T0});
		series.nextRequest({blog: null, now: T0});
		series.accept(fixture('edit.json'), {blog: null, now: T0});
		const held = blog([entry({id: 'b3', published: T0})]);
		series.nextRequest({blog: held, now: T0 + SERIES_RECHECK_MS});
		const newerSearch = JSON.stringify({response: {status: 'ok', results: [{id: 'uk-news/live/2026/mar/05/storm-mirela-day-three', webTitle: 'Day three'}]}});
		const result = series.accept({url: 'https://content.guardianapis.com/search', status: 200, headers: {}, bytes: new TextEncoder().encode(newerSearch)}, {blog: held, now: T0 + SERIES_RECHECK_MS});
		expect(result.kind === 'blog' && result.blog.newerBlog).toEqual({id: 'uk-news/live/2026/mar/05/storm-mirela-day-three', title: 'Day three'});
		// the offer stays on later answers until taken
		const next = series.nextRequest({blog: held, now: T0 + SERIES_RECHECK_MS + 1000});
		const later = series.accept(fixture('edit.json'), {blog: held, now: T0 + SERIES_RECHECK_MS + 1000});
		// over five minutes since the last full read
		expect(next.key).toContain('guardian-full');
		expect(later.kind === 'blog' && later.blog.newerBlog?.id).toBe('uk-news/live/2026/mar/05/storm-mirela-day-three');
		expect(series.followNewer()).toBe(true);
		expect(series.nextRequest({blog: held, now: T0 + SERIES_RECHECK_MS + 2000}).url).toContain('/uk-news/live/2026/mar/05/storm-mirela-day-three?show-fields=headline,standfirst,byline');
	});

	test('a tag with no live blog is not a blog', () => {
		const source = createGuardianSource('guardian:tag/uk-news/nothing', {});
		source.nextRequest({blog: null, now: T0});
		expect(source.accept(fixture('search-empty.json'), {blog: null, now: T0})).toEqual({kind: 'not-a-blog', found: 'a Guardian search with no live blog tagged uk-news/nothing'});
	});
});
