import {beforeEach, describe, expect, test} from 'vitest';
import type {Action} from '../../src/state/actions.js';
import {olderWanted} from '../../src/state/older.js';
import {reduce} from '../../src/state/reducer.js';
import {resetLayoutCache} from '../../src/state/rows.js';
import {headerModel, paneModel, statusModel} from '../../src/state/selectors.js';
import {initialState, type State} from '../../src/state/state.js';
import {ownText} from '../../src/text/sanitize.js';
import {entries, parsed, T0} from '../helpers/blog-factory.js';

const NEXT = {at: T0 + 30_000, delayMs: 30_000, reason: 'fixed'} as const;
const run = (state: State, ...actions: Action[]): State => actions.reduce(reduce, state);
const make = (i: number) => ({title: `Post ${i}`, body: `Text ${i}.`});
const poll = (list: ReturnType<typeof entries>, extra: Parameters<typeof parsed>[1] = {}, at = T0, tab = 0): Action => ({
	type: 'poll-succeeded',
	tab,
	at,
	blog: parsed(list, {format: 'guardian', ...extra}),
	sourceUrl: 'https://content.example/x',
	via: null,
	validators: {},
	next: NEXT,
});
/** The newest 20 of 40 posts: e20 … e39. */
const newest = () => entries(40, make).slice(0, 20);
const olderThan = (to: number) => parsed(entries(to, make), {format: 'guardian'});
const start = (rows = 30): State => reduce(initialState([{url: 'guardian:uk/live/x', stored: null}], {columns: 100, rows}), poll(newest()));
const ids = (s: State): string[] => s.tabs[0]!.blog!.entries.map((e) => e.id);
const bottom = (s: State): State => reduce(s, {type: 'command', command: 'bottom', at: T0});

beforeEach(() => {
	resetLayoutCache();
});

describe('older posts', () => {
	test('are wanted only at the end of a whole Guardian list, while idle', () => {
		const s = start();
		expect(olderWanted(s)).toBeNull();
		const end = bottom(s);
		expect(olderWanted(end)).toBe(0);
		expect(olderWanted(reduce(end, {type: 'older-requested', tab: 0, at: T0}))).toBeNull();
		expect(olderWanted(reduce(end, {type: 'command', command: 'key-events-only', at: T0}))).toBeNull();
		const rss = reduce(initialState([{url: 'https://example.org/feed', stored: null}], {columns: 100, rows: 30}), poll(newest(), {format: 'rss'}));
		expect(olderWanted(bottom(rss))).toBeNull();
		// A short blog that fits on screen is at its end at once.
		const short = reduce(initialState([{url: 'g', stored: null}], {columns: 100, rows: 60}), poll(entries(3, make)));
		expect(olderWanted(short)).toBe(0);
	});

	test('merge as additions below, unmarked, and a load that adds nothing means the beginning', () => {
		const loading = run(bottom(start()), {type: 'older-requested', tab: 0, at: T0});
		const before = paneModel(loading, T0).rows;
		expect(before.at(-1)).toMatchObject({kind: 'footer', text: 'loading older posts…'});
		const seq = loading.tabs[0]!.storeSeq;
		const loaded = reduce(loading, {type: 'older-loaded', tab: 0, blog: olderThan(25), at: T0 + 1000});
		expect(ids(loaded)).toHaveLength(40);
		expect(ids(loaded).at(-1)).toBe('e0');
		expect(loaded.tabs[0]!.marks.size).toBe(0);
		expect(loaded.tabs[0]!.older).toEqual({kind: 'idle'});
		expect(loaded.tabs[0]!.storeSeq).toBe(seq + 1);
		// The reader's place holds: the same rows, without the footer.
		expect(paneModel(loaded, T0).rows.slice(0, -1)).toEqual(before.slice(0, -1));
		expect(paneModel(loaded, T0).rows.at(-1)?.kind).not.toBe('footer');

		const again = run(bottom(loaded), {type: 'older-requested', tab: 0, at: T0}, {type: 'older-loaded', tab: 0, blog: olderThan(5), at: T0 + 2000});
		expect(again.tabs[0]!.older).toEqual({kind: 'exhausted'});
		expect(again.tabs[0]!.blog).toBe(loaded.tabs[0]!.blog);
		expect(paneModel(again, T0).rows.at(-1)).toMatchObject({kind: 'footer', text: 'beginning of the blog'});
		expect(olderWanted(again)).toBeNull();
	});

	test('a failure shows at the end and is re-armed once the reader leaves the end', () => {
		const failed = run(bottom(start()), {type: 'older-requested', tab: 0, at: T0}, {type: 'older-failed', tab: 0, failure: {kind: 'network', code: 'ECONNRESET', host: 'content.example'}, at: T0});
		expect(paneModel(failed, T0).rows.at(-1)).toMatchObject({kind: 'footer', tone: 'warning'});
		expect(reduce(failed, {type: 'command', command: 'line-down', at: T0}).tabs[0]!.older.kind).toBe('failed');
		const left = reduce(failed, {type: 'command', command: 'top', at: T0});
		expect(left.tabs[0]!.older).toEqual({kind: 'idle'});
		expect(olderWanted(bottom(left))).toBe(0);
	});

	test('an answer that arrives after the tab followed a newer blog is dropped', () => {
		const s = run(bottom(start()), {type: 'older-requested', tab: 0, at: T0}, {type: 'blog-followed', tab: 0, title: ownText('Day 2'), at: T0});
		expect(reduce(s, {type: 'older-loaded', tab: 0, blog: olderThan(25), at: T0})).toBe(s);
	});
});

