import {beforeEach, describe, expect, test} from 'vitest';
import type {Action} from '../../src/state/actions.js';
import type {Command} from '../../src/state/commands.js';
import {nextSettleAt, reduce, SETTLE_MS} from '../../src/state/reducer.js';
import {finishSome, matches} from '../../src/state/list.js';
import {resetLayoutCache} from '../../src/state/rows.js';
import {entriesExamined} from '../../src/state/search-scan.js';
import {headerModel, newAboveCount, paneModel, statusModel, tabLabels, terminalTitle, unseenCount} from '../../src/state/selectors.js';
import {initialState, type State} from '../../src/state/state.js';
import {blog, entries, entry, parsed, T0} from '../helpers/blog-factory.js';

const NEXT = {at: T0 + 30_000, delayMs: 30_000, reason: 'fixed'} as const;
const ok = (list: ReturnType<typeof entries>, at = T0): Action => ({
	type: 'poll-succeeded',
	tab: 0,
	at,
	blog: parsed(list),
	sourceUrl: 'https://example.org/feed',
	via: null,
	validators: {},
	next: NEXT,
});
const cmd = (command: Command, at = T0, arg?: number): Action => ({type: 'command', command, at, ...(arg === undefined ? {} : {arg})});
const run = (state: State, ...actions: Action[]): State => actions.reduce(reduce, state);
const start = (n = 20, size = {columns: 100, rows: 30}): State => reduce(initialState([{url: 'https://example.org/feed', stored: null}], size), ok(entries(n)));
const paneText = (s: State): string[] =>
	paneModel(s, T0).rows.map((r) => (r.kind === 'meta' ? `@${r.id}` : r.kind === 'text' ? r.line.map((x) => x.text).join('') : r.kind === 'gap' ? '' : '…'));

beforeEach(() => {
	resetLayoutCache();
});

describe('polls', () => {
	test('the first load marks nothing as new', () => {
		const s = start();
		expect(s.tabs[0]!.blog!.entries).toHaveLength(20);
		expect(s.tabs[0]!.marks.size).toBe(0);
	});

	test('a 304 with the same schedule returns the same State object', () => {
		const s = run(start(), {type: 'poll-not-modified', tab: 0, at: T0, next: NEXT});
		expect(reduce(s, {type: 'poll-not-modified', tab: 0, at: T0 + 30_000, next: {...NEXT, at: T0 + 60_000}})).toBe(s);
		expect(reduce(s, {type: 'poll-started', tab: 0, at: T0, url: 'x'})).toBe(s);
	});

	test('a poll that changes nothing returns the same State object', () => {
		const s = start();
		expect(reduce(s, ok(entries(20), T0 + 1000))).toBe(s);
	});

	test('new posts are marked new, edits updated, and counted per tab', () => {
		const list = entries(20);
		const edited = list.map((e) => (e.id === 'e5' ? {...e, body: [{kind: 'paragraph' as const, inlines: [{kind: 'text' as const, text: 'changed' as never}]}]} : e));
		const fresh = entry({id: 'n1', published: T0 + 100 * 60_000, keyEvent: true});
		const s = run(start(), ok([fresh, ...edited], T0 + 1000));
		const marks = s.tabs[0]!.marks;
		expect(marks.get('n1')?.kind).toBe('new');
		expect(marks.get('e5')?.kind).toBe('updated');
		expect(unseenCount(s.tabs[0]!)).toBe(1);
		expect(s.tabs[0]!.arrival).toEqual({seq: 1, posts: 1, keyEvents: 1, title: 'Title n1'});
		expect(terminalTitle(s)).toBe('(1) Storm live');
	});

	test('a failure keeps the blog and is shown with the retry delay', () => {
		const s = run(start(), {type: 'poll-failed', tab: 0, at: T0, failure: {kind: 'http', status: 503, statusText: '', host: 'www.example.org'}, next: {at: 0, delayMs: 60_000, reason: 'backoff'}});
		expect(s.tabs[0]!.blog!.entries).toHaveLength(20);
		expect(statusModel(s)).toEqual({kind: 'error', text: 'HTTP 503 from www.example.org, retrying in 60 s'});
		const again = reduce(s, {type: 'poll-failed', tab: 0, at: T0 + 60_000, failure: {kind: 'http', status: 503, statusText: '', host: 'www.example.org'}, next: {at: 0, delayMs: 60_000, reason: 'backoff'}});
		expect(again).toBe(s);
	});
});

