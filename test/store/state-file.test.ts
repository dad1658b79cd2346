import {mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Body, ParsedEntry} from '../../src/model/blog.js';
import {mergePoll} from '../../src/model/merge.js';
import {stateFilePath} from '../../src/store/paths.js';
import {forgetBlogState, loadBlogState, loadBlogStateHead, saveBlogState, type StoredBlog} from '../../src/store/state-file.js';
import {ownText} from '../../src/text/sanitize.js';

const URL_ = 'https://example.org/live/storm';
const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);
let dir = '';

beforeEach(async () => {
	dir = join(await mkdtemp(join(tmpdir(), 'liveblog-state-')), 'liveblog');
});
afterEach(async () => {
	await rm(join(dir, '..'), {recursive: true, force: true});
});

const richBody: Body = [
	{kind: 'heading', inlines: [{kind: 'text', text: ownText('Latest')}]},
	{kind: 'paragraph', inlines: [{kind: 'text', text: ownText('Read '), style: 'strong'}, {kind: 'link', text: ownText('the warning'), href: 'https://example.org/warn'}, {kind: 'break'}, {kind: 'text', text: ownText(' and stay in.')}]},
	{kind: 'list-item', depth: 1, marker: ownText('•'), inlines: [{kind: 'text', text: ownText('roads closed')}]},
	{kind: 'quote', inlines: [{kind: 'text', text: ownText('Stay safe')}], cite: ownText('the mayor')},
	{kind: 'quote', inlines: [{kind: 'text', text: ownText('No cite')}]},
	{kind: 'caption', inlines: [{kind: 'text', text: ownText('The harbour at noon')}]},
	{kind: 'preformatted', text: ownText('wind    120\nrain 80')},
	{kind: 'rule'},
];

function parsed(id: string, published: number | null, body: Body = richBody): ParsedEntry {
	return {
		id,
		title: ownText(`Post ${id}`),
		url: `https://example.org/live/storm#${id}`,
		published,
		updated: null,
		authors: [ownText('Desk'), ownText('Field team')],
		body,
		keyEvent: id === 'b',
		pinned: id === 'p',
		summary: false,
	};
}

function sampleState(overrides: Partial<StoredBlog> = {}): StoredBlog {
	const {blog} = mergePoll(
		null,
		{
			format: 'atom',
			title: ownText('Storm live'),
			description: ownText('Line one\nline two'),
			homeUrl: 'https://example.org/live/storm',
			live: 'live',
			entries: [parsed('a', T0), parsed('b', T0 + 60_000), parsed('u', null), parsed('p', T0 - 60_000)],
			coverage: {kind: 'window'},
			hints: {ttlSeconds: 60, coverageEndsAt: T0 + 3_600_000},
			skipped: 1,
		},
		URL_,
		T0 + 120_000,
	);
	return {
		version: 1,
		url: URL_,
		savedAt: T0 + 130_000,
		lastOpened: T0,
		blog,
		validators: {main: {etag: '"abc"', lastModified: 'Sun, 01 Mar 2026 12:00:00 GMT', bodyHash: 'f00d'}},
		seen: ['a', 'b'],
		...overrides,
	};
}

async function writeRaw(content: string): Promise<string> {
	await mkdir(dir, {recursive: true});
	const path = stateFilePath(dir, URL_);
	await writeFile(path, content);
	return path;
}

describe('saveBlogState / loadBlogState', () => {
	it('round-trips a blog with every kind of block, creating the directory privately', async () => {
		const state = sampleState();
		expect(await saveBlogState(dir, state)).toMatchObject({kind: 'written'});
		const loaded = await loadBlogState(dir, URL_);
		expect(loaded).toEqual({kind: 'loaded', state});
		expect((await stat(dir)).mode & 0o777).toBe(0o700);
		expect((await stat(stateFilePath(dir, URL_))).mode & 0o777).toBe(0o600);
	});

	it('says missing when nothing was saved, or when the directory path runs through a file', async () => {
		expect(await loadBlogState(dir, URL_)).toEqual({kind: 'missing'});
		const file = join(dir, '..', 'not-a-dir');
		await writeFile(file, '');
		expect(await loadBlogState(join(file, 'liveblog'), URL_)).toEqual({kind: 'missing'});
		const save = await saveBlogState(join(file, 'liveblog'), sampleState());
		expect(save).toMatchObject({kind: 'failed', reason: 'other'});
		expect(save.kind === 'failed' && save.message).toContain('ENOTDIR');
	});

	it('keeps `seen` to the entries that are kept', async () => {
		await saveBlogState(dir, sampleState({seen: ['a', 'gone-1', 'gone-2']}));
		const raw: unknown = JSON.parse(await readFile(stateFilePath(dir, URL_), 'utf8'));
		expect(raw).toMatchObject({seen: ['a']});
	});

	it('lets the last of many concurrent writers win whole', async () => {
		const titles = Array.from({length: 12}, (_, i) => `version ${i}`);
		const results = await Promise.all(titles.map((title) => {
			const base = sampleState();
			return saveBlogState(dir, {...base, blog: {...base.blog, title: ownText(title)}});
		}));
		expect(results.every((r) => r.kind === 'written')).toBe(true);
		const loaded = await loadBlogState(dir, URL_);
		expect(loaded.kind).toBe('loaded');
		expect(titles).toContain(loaded.kind === 'loaded' ? loaded.state.blog.title : '');
		expect(await readdir(dir)).toHaveLength(1);
	});
});