describe('following a series', () => {
	test('the header offers the newer blog; following it starts the tab over', () => {
		const newer = {id: 'uk/live/day-2', title: ownText('Day 2 of the storm')};
		let s = run(start(), poll([], {coverage: {kind: 'additions'}, newerBlog: newer}, T0 + 1000));
		expect(headerModel(s, T0).notes.map((n) => n.text)).toContain('A new live blog started: Day 2 of the storm — press L');
		s = run(s, {type: 'command', command: 'line-down', at: T0}, poll([...entries(1, () => ({id: 'fresh', published: T0 + 99 * 60_000})), ...newest()], {newerBlog: newer}, T0 + 2000));
		expect(s.tabs[0]!.marks.size).toBe(1);
		const arrival = s.tabs[0]!.arrival;
		const followed = reduce(s, {type: 'blog-followed', tab: 0, title: newer.title, at: T0 + 3000});
		const tab = followed.tabs[0]!;
		expect(tab.blog).toBeNull();
		expect(tab.scroll).toEqual({kind: 'top'});
		expect(tab.cursor).toBeNull();
		expect(tab.marks.size).toBe(0);
		expect(tab.arrival).toBe(arrival);
		expect(statusModel(followed)).toEqual({kind: 'notice', text: 'following the newer live blog: Day 2 of the storm'});
		// The new blog's first answer is a first load: nothing in it is "new".
		const day2 = reduce(followed, poll(entries(5, (i) => ({id: `d${i}`})), {title: ownText('Day 2 of the storm')}, T0 + 4000));
		expect(day2.tabs[0]!.marks.size).toBe(0);
		expect(ids(day2)).toEqual(['d4', 'd3', 'd2', 'd1', 'd0']);
		expect(headerModel(day2, T0).notes.map((n) => n.text).join(' ')).not.toContain('press L');
	});
});

describe('the layout cache', () => {
	test('two blogs with the same entry ids and revisions each show their own text', () => {
		let s = initialState([{url: 'a', stored: null}, {url: 'b', stored: null}], {columns: 100, rows: 30});
		s = run(s, poll(entries(2, (i) => ({body: `Blog A says ${i}.`}))), poll(entries(2, (i) => ({body: `Blog B says ${i}.`})), {}, T0, 1));
		const text = (state: State): string => paneModel(state, T0).rows.flatMap((r) => (r.kind === 'text' ? [r.line.map((x) => x.text).join('')] : [])).join('|');
		expect(text(s)).toContain('Blog A says 1.');
		const b = reduce(s, {type: 'command', command: 'goto-tab', arg: 2, at: T0});
		expect(text(b)).toContain('Blog B says 1.');
		expect(text(b)).not.toContain('Blog A');
	});
});