describe('scrolling anchored to an entry', () => {
	test('posts inserted above never move what the reader reads', () => {
		let s = run(start(), cmd('page-down'), cmd('line-down'), cmd('line-down'));
		const before = paneText(s);
		const fresh = [entry({id: 'n1', published: T0 + 100 * 60_000}), entry({id: 'n2', published: T0 + 101 * 60_000})];
		s = reduce(s, ok([...fresh.reverse(), ...entries(20)], T0 + 1000));
		expect(paneText(s)).toEqual(before);
		expect(newAboveCount(s)).toBe(2);
		expect(headerModel(s, T0).notes[0]).toEqual({text: '▲ 2 new posts, press n', tone: 'new'});
		s = reduce(s, cmd('newest-unseen'));
		expect(paneText(s)[0]).toBe('@n2');
	});

	test('at the top, new posts appear at the top', () => {
		const s = reduce(start(), ok([entry({id: 'n1', published: T0 + 100 * 60_000}), ...entries(20)], T0 + 1000));
		expect(paneText(s)[0]).toBe('@n1');
		expect(newAboveCount(s)).toBe(0);
	});

	test('G and g reach the ends; scrolling never passes the bottom', () => {
		let s = run(start(), cmd('bottom'));
		const rows = paneText(s);
		expect(rows.at(-2)).toBe('Body of e0.');
		// G selects the oldest post: nothing further down, so nothing changes.
		expect(reduce(s, cmd('line-down'))).toBe(s);
		s = run(s, cmd('page-down'), cmd('page-down'));
		expect(paneText(s)).toEqual(rows);
		s = reduce(s, cmd('top'));
		expect(paneText(s)[0]).toBe('@e19');
	});

	test('jumping to the oldest of 5,000 posts lays out only what is on screen', () => {
		const cache = resetLayoutCache();
		let s = start(5000, {columns: 120, rows: 40});
		const afterFirst = cache.stats.layouts;
		s = reduce(s, cmd('bottom'));
		paneModel(s, T0);
		expect(paneText(s).at(-2)).toBe('Body of e0.');
		expect(cache.stats.layouts - afterFirst).toBeLessThan(25);
		s = reduce(s, cmd('line-up'));
		expect(cache.stats.layouts - afterFirst).toBeLessThan(30);
	});
});

describe('highlights settle after being on screen', () => {
	test('a new post on screen settles after SETTLE_MS; the timer is scheduled, not polled', () => {
		let s = reduce(start(), ok([entry({id: 'n1', published: T0 + 100 * 60_000}), ...entries(20)], T0 + 1000));
		expect(s.tabs[0]!.marks.get('n1')?.shownSince).toBe(T0 + 1000);
		expect(nextSettleAt(s)).toBe(T0 + 1000 + SETTLE_MS);
		expect(reduce(s, {type: 'tick', at: T0 + 5000})).toBe(s);
		s = reduce(s, {type: 'tick', at: T0 + 1000 + SETTLE_MS});
		expect(s.tabs[0]!.marks.size).toBe(0);
		expect(nextSettleAt(s)).toBeNull();
	});

	test('a new post above a scrolled reader keeps its highlight until seen', () => {
		let s = run(start(), cmd('page-down'), cmd('page-down'));
		s = reduce(s, ok([entry({id: 'n1', published: T0 + 100 * 60_000}), ...entries(20)], T0 + 1000));
		expect(s.tabs[0]!.marks.get('n1')?.shownSince).toBeNull();
		s = reduce(s, {type: 'tick', at: T0 + 60_000});
		expect(s.tabs[0]!.marks.size).toBe(1);
		s = reduce(s, cmd('newest-unseen', T0 + 70_000));
		expect(s.tabs[0]!.marks.get('n1')?.shownSince).toBe(T0 + 70_000);
	});

	test('m marks everything seen', () => {
		let s = reduce(start(), ok([entry({id: 'n1', published: T0 + 100 * 60_000}), ...entries(20)], T0 + 1000));
		s = reduce(s, cmd('mark-all-seen'));
		expect(unseenCount(s.tabs[0]!)).toBe(0);
	});
});

