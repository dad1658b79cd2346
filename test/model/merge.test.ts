import {describe, expect, it} from 'vitest';
import type {Body, Coverage, ParsedBlog, ParsedEntry} from '../../src/model/blog.js';
import {MAX_ENTRIES, mergePoll} from '../../src/model/merge.js';
import {compareEntries} from '../../src/model/order.js';
import {ownText} from '../../src/text/sanitize.js';

const URL_ = 'https://example.org/live';
const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);

function body(text: string): Body {
	return [{kind: 'paragraph', inlines: [{kind: 'text', text: ownText(text)}]}];
}

function entry(id: string, published: number | null, extra: Partial<ParsedEntry> = {}): ParsedEntry {
	return {
		id,
		title: ownText(`Title ${id}`),
		url: `https://example.org/live#${id}`,
		published,
		updated: null,
		authors: [ownText('A. Reporter')],
		body: body(`Body of ${id}`),
		keyEvent: false,
		pinned: false,
		summary: false,
		...extra,
	};
}

function doc(entries: readonly ParsedEntry[], extra: Partial<ParsedBlog> = {}): ParsedBlog {
	return {
		format: 'rss',
		title: ownText('Storm live'),
		description: null,
		homeUrl: null,
		live: 'live',
		entries,
		coverage: {kind: 'window'},
		hints: {},
		skipped: 0,
		...extra,
	};
}

const ids = (blog: {entries: readonly {id: string}[]}) => blog.entries.map((e) => e.id);

