/**
 * Hostile catalogue, group 5: persistence faults. The state file is outside
 * our control (another program, a person, a bad disk), and writes fail.
 * Each row states what loading gives back (the state, or "corrupt" with the
 * file moved aside) or what saving returns (a warning, never a throw), and
 * that the last good file is never damaged.
 *
 * kill -9 at every step of a write, many times, is covered by the store's
 * own crash-injection test (test/store/crash.test.ts); it is not repeated here.
 */
import type {FileHandle} from 'node:fs/promises';
import {mkdtemp, open, readFile, readdir, rename, rm, stat, truncate, unlink, writeFile, mkdir} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Blog} from '../../src/model/blog.js';
import {reduce} from '../../src/state/reducer.js';
import {statusModel} from '../../src/state/selectors.js';
import {initialState} from '../../src/state/state.js';
import type {AtomicFs} from '../../src/store/atomic-write.js';
import {stateFilePath} from '../../src/store/paths.js';
import {STATE_VERSION, loadBlogState, saveBlogState, type StoredBlog} from '../../src/store/state-file.js';
import {ownText} from '../../src/text/sanitize.js';
import {BEL, CONTROL, ESC, LINE_CONTROL, firstControl, merged, parseFormat, renderAll} from '../helpers/hostile-payloads.js';

const URL_ = 'https://news.example/live/storm';
const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);
let dir = '';

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'liveblog-hostile-store-'));
});
afterEach(async () => {
	await rm(dir, {recursive: true, force: true});
});

function blog(title = 'Storm live'): Blog {
	return {...merged(parseFormat('rss', {title, items: [{id: 'a', title: 'First'}, {id: 'b', title: 'Second'}]})), url: URL_};
}

function stored(b: Blog = blog(), savedAt = NOW): StoredBlog {
	return {version: STATE_VERSION, url: URL_, savedAt, lastOpened: savedAt, blog: b, validators: {main: {etag: '"v1"'}}, seen: ['a']};
}

async function saveGood(): Promise<string> {
	const result = await saveBlogState(dir, stored());
	expect(result.kind).toBe('written');
	return stateFilePath(dir, URL_);
}

async function expectMovedAside(why: RegExp): Promise<void> {
	const path = stateFilePath(dir, URL_);
	const result = await loadBlogState(dir, URL_, {now: NOW});
	expect(result.kind).toBe('corrupt');
	if (result.kind !== 'corrupt') return;
	expect(result.message).toMatch(why);
	expect(firstControl(result.message, LINE_CONTROL)).toBeNull();
	expect(result.movedTo).toBe(`${path}.corrupt-2026-03-01T12-00-00-000Z`);
	await expect(stat(result.movedTo!)).resolves.toBeTruthy();
	await expect(stat(path)).rejects.toMatchObject({code: 'ENOENT'});
	// Starting fresh afterwards: the next load finds nothing, the next save works.
	expect((await loadBlogState(dir, URL_, {now: NOW})).kind).toBe('missing');
	expect((await saveBlogState(dir, stored())).kind).toBe('written');
}

/** Real file operations, except that `fault` decides what fails. */
function faultyFs(fault: {open?: string; write?: string; sync?: string; rename?: string}): AtomicFs {
	const error = (code: string): Error => Object.assign(new Error(`${code}: injected`), {code});
	return {
		open: async (path, flags, mode) => {
			if (fault.open && flags !== 'r') throw error(fault.open);
			const handle = await open(path, flags, mode);
			return new Proxy(handle, {
				get(target: FileHandle, property, receiver) {
					if (property === 'write' && fault.write) return async () => Promise.reject(error(fault.write!));
					if (property === 'sync' && fault.sync && flags !== 'r') return async () => Promise.reject(error(fault.sync!));
					const value: unknown = Reflect.get(target, property, receiver);
					return typeof value === 'function' ? value.bind(target) : value;
				},
			});
		},
		rename: async (from, to) => {
			if (fault.rename) throw error(fault.rename);
			await rename(from, to);
		},
		unlink: (path) => unlink(path),
	};
}

