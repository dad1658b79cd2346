/** What a tab's stored copy holds: never a first load's preview, only whole blogs. */
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {reduce} from '../../src/state/reducer.js';
import {initialState} from '../../src/state/state.js';
import {stateFilePath} from '../../src/store/paths.js';
import {loadBlogState} from '../../src/store/state-file.js';
import {createSaveTab} from '../../src/ui/save-tab.js';
import {entries, parsed, T0} from '../helpers/blog-factory.js';

const URL = 'https://example.org/feed';
const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

describe('saving a tab', () => {
	test('skips a preview, and stores the whole blog once it has come', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'liveblog-save-'));
		dirs.push(dir);
		const save = createSaveTab({stateDir: dir, inputs: [URL], startedAt: T0, validators: () => ({})});
		const all = entries(80);
		const previewed = reduce(initialState([{url: URL, stored: null}], {columns: 100, rows: 30}), {type: 'poll-preview', tab: 0, at: T0, blog: parsed(all.slice(0, 50))});
		expect(await save(previewed.tabs[0]!, 0, T0)).toBeNull();
		expect(existsSync(stateFilePath(dir, URL))).toBe(false);

		const next = {at: T0 + 30_000, delayMs: 30_000, reason: 'fixed'} as const;
		const whole = reduce(previewed, {type: 'poll-succeeded', tab: 0, at: T0, blog: parsed(all), sourceUrl: URL, via: null, validators: {}, next});
		expect(await save(whole.tabs[0]!, 0, T0)).toBeNull();
		const loaded = await loadBlogState(dir, URL);
		expect(loaded.kind).toBe('loaded');
		if (loaded.kind === 'loaded') expect(loaded.state.blog.entries).toHaveLength(80);
	});
});