describe('a bad state file', () => {
	it('that is not JSON is moved aside with a timestamp and the next start is fresh', async () => {
		const path = await writeRaw('{"version":1,"url":"https://exa');
		const result = await loadBlogState(dir, URL_, {now: T0});
		expect(result).toEqual({
			kind: 'corrupt',
			movedTo: `${path}.corrupt-2026-03-01T12-00-00-000Z`,
			message: expect.stringContaining('not valid JSON'),
		});
		expect(await readFile(`${path}.corrupt-2026-03-01T12-00-00-000Z`, 'utf8')).toBe('{"version":1,"url":"https://exa');
		expect(await loadBlogState(dir, URL_)).toEqual({kind: 'missing'});
	});

	it.each<[string, (state: Record<string, unknown>) => void, string]>([
		['a published date that is text', (s) => entryAt(s, 0)['published'] = 'yesterday', 'blog.entries[0].published'],
		['an unknown block kind', (s) => (entryAt(s, 1)['body'] as unknown[]).push({kind: 'script'}), 'blog.entries[1].body[8].kind'],
		['another version', (s) => (s['version'] = 2), 'version'],
		['another blog’s address', (s) => (s['url'] = 'https://example.org/other'), 'url'],
		['an infinite time', (s) => (s['savedAt'] = null), 'savedAt'],
		['a missing entries list', (s) => delete (s['blog'] as Record<string, unknown>)['entries'], 'blog.entries'],
		['a negative revision', (s) => (entryAt(s, 0)['revision'] = -1), 'blog.entries[0].revision'],
	])('with %s is moved aside, naming the field', async (_name, damage, where) => {
		const state = JSON.parse(JSON.stringify(sampleState())) as Record<string, unknown>;
		damage(state);
		await writeRaw(JSON.stringify(state));
		const result = await loadBlogState(dir, URL_, {now: T0});
		expect(result.kind).toBe('corrupt');
		expect(result.kind === 'corrupt' && result.message).toContain(`${where}:`);
		expect(result.kind === 'corrupt' && result.movedTo).toMatch(/\.corrupt-2026-03-01T12-00-00-000Z$/);
	});

	it('over the size bound is moved aside without being parsed', async () => {
		await writeRaw(JSON.stringify(sampleState()));
		const result = await loadBlogState(dir, URL_, {maxBytes: 100});
		expect(result).toMatchObject({kind: 'corrupt', message: expect.stringContaining('over the limit')});
	});

	it('that is a directory is moved aside', async () => {
		await mkdir(stateFilePath(dir, URL_), {recursive: true});
		const result = await loadBlogState(dir, URL_, {now: T0});
		expect(result).toMatchObject({kind: 'corrupt', message: expect.stringContaining('directory')});
		expect(await loadBlogState(dir, URL_)).toEqual({kind: 'missing'});
	});
});