describe('store, filters and tabs', () => {
	test('a stored copy shows at once; entries not seen before are new since you last looked', () => {
		const list = entries(10);
		const stored = {savedAt: T0 - 2 * 3600_000, blog: blog(list), seen: list.slice(3).map((e) => e.id)};
		const s = initialState([{url: 'https://example.org/feed', stored}], {columns: 100, rows: 30});
		const header = headerModel(s, T0);
		expect(header.notes.map((n) => n.text)).toEqual(['3 new since you last looked', 'from store, 2 h old']);
		const polled = reduce(s, ok([entry({id: 'late', published: T0 + 3600_000}), ...list], T0));
		expect(polled.tabs[0]!.fromStore).toBeNull();
		expect(polled.tabs[0]!.marks.get('late')?.whileAway).toBe(true);
	});

	test('search as you type filters, Enter keeps it, Esc leaves it', () => {
		let s = start();
		s = run(s, cmd('search'), {type: 'search-typed', text: 'e1', at: T0});
		expect(headerModel(s, T0).notes.some((n) => n.text === 'filter: e1 (11 of 20)')).toBe(true);
		s = run(s, {type: 'search-typed', text: '9', at: T0}, cmd('search-accept'));
		expect(s.filter).toEqual({kind: 'kept', query: 'e19'});
		expect(paneText(s).filter((r) => r.startsWith('@'))).toEqual(['@e19']);
		s = reduce(s, cmd('clear-filter'));
		expect(s.filter.kind).toBe('none');
	});

	test('typing a query into a blog of 5,000 posts searches only what the pane shows; the rest is found later', () => {
		let s = start(5000);
		const filterNote = (): string | undefined => headerModel(s, T0).notes.find((n) => n.text.startsWith('filter:'))?.text;
		s = reduce(s, cmd('search'));
		for (const text of ['e', '4', '9']) {
			const before = entriesExamined();
			s = reduce(s, {type: 'search-typed', text, at: T0});
			paneModel(s, T0);
			headerModel(s, T0);
			// Entries are three or four rows: two screens of matches lie within the first few dozen.
			expect(entriesExamined() - before, text).toBeLessThan(100);
		}
		expect(paneText(s).filter((r) => r.startsWith('@')).slice(0, 3)).toEqual(['@e4999', '@e4998', '@e4997']);
		expect(filterNote()).toBe('filter: e49 (searching 5000…)');
		const all = s.tabs[0]!.blog!.entries;
		while (!finishSome(all, s.filter, false, 500));
		expect(filterNote()).toBe(`filter: e49 (${all.filter((e) => matches(e, 'e49')).length} of 5000)`);
		// Rarer matches: the first screen lies further down, and Enter keeps the whole list at once.
		s = run(s, cmd('search-backspace'), cmd('search-backspace'), {type: 'search-typed', text: '123', at: T0}, cmd('search-accept'));
		expect(filterNote()).toBe(`filter: e123 (${all.filter((e) => matches(e, 'e123')).length} of 5000)`);
		s = reduce(s, cmd('bottom'));
		expect(paneText(s).filter((r) => r.startsWith('@')).at(-1)).toBe('@e123');
	});

	test('key events only, time mode, help and tabs', () => {
		let s = reduce(initialState([{url: 'https://a.example/feed', stored: null}, {url: 'https://b.example/feed', stored: null}], {columns: 100, rows: 30}), ok(entries(10, (i) => ({keyEvent: i === 3}))));
		s = reduce(s, cmd('key-events-only'));
		expect(paneText(s).filter((r) => r.startsWith('@'))).toEqual(['@e3']);
		s = run(s, cmd('toggle-time'), cmd('help'));
		expect(s.timeMode).toBe('absolute');
		expect(s.help).toBe(true);
		s = run(s, cmd('close-help'), cmd('goto-tab', T0, 2));
		expect(s.active).toBe(1);
		expect(tabLabels(s).map((t) => `${t.label}:${t.active}`)).toEqual(['Storm live:false', 'b.example:true']);
		s = run(s, cmd('next-tab'));
		expect(s.active).toBe(0);
	});
});
