/**
 * A first load that arrives in two parts (net/first-poll.ts): the newest posts
 * as a preview, then the whole blog from the same poll. The preview is shown
 * and said to be partial; the whole blog then replaces it as the first load,
 * so nothing is new because it came second, and nothing partial is stored.
 */
import {beforeEach, describe, expect, test} from 'vitest';
import {describeFailure} from '../../src/errors.js';
import type {Action} from '../../src/state/actions.js';
import {olderFooter} from '../../src/state/older.js';
import {reduce} from '../../src/state/reducer.js';
import {resetLayoutCache} from '../../src/state/rows.js';
import {sidebarEntries} from '../../src/state/pane.js';
import {statusModel, unseenCount} from '../../src/state/selectors.js';
import {initialState, type State} from '../../src/state/state.js';
import {entries, parsed, T0} from '../helpers/blog-factory.js';

const NEXT = {at: T0 + 30_000, delayMs: 30_000, reason: 'fixed'} as const;
const URL = 'https://example.org/feed';
/** 120 posts, every tenth a key event; the preview holds the newest 50. */
const all = entries(120, (i) => ({keyEvent: i % 10 === 0}));
const preview = (list = all.slice(0, 50), at = T0): Action => ({type: 'poll-preview', tab: 0, at, blog: parsed(list)});
const full = (list = all, at = T0 + 500): Action => ({type: 'poll-succeeded', tab: 0, at, blog: parsed(list), sourceUrl: URL, via: null, validators: {}, next: NEXT});
const fresh = (): State => initialState([{url: URL, stored: null}], {columns: 100, rows: 30});
const run = (state: State, ...actions: Action[]): State => actions.reduce(reduce, state);

beforeEach(() => {
	resetLayoutCache();
});

describe('a first load with a preview', () => {
	test('shows the newest posts at once and says the rest is loading', () => {
		const s = run(fresh(), preview());
		const tab = s.tabs[0]!;
		expect(tab.blog?.entries.map((e) => e.id)).toEqual(all.slice(0, 50).map((e) => e.id));
		expect(tab.extent).toEqual({kind: 'first-load-preview', posts: 50});
		expect(statusModel(s)).toEqual({kind: 'loading', text: 'loading… 50 newest posts so far'});
		expect(olderFooter(s, tab)?.text).toBe('loading the rest of the blog…');
		// Not a poll of its own: no schedule, nothing for the store.
		expect(tab.next).toBeNull();
		expect(tab.storeSeq).toBe(0);
		expect(tab.marks.size).toBe(0);
	});

	test('is replaced by the whole blog, with nothing marked new and the key events complete', () => {
		const s = run(fresh(), preview(), full());
		const tab = s.tabs[0]!;
		expect(tab.extent).toEqual({kind: 'whole'});
		expect(tab.blog?.entries).toHaveLength(120);
		expect(tab.marks.size).toBe(0);
		expect(unseenCount(tab)).toBe(0);
		expect(tab.arrival.seq).toBe(0);
		expect(sidebarEntries(tab)).toHaveLength(12);
		expect(statusModel(s)).toEqual({kind: 'keys'});
		expect(tab.storeSeq).toBe(1);
		// Exactly what the same poll gives without a preview.
		expect(tab.blog).toEqual(run(fresh(), full()).tabs[0]!.blog);
	});

	test('ends up newest first when the preview came from the end of an oldest-first feed', () => {
		const oldestFirst = [...all].reverse();
		const s = run(fresh(), preview(oldestFirst.slice(-50)), full(oldestFirst));
		expect(s.tabs[0]!.blog?.entries.map((e) => e.id)).toEqual(all.map((e) => e.id));
		expect(s.tabs[0]!.marks.size).toBe(0);
	});

	test('keeps the preview on screen when reading the whole feed fails, and says why', () => {
		const failure = {kind: 'parse', message: 'malformed or cut-off XML (Unexpected end)', url: URL} as const;
		const s = run(fresh(), preview(), {type: 'poll-failed', tab: 0, at: T0 + 500, failure, next: NEXT});
		const tab = s.tabs[0]!;
		expect(tab.blog?.entries).toHaveLength(50);
		expect(statusModel(s)).toEqual({kind: 'error', text: `${describeFailure(failure)}, retrying in 30 s`});
		expect(olderFooter(s, tab)).toEqual({text: 'only the newest 50 posts: the rest of the feed could not be read yet', tone: 'warning'});
		// The next good poll is still the first load: the posts past the preview are not new.
		const later = run(s, full(all, T0 + 31_000));
		expect(later.tabs[0]!.blog?.entries).toHaveLength(120);
		expect(later.tabs[0]!.marks.size).toBe(0);
		expect(later.tabs[0]!.error).toBeNull();
	});

	test('is ignored once the tab holds a blog of its own', () => {
		const s = run(fresh(), full());
		expect(reduce(s, preview(all.slice(0, 3)))).toBe(s);
	});
});