describe('a tampered state file', () => {
	it('cannot bring escapes, bidi controls, unsafe links or header injection back in', async () => {
		const state = JSON.parse(JSON.stringify(sampleState())) as Record<string, unknown>;
		const blog = state['blog'] as Record<string, unknown>;
		blog['title'] = '\u001b]52;c;cGF5bG9hZA==\u0007Storm \u202eevil';
		blog['homeUrl'] = 'javascript:alert(1)';
		const first = entryById(state, 'a');
		first['title'] = 'Title \u001b[2J';
		first['url'] = 'file:///etc/passwd';
		first['authors'] = ['\u009b31mRed'];
		first['body'] = [
			{kind: 'paragraph', inlines: [{kind: 'text', text: 'a\u001b[?1049hb'}, {kind: 'link', text: 'click', href: 'javascript:x()'}]},
			{kind: 'preformatted', text: '\u001bP tmux;\u001b\u001b]0;x\u0007\u001b\\'},
		];
		state['validators'] = JSON.parse('{"main":{"etag":"\\"ok\\"\\r\\nX-Injected: 1","lastModified":"Sun, 01 Mar 2026 12:00:00 GMT"},"__proto__":{"polluted":"yes"}}');
		await writeRaw(JSON.stringify(state));

		const result = await loadBlogState(dir, URL_);
		expect(result.kind).toBe('loaded');
		if (result.kind !== 'loaded') return;
		const loaded = result.state;
		expect(JSON.stringify(loaded)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
		expect(loaded.blog.title).toBe('\u241b]52;c;cGF5bG9hZA==\u2407Storm evil');
		expect(loaded.blog.homeUrl).toBeNull();
		const entry = loaded.blog.entries.find((e) => e.id === 'a')!;
		expect(entry.title).toBe('Title \u241b[2J');
		expect(entry.url).toBeNull();
		expect(entry.authors).toEqual(['\ufffd31mRed']);
		expect(entry.body[0]).toEqual({kind: 'paragraph', inlines: [{kind: 'text', text: 'a\u241b[?1049hb'}, {kind: 'text', text: 'click'}]});
		expect(loaded.validators).toEqual({main: {lastModified: 'Sun, 01 Mar 2026 12:00:00 GMT'}});
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		expect(Object.getPrototypeOf(loaded.validators)).toBe(Object.prototype);
	});

	it('is put back in order, without duplicate ids', async () => {
		const state = JSON.parse(JSON.stringify(sampleState())) as Record<string, unknown>;
		const blog = state['blog'] as {entries: unknown[]};
		blog.entries = [...blog.entries].reverse();
		blog.entries.push(blog.entries[0]);
		await writeRaw(JSON.stringify(state));
		const result = await loadBlogState(dir, URL_);
		expect(result.kind === 'loaded' && result.state.blog.entries.map((e) => e.id)).toEqual(['p', 'u', 'b', 'a']);
	});
});

describe('loadBlogStateHead: a start reads the first screen, then the rest', () => {
	const ids = (list: readonly {id: string}[]): string[] => list.map((e) => e.id);

	it('decodes only the first entries and key events, and says what the whole copy holds', async () => {
		const state = sampleState();
		// As an older version wrote it: no head section, so the entries are scanned.
		await writeRaw(JSON.stringify(state));
		const head = await loadBlogStateHead(dir, URL_, 2);
		if (head.kind !== 'head') throw new Error(`expected a head, got ${head.kind}`);
		// p and u are the first two; b is the second key event (p, pinned, is the first).
		expect(ids(head.state.blog.entries)).toEqual(['p', 'u', 'b']);
		expect(head.keyEvents).toBe(2);
		expect(head.unseen).toEqual(['p', 'u']);
		expect({...head.state, blog: {...head.state.blog, entries: []}}).toEqual({...state, blog: {...state.blog, entries: []}});
		const rest = await head.rest();
		expect(rest).toEqual({kind: 'loaded', state});
		// The entries already decoded are the ones the whole blog holds.
		expect(rest.kind === 'loaded' && rest.state.blog.entries[0]).toBe(head.state.blog.entries[0]);
	});

	it('reads only the head section a saved file starts with, and the whole file after the frame', async () => {
		const state = sampleState();
		await saveBlogState(dir, state);
		const path = stateFilePath(dir, URL_);
		const text = await readFile(path, 'utf8');
		expect(text.startsWith('{"version":1,"headBytes":')).toBe(true);
		expect(await loadBlogState(dir, URL_)).toEqual({kind: 'loaded', state});
		// Everything after the head is damaged: the first screen does not notice, the rest does.
		await writeFile(path, text.slice(0, text.indexOf(',"url":', text.indexOf('"skipped":'))) + ',"url":!!!');
		const head = await loadBlogStateHead(dir, URL_, 2, {now: T0});
		if (head.kind !== 'head') throw new Error(`expected a head, got ${head.kind}`);
		expect(ids(head.state.blog.entries)).toEqual(['p', 'u', 'b', 'a']);
		expect(head.unseen).toEqual(['p', 'u']);
		expect(head.keyEvents).toBe(2);
		expect(head.state.validators).toEqual(state.validators);
		expect(await head.rest()).toMatchObject({kind: 'corrupt', message: expect.stringContaining('not valid JSON')});
	});

	it('reads the whole file when the head keeps too few entries for the screen', async () => {
		await saveBlogState(dir, sampleState());
		const path = stateFilePath(dir, URL_);
		const text = await readFile(path, 'utf8');
		await writeFile(path, text.slice(0, text.indexOf(',"url":', text.indexOf('"skipped":'))) + ',"url":!!!');
		expect(await loadBlogStateHead(dir, URL_, 65, {now: T0})).toMatchObject({kind: 'corrupt'});
	});

	it('decodes everything at once when the file is not in the order this program writes', async () => {
		const state = JSON.parse(JSON.stringify(sampleState())) as Record<string, unknown>;
		const blog = state['blog'] as {entries: unknown[]};
		blog.entries = [...blog.entries].reverse();
		await writeRaw(JSON.stringify(state));
		const result = await loadBlogStateHead(dir, URL_, 1);
		expect(result.kind).toBe('loaded');
		expect(result.kind === 'loaded' && ids(result.state.blog.entries)).toEqual(['p', 'u', 'b', 'a']);
	});

	it('moves the file aside when the rest turns out damaged, as a damaged file at start', async () => {
		const state = JSON.parse(JSON.stringify(sampleState())) as Record<string, unknown>;
		const blog = state['blog'] as {entries: Record<string, unknown>[]};
		blog.entries[3]!['title'] = 5;
		const path = await writeRaw(JSON.stringify(state));
		const head = await loadBlogStateHead(dir, URL_, 1, {now: T0});
		if (head.kind !== 'head') throw new Error(`expected a head, got ${head.kind}`);
		expect(ids(head.state.blog.entries)).toEqual(['p']);
		const rest = await head.rest();
		expect(rest).toMatchObject({kind: 'corrupt', movedTo: `${path}.corrupt-2026-03-01T12-00-00-000Z`});
		expect(rest.kind === 'corrupt' && rest.message).toContain('blog.entries[3].title: not a string');
		expect(await loadBlogState(dir, URL_)).toEqual({kind: 'missing'});
	});

	it('says at once when the first screen itself is damaged', async () => {
		const state = JSON.parse(JSON.stringify(sampleState())) as Record<string, unknown>;
		(state['blog'] as {entries: Record<string, unknown>[]}).entries[0]!['title'] = 5;
		await writeRaw(JSON.stringify(state));
		const result = await loadBlogStateHead(dir, URL_, 1, {now: T0});
		expect(result.kind).toBe('corrupt');
		expect(result.kind === 'corrupt' && result.message).toContain('blog.entries[0].title: not a string');
	});
});

describe('housekeeping', () => {
	it('forgets a blog, and says so when there was nothing to forget', async () => {
		await saveBlogState(dir, sampleState());
		expect(await forgetBlogState(dir, URL_)).toEqual({kind: 'forgotten', path: stateFilePath(dir, URL_)});
		expect(await loadBlogState(dir, URL_)).toEqual({kind: 'missing'});
		expect(await forgetBlogState(dir, URL_)).toMatchObject({kind: 'missing'});
	});

	it('sweeps temporary files a killed writer left long ago, but not young ones', async () => {
		const path = await writeRaw(JSON.stringify(sampleState()));
		const old = `${path}.tmp-123-deadbeef`;
		const young = `${path}.tmp-456-cafef00d`;
		await writeFile(old, 'partial');
		await writeFile(young, 'partial');
		const hourAgo = new Date(Date.now() - 3_600_000);
		await utimes(old, hourAgo, hourAgo);
		expect((await loadBlogState(dir, URL_)).kind).toBe('loaded');
		const names = await readdir(dir);
		expect(names).toContain(young.slice(dir.length + 1));
		expect(names).not.toContain(old.slice(dir.length + 1));
	});
});

function entryById(state: Record<string, unknown>, id: string): Record<string, unknown> {
	const entries = (state['blog'] as {entries: Record<string, unknown>[]}).entries;
	return entries.find((entry) => entry['id'] === id)!;
}

function entryAt(state: Record<string, unknown>, index: number): Record<string, unknown> {
	const entries = (state['blog'] as {entries: Record<string, unknown>[]}).entries;
	return entries[index]!;
}