describe('persistence faults: reading a damaged or tampered file', () => {
	it('not JSON at all: moved aside as *.corrupt-<time>, "not valid JSON", fresh start', async () => {
		await mkdir(dir, {recursive: true});
		await writeFile(stateFilePath(dir, URL_), '\u0000\u0001garbage{{{');
		await expectMovedAside(/not valid JSON/);
	});

	it('a torn file (first half of a good one): moved aside, fresh start', async () => {
		const path = await saveGood();
		const text = await readFile(path, 'utf8');
		await writeFile(path, text.slice(0, Math.floor(text.length / 2)));
		await expectMovedAside(/damaged/);
	});

	it('valid JSON of the wrong shape (entries is a string): moved aside', async () => {
		const path = await saveGood();
		const value = JSON.parse(await readFile(path, 'utf8')) as {blog: {entries: unknown}};
		value.blog.entries = 'oops';
		await writeFile(path, JSON.stringify(value));
		await expectMovedAside(/damaged/);
	});

	it('a 40 MB (sparse) file: moved aside for its size without being read', async () => {
		const path = await saveGood();
		await truncate(path, 40 * 1024 * 1024);
		await expectMovedAside(/MB, over the limit/);
	});

	it('the state file is a directory: moved aside, fresh start', async () => {
		await mkdir(stateFilePath(dir, URL_), {recursive: true});
		await expectMovedAside(/directory/);
	});

	it('tampered text with escape sequences: loaded, every shown field sanitised (␛ visible, no control byte)', async () => {
		const path = await saveGood();
		const value = JSON.parse(await readFile(path, 'utf8')) as {blog: {title: string; entries: {title: string; authors: string[]; body: {kind: string; inlines: {kind: string; text: string}[]}[]}[]}};
		const evil = `${ESC}]52;c;aGk=${BEL}${ESC}[2J\u009B2J\u202E`;
		value.blog.title = `Tampered ${evil}`;
		value.blog.entries[0]!.title = `Title ${evil}`;
		value.blog.entries[0]!.authors = [`Author ${evil}`];
		value.blog.entries[0]!.body = [{kind: 'paragraph', inlines: [{kind: 'text', text: `Body ${evil}\n\n\n\n\nend`}]}];
		await writeFile(path, JSON.stringify(value));
		const result = await loadBlogState(dir, URL_, {now: NOW});
		expect(result.kind).toBe('loaded');
		if (result.kind !== 'loaded') return;
		const b = result.state.blog;
		expect(b.title).toBe('Tampered ␛]52;c;aGk=␇␛[2J\uFFFD2J');
		expect(b.entries[0]!.title).toBe('Title ␛]52;c;aGk=␇␛[2J\uFFFD2J');
		expect(b.entries[0]!.authors).toEqual(['Author ␛]52;c;aGk=␇␛[2J\uFFFD2J']);
		const out = renderAll(b);
		expect(firstControl(out.plain, CONTROL)).toBeNull();
		expect(firstControl(out.json, CONTROL)).toBeNull();
		expect(firstControl(out.layout.join('\n'), CONTROL)).toBeNull();
	});

	it('tampered links: a javascript: href and a file: entry URL do not survive loading', async () => {
		const path = await saveGood();
		const value = JSON.parse(await readFile(path, 'utf8')) as {blog: {homeUrl: string; entries: {url: string; body: unknown[]}[]}};
		value.blog.homeUrl = 'javascript:alert(1)';
		value.blog.entries[0]!.url = 'file:///etc/passwd';
		value.blog.entries[0]!.body = [{kind: 'paragraph', inlines: [{kind: 'link', text: 'click', href: `javascript:alert(1)`}, {kind: 'link', text: 'esc', href: `https://ok.example/${ESC}]52;c;x${BEL}`}]}];
		await writeFile(path, JSON.stringify(value));
		const result = await loadBlogState(dir, URL_, {now: NOW});
		if (result.kind === 'corrupt') {
			// Refusing the whole file is also acceptable: nothing unsafe is shown.
			expect(result.movedTo).not.toBeNull();
			return;
		}
		expect(result.kind).toBe('loaded');
		if (result.kind !== 'loaded') return;
		const b = result.state.blog;
		const hrefs = [b.homeUrl, b.entries[0]!.url, ...b.entries[0]!.body.flatMap((block) => ('inlines' in block ? block.inlines.flatMap((i) => (i.kind === 'link' ? [i.href] : [])) : []))];
		for (const href of hrefs) if (href !== null) expect(href).toMatch(/^https?:\/\/[\x21-\x7e]+$/);
	});

	it('tampered __proto__ / constructor keys: loaded or refused, Object.prototype untouched', async () => {
		const path = await saveGood();
		const text = (await readFile(path, 'utf8')).replace(/^\{/, '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted2":"yes"}},');
		await writeFile(path, text);
		const result = await loadBlogState(dir, URL_, {now: NOW});
		expect(['loaded', 'corrupt']).toContain(result.kind);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		expect(({} as Record<string, unknown>)['polluted2']).toBeUndefined();
	});
});

describe('persistence faults: writing', () => {
	type WriteRow = {name: string; fs: AtomicFs; reason: string; says: RegExp};
	const rows: readonly WriteRow[] = [
		{name: 'disk full while writing (ENOSPC)', fs: faultyFs({write: 'ENOSPC'}), reason: 'disk-full', says: /./},
		{name: 'disk full at fsync (ENOSPC)', fs: faultyFs({sync: 'ENOSPC'}), reason: 'disk-full', says: /./},
		{name: 'read-only filesystem (EROFS)', fs: faultyFs({open: 'EROFS'}), reason: 'read-only', says: /./},
		{name: 'permission denied (EACCES)', fs: faultyFs({open: 'EACCES'}), reason: 'read-only', says: /./},
		{name: 'rename fails (EXDEV)', fs: faultyFs({rename: 'EXDEV'}), reason: 'other', says: /./},
	];

	it.each(rows.map((row) => [row.name, row] as const))('%s: a warning value (never a throw), the old file intact, no temp left', async (_name, row) => {
		const path = await saveGood();
		const before = await readFile(path, 'utf8');
		const result = await saveBlogState(dir, stored(blog('A newer title'), NOW + 1), {fs: row.fs});
		expect(result.kind).toBe('failed');
		if (result.kind !== 'failed') return;
		expect(result.reason).toBe(row.reason);
		expect(result.message).toMatch(row.says);
		expect(firstControl(result.message, LINE_CONTROL)).toBeNull();
		expect(await readFile(path, 'utf8')).toBe(before);
		expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
		const loaded = await loadBlogState(dir, URL_, {now: NOW});
		expect(loaded.kind === 'loaded' && loaded.state.blog.title).toBe('Storm live');
	});

	it('the state directory runs through a file (ENOTDIR): load says "missing", save fails with a message', async () => {
		const file = join(dir, 'not-a-dir');
		await writeFile(file, 'x');
		const inside = join(file, 'liveblog');
		expect((await loadBlogState(inside, URL_, {now: NOW})).kind).toBe('missing');
		const result = await saveBlogState(inside, stored());
		expect(result.kind).toBe('failed');
		if (result.kind === 'failed') expect(result.message).toContain('could not create the state directory');
	});

	it('the TUI shows a failed write as a warning in the status line and keeps the posts on screen', () => {
		const b = blog();
		let state = initialState([{url: URL_, stored: {savedAt: NOW, blog: b, seen: ['a', 'b']}}], {columns: 100, rows: 30});
		state = reduce(state, {type: 'store-write-failed', message: ownText('could not save the state: the disk is full'), at: NOW + 1});
		expect(statusModel(state)).toEqual({kind: 'warning', text: 'could not save the state: the disk is full'});
		expect(state.tabs[0]!.blog!.entries.map((e) => e.title)).toEqual(['First', 'Second']);
	});

	it('ten concurrent writers of the same blog: the file is always one whole version (last writer wins whole)', async () => {
		await saveGood();
		const results = await Promise.all(Array.from({length: 10}, (_, i) => saveBlogState(dir, stored(blog(`Version ${i}`), NOW + i))));
		expect(results.every((r) => r.kind === 'written')).toBe(true);
		const loaded = await loadBlogState(dir, URL_, {now: NOW});
		expect(loaded.kind).toBe('loaded');
		if (loaded.kind === 'loaded') {
			expect(loaded.state.blog.title).toMatch(/^Version \d$/);
			expect(loaded.state.savedAt).toBe(NOW + Number(loaded.state.blog.title.slice(-1)));
		}
		expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
	});
});