describe('mergePoll', () => {
	it('takes every entry of the first poll as added, newest first', () => {
		const result = mergePoll(null, doc([entry('a', T0), entry('c', T0 + 2 * MIN), entry('b', T0 + MIN)]), URL_, T0 + 5 * MIN);
		expect(ids(result.blog)).toEqual(['c', 'b', 'a']);
		expect(result.added).toEqual(['c', 'b', 'a']);
		expect(result.updated).toEqual([]);
		expect(result.removed).toEqual([]);
		expect(result.blog.url).toBe(URL_);
		expect(result.blog.title).toBe('Storm live');
		const c = result.blog.entries[0]!;
		expect(c).toMatchObject({published: T0 + 2 * MIN, dated: 'source', firstSeen: T0 + 5 * MIN, revision: 0});
	});

	it('reports only the new entries of a later poll and keeps the old objects', () => {
		const first = mergePoll(null, doc([entry('b', T0 + MIN), entry('a', T0)]), URL_, T0 + 2 * MIN);
		const second = mergePoll(first.blog, doc([entry('c', T0 + 3 * MIN), entry('b', T0 + MIN), entry('a', T0)]), URL_, T0 + 4 * MIN);
		expect(second.added).toEqual(['c']);
		expect(second.updated).toEqual([]);
		expect(second.removed).toEqual([]);
		expect(ids(second.blog)).toEqual(['c', 'b', 'a']);
		expect(second.blog.entries[1]).toBe(first.blog.entries[0]);
		expect(second.blog.entries[0]!.firstSeen).toBe(T0 + 4 * MIN);
	});

	it('marks an edit as updated, bumps the revision and keeps firstSeen', () => {
		const first = mergePoll(null, doc([entry('a', T0)]), URL_, T0 + MIN);
		const edited = mergePoll(first.blog, doc([entry('a', T0, {body: body('Corrected text')})]), URL_, T0 + 9 * MIN);
		expect(edited.updated).toEqual(['a']);
		expect(edited.added).toEqual([]);
		const a = edited.blog.entries[0]!;
		expect(a.revision).toBe(1);
		expect(a.firstSeen).toBe(T0 + MIN);
		expect(a.body).toEqual(body('Corrected text'));
		const again = mergePoll(edited.blog, doc([entry('a', T0, {title: ownText('New headline')})]), URL_, T0 + 10 * MIN);
		expect(again.updated).toEqual(['a']);
		expect(again.blog.entries[0]!.revision).toBe(2);
		expect(again.blog.entries[0]!.title).toBe('New headline');
	});

	it.each<[string, Partial<ParsedEntry>]>([
		['authors', {authors: [ownText('Someone Else')]}],
		['key event flag', {keyEvent: true}],
		['summary flag', {summary: true}],
		['updated date', {updated: T0 + 30 * MIN}],
		['a link inside the body', {body: [{kind: 'paragraph', inlines: [{kind: 'link', text: ownText('x'), href: 'https://example.org/x'}]}]}],
	])('treats a change of %s as an update', (_name, change) => {
		const first = mergePoll(null, doc([entry('a', T0), entry('b', T0 + MIN)]), URL_, T0 + MIN);
		const next = mergePoll(first.blog, doc([entry('a', T0, change), entry('b', T0 + MIN)]), URL_, T0 + 2 * MIN);
		expect(next.updated).toEqual(['a']);
		expect(next.blog.entries.find((e) => e.id === 'a')!.revision).toBe(1);
		expect(next.blog.entries.find((e) => e.id === 'b')).toBe(first.blog.entries[0]);
	});

	it('does not treat a structurally equal body in new objects as an edit', () => {
		const first = mergePoll(null, doc([entry('a', T0)]), URL_, T0 + MIN);
		const same = mergePoll(first.blog, doc([entry('a', T0)]), URL_, T0 + 2 * MIN);
		expect(same.blog).toBe(first.blog);
		expect(same.updated).toEqual([]);
	});

	it('returns the previous Blog object itself when nothing changed', () => {
		const parsed = doc([entry('b', T0 + MIN), entry('a', null)]);
		const first = mergePoll(null, parsed, URL_, T0 + 2 * MIN);
		const second = mergePoll(first.blog, doc([entry('b', T0 + MIN), entry('a', null)]), URL_, T0 + 3 * MIN);
		expect(second.blog).toBe(first.blog);
		expect(second).toMatchObject({added: [], updated: [], removed: [], dropped: []});
	});

	it('takes blog-level fields from the newest document and keeps the entries array when only they change', () => {
		const first = mergePoll(null, doc([entry('a', T0)]), URL_, T0 + MIN);
		const ended = mergePoll(first.blog, doc([entry('a', T0)], {live: 'ended', title: ownText('Storm: live ended'), hints: {ttlSeconds: 60}, skipped: 2}), URL_, T0 + 2 * MIN);
		expect(ended.blog).not.toBe(first.blog);
		expect(ended.blog.entries).toBe(first.blog.entries);
		expect(ended.blog).toMatchObject({live: 'ended', title: 'Storm: live ended', hints: {ttlSeconds: 60}, skipped: 2});
		expect(ended).toMatchObject({added: [], updated: [], removed: []});
	});

	it('re-sorts when a published date moves, without calling it an edit', () => {
		const first = mergePoll(null, doc([entry('a', T0), entry('b', T0 + MIN)]), URL_, T0 + 2 * MIN);
		expect(ids(first.blog)).toEqual(['b', 'a']);
		const moved = mergePoll(first.blog, doc([entry('a', T0 + 5 * MIN), entry('b', T0 + MIN)]), URL_, T0 + 6 * MIN);
		expect(ids(moved.blog)).toEqual(['a', 'b']);
		expect(moved.updated).toEqual([]);
		expect(moved.blog.entries[0]!.revision).toBe(1);
	});

	it('puts pinned entries first, then newest first, ties broken by id', () => {
		const result = mergePoll(
			null,
			doc([entry('old-pin', T0 - 60 * MIN, {pinned: true}), entry('y', T0), entry('x', T0), entry('newest', T0 + MIN)]),
			URL_,
			T0 + 2 * MIN,
		);
		expect(ids(result.blog)).toEqual(['old-pin', 'newest', 'x', 'y']);
		const unpinned = mergePoll(
			result.blog,
			doc([entry('old-pin', T0 - 60 * MIN), entry('y', T0), entry('x', T0), entry('newest', T0 + MIN)]),
			URL_,
			T0 + 3 * MIN,
		);
		expect(ids(unpinned.blog)).toEqual(['newest', 'x', 'y', 'old-pin']);
		expect(unpinned.updated).toEqual(['old-pin']);
	});

	it('orders the same set identically whatever the document order', () => {
		const list = [entry('p', T0), entry('q', T0), entry('r', T0 + MIN), entry('s', T0 - MIN, {pinned: true})];
		const forward = mergePoll(null, doc(list), URL_, T0);
		const backward = mergePoll(null, doc([...list].reverse()), URL_, T0);
		expect(ids(forward.blog)).toEqual(ids(backward.blog));
		const sorted = [...forward.blog.entries].sort(compareEntries);
		expect(ids({entries: sorted})).toEqual(ids(forward.blog));
	});

	describe('entries without a date', () => {
		it('take their first-seen time and keep it across polls', () => {
			const first = mergePoll(null, doc([entry('a', null), entry('b', T0)]), URL_, T0 + 10 * MIN);
			const a = first.blog.entries.find((e) => e.id === 'a')!;
			expect(a).toMatchObject({published: T0 + 10 * MIN, dated: 'first-seen', firstSeen: T0 + 10 * MIN});
			expect(ids(first.blog)).toEqual(['a', 'b']);
			const later = mergePoll(first.blog, doc([entry('c', null), entry('a', null), entry('b', T0)]), URL_, T0 + 20 * MIN);
			expect(later.added).toEqual(['c']);
			expect(later.blog.entries.find((e) => e.id === 'a')).toBe(a);
			expect(ids(later.blog)).toEqual(['c', 'a', 'b']);
		});

		it('keep the document order when several arrive at once', () => {
			const result = mergePoll(null, doc([entry('z', null), entry('m', null), entry('a', null)]), URL_, T0);
			expect(ids(result.blog)).toEqual(['z', 'm', 'a']);
			expect(result.blog.entries.map((e) => e.firstSeen)).toEqual([T0, T0, T0]);
		});

		it('take a date the source supplies later', () => {
			const first = mergePoll(null, doc([entry('a', null)]), URL_, T0 + 10 * MIN);
			const dated = mergePoll(first.blog, doc([entry('a', T0)]), URL_, T0 + 11 * MIN);
			expect(dated.blog.entries[0]).toMatchObject({published: T0, dated: 'source', firstSeen: T0 + 10 * MIN});
		});

		it('keep a source date the source later leaves out', () => {
			const first = mergePoll(null, doc([entry('a', T0)]), URL_, T0 + 10 * MIN);
			const undated = mergePoll(first.blog, doc([entry('a', null)]), URL_, T0 + 11 * MIN);
			expect(undated.blog).toBe(first.blog);
		});
	});

	describe('removal by coverage', () => {
		const base = () => mergePoll(null, doc([entry('d', T0 + 3 * MIN), entry('c', T0 + 2 * MIN), entry('b', T0 + MIN), entry('a', T0)]), URL_, T0 + 4 * MIN);

		it('window: removes an absent entry inside the window and keeps ones that scrolled out', () => {
			// The feed now lists e, d, b: c was deleted (it is newer than b, the
			// oldest listed); a merely scrolled out of the feed.
			const next = mergePoll(base().blog, doc([entry('e', T0 + 4 * MIN), entry('d', T0 + 3 * MIN), entry('b', T0 + MIN)]), URL_, T0 + 5 * MIN);
			expect(next.removed).toEqual(['c']);
			expect(next.added).toEqual(['e']);
			expect(ids(next.blog)).toEqual(['e', 'd', 'b', 'a']);
		});

		it('window: an old pinned entry does not stretch the window back', () => {
			const next = mergePoll(
				base().blog,
				doc([entry('pin', T0 - 100 * MIN, {pinned: true}), entry('d', T0 + 3 * MIN), entry('c', T0 + 2 * MIN)]),
				URL_,
				T0 + 5 * MIN,
			);
			expect(next.removed).toEqual([]);
			expect(ids(next.blog)).toEqual(['pin', 'd', 'c', 'b', 'a']);
		});

		it('window: an empty document removes nothing', () => {
			const previous = base().blog;
			const next = mergePoll(previous, doc([]), URL_, T0 + 5 * MIN);
			expect(next.removed).toEqual([]);
			expect(next.blog).toBe(previous);
		});

		it('additions: absence means nothing', () => {
			const next = mergePoll(base().blog, doc([entry('e', T0 + 4 * MIN)], {coverage: {kind: 'additions'}}), URL_, T0 + 5 * MIN);
			expect(next.removed).toEqual([]);
			expect(next.added).toEqual(['e']);
			expect(ids(next.blog)).toEqual(['e', 'd', 'c', 'b', 'a']);
		});

		it('window-since: removes absent entries from the stated start on', () => {
			const coverage: Coverage = {kind: 'window-since', since: T0 + MIN};
			const next = mergePoll(base().blog, doc([entry('d', T0 + 3 * MIN)], {coverage}), URL_, T0 + 5 * MIN);
			expect(next.removed).toEqual(['c', 'b']);
			expect(ids(next.blog)).toEqual(['d', 'a']);
		});

		it('window-since: an empty answer still removes what the stated window covered', () => {
			const coverage: Coverage = {kind: 'window-since', since: T0 + 3 * MIN};
			const next = mergePoll(base().blog, doc([], {coverage}), URL_, T0 + 5 * MIN);
			expect(next.removed).toEqual(['d']);
		});

		it('window: an undated entry that disappears is removed', () => {
			const first = mergePoll(null, doc([entry('u', null), entry('b', T0)]), URL_, T0 + MIN);
			const next = mergePoll(first.blog, doc([entry('b', T0)]), URL_, T0 + 2 * MIN);
			expect(next.removed).toEqual(['u']);
			expect(ids(next.blog)).toEqual(['b']);
		});
	});

	describe('hostile id patterns', () => {
		it('keeps the first of duplicate ids and ignores the rest', () => {
			const result = mergePoll(null, doc([entry('dup', T0, {title: ownText('first')}), entry('x', T0 - MIN), entry('dup', T0 + MIN, {title: ownText('second')})]), URL_, T0 + 2 * MIN);
			expect(ids(result.blog)).toEqual(['dup', 'x']);
			expect(result.blog.entries[0]!.title).toBe('first');
			expect(result.added).toEqual(['dup', 'x']);
		});

		it('shows one entry when every id in the feed collides, poll after poll', () => {
			const colliding = Array.from({length: 200}, (_, i) => entry('same', T0 + i * MIN, {title: ownText(`post ${i}`)}));
			let blog = mergePoll(null, doc(colliding), URL_, T0).blog;
			for (let poll = 1; poll <= 5; poll++) blog = mergePoll(blog, doc(colliding), URL_, T0 + poll * MIN).blog;
			expect(blog.entries).toHaveLength(1);
			expect(blog.entries[0]!.title).toBe('post 0');
		});

		it('shows ids that change every poll once, not duplicated forever (undated)', () => {
			let blog = null;
			let removedTotal = 0;
			for (let poll = 0; poll < 50; poll++) {
				const entries = ['one', 'two', 'three'].map((name) => entry(`${name}-${poll}`, null, {title: ownText(name)}));
				const result = mergePoll(blog, doc(entries), URL_, T0 + poll * MIN);
				blog = result.blog;
				removedTotal += result.removed.length;
				expect(blog.entries).toHaveLength(3);
				expect(blog.entries.map((e) => e.title)).toEqual(['one', 'two', 'three']);
			}
			expect(removedTotal).toBe(49 * 3);
		});

		it('shows ids that change every poll once, not duplicated forever (dated)', () => {
			let blog = null;
			for (let poll = 0; poll < 50; poll++) {
				const entries = [3, 2, 1].map((n) => entry(`random-${poll}-${n}`, T0 + n * MIN));
				blog = mergePoll(blog, doc(entries), URL_, T0 + 10 * MIN + poll * MIN).blog;
				expect(blog.entries).toHaveLength(3);
			}
		});
	});

	describe('the entry bound', () => {
		it(`keeps at most ${MAX_ENTRIES} entries, dropping the oldest`, () => {
			const many = Array.from({length: MAX_ENTRIES + 50}, (_, i) => entry(`e${i}`, T0 + i * 1000));
			const result = mergePoll(null, doc(many), URL_, T0 + 10_000_000);
			expect(result.blog.entries).toHaveLength(MAX_ENTRIES);
			expect(result.blog.entries[0]!.id).toBe(`e${MAX_ENTRIES + 49}`);
			expect(result.blog.entries.at(-1)!.id).toBe('e50');
			expect(result.added).toHaveLength(MAX_ENTRIES);
			expect(result.added).not.toContain('e0');
			expect(result.dropped).toEqual([]);

			// The same oversized document again: nothing new, the same object.
			const again = mergePoll(result.blog, doc(many), URL_, T0 + 10_000_001);
			expect(again.blog).toBe(result.blog);
			expect(again.added).toEqual([]);

			// A newer post pushes the oldest kept one out; that is a drop, not a removal.
			const newer = mergePoll(result.blog, doc([entry('fresh', T0 + 100_000_000), ...many]), URL_, T0 + 100_000_001);
			expect(newer.blog.entries).toHaveLength(MAX_ENTRIES);
			expect(newer.added).toEqual(['fresh']);
			expect(newer.dropped).toEqual(['e50']);
			expect(newer.removed).toEqual([]);
		});

		it('stays bounded over many polls that each add a post', () => {
			let blog = mergePoll(null, doc(Array.from({length: MAX_ENTRIES}, (_, i) => entry(`s${i}`, T0 + i))), URL_, T0).blog;
			for (let poll = 0; poll < 20; poll++) {
				const result = mergePoll(blog, doc([entry(`n${poll}`, T0 + 1_000_000 + poll)], {coverage: {kind: 'additions'}}), URL_, T0 + poll);
				expect(result.added).toEqual([`n${poll}`]);
				blog = result.blog;
			}
			expect(blog.entries).toHaveLength(MAX_ENTRIES);
			expect(blog.entries[0]!.id).toBe('n19');
		});
	});

	it('applies edits in place without moving anything', () => {
		const first = mergePoll(null, doc([entry('c', T0 + 2 * MIN), entry('b', T0 + MIN), entry('a', T0)]), URL_, T0 + 3 * MIN);
		const next = mergePoll(first.blog, doc([entry('c', T0 + 2 * MIN), entry('b', T0 + MIN, {body: body('edited')}), entry('a', T0)]), URL_, T0 + 4 * MIN);
		expect(ids(next.blog)).toEqual(['c', 'b', 'a']);
		expect(next.blog.entries[0]).toBe(first.blog.entries[0]);
		expect(next.blog.entries[2]).toBe(first.blog.entries[2]);
		expect(next.blog.entries[1]).not.toBe(first.blog.entries[1]);
	});

	describe('a newer blog in the series', () => {
		const newer = {id: 'world/live/2026/mar/02/day-2', title: ownText('Day 2: the storm moves north')};

		it('carries newerBlog from the document into the blog', () => {
			const first = mergePoll(null, doc([entry('a', T0)]), URL_, T0);
			expect(first.blog.newerBlog).toBeUndefined();
			const offered = mergePoll(first.blog, doc([], {coverage: {kind: 'additions'}, newerBlog: newer}), URL_, T0 + MIN);
			expect(offered.blog).not.toBe(first.blog);
			expect(offered.blog.newerBlog).toEqual(newer);
			expect(ids(offered.blog)).toEqual(['a']);
			expect(offered.added).toEqual([]);
		});

		it('keeps the same Blog object while the offer is unchanged, and drops it when the document stops offering it', () => {
			const first = mergePoll(null, doc([entry('a', T0)], {newerBlog: newer}), URL_, T0);
			const again = mergePoll(first.blog, doc([entry('a', T0)], {newerBlog: {...newer}}), URL_, T0 + MIN);
			expect(again.blog).toBe(first.blog);
			const other = mergePoll(first.blog, doc([entry('a', T0)], {newerBlog: {id: 'day-3', title: ownText('Day 3')}}), URL_, T0 + 2 * MIN);
			expect(other.blog.newerBlog?.id).toBe('day-3');
			const gone = mergePoll(other.blog, doc([entry('a', T0)]), URL_, T0 + 3 * MIN);
			expect(gone.blog.newerBlog).toBeUndefined();
			expect('newerBlog' in gone.blog).toBe(false);
		});
	});
});
