import {describe, expect, test} from 'vitest';
import type {Entry} from '../../src/model/blog.js';
import {entryList, finishSome, leadingList, matches, searchDone, warmSearchText} from '../../src/state/list.js';
import {entriesExamined} from '../../src/state/search-scan.js';
import type {Filter} from '../../src/state/state.js';
import {entries} from '../helpers/blog-factory.js';

const words = ['kim', 'kimchi', 'Kimberley', 'tide', 'Tidal', 'harbour', 'ferry', '市民', 'ΟΔΟΣ', 'οδοσα'];
const blogOf = (n: number): Entry[] => entries(n, (i) => ({body: `${words[i % words.length]} and ${words[(i * 7) % words.length]} at ${i}`, keyEvent: i % 3 === 0}));
const editing = (query: string): Filter => ({kind: 'editing', query});
const ids = (list: readonly Entry[]): string[] => list.map((e) => e.id);

describe('entryList', () => {
	test('typing a query character by character gives what a full search gives', () => {
		const all = blogOf(200);
		for (const keyEventsOnly of [false, true]) {
			for (const query of ['kimbe', 'tid', 'ΟΔΟΣΑ', '市民 a', 'zz']) {
				for (let n = 1; n <= query.length; n++) {
					const typed = query.slice(0, n);
					const got = entryList(all, editing(typed), keyEventsOnly);
					const expected = all.filter((e) => (!keyEventsOnly || e.keyEvent || e.summary || e.pinned) && matches(e, typed.trim()));
					expect(ids(got.entries), `"${typed}"`).toEqual(ids(expected));
					got.entries.forEach((e, i) => expect(got.indexOf.get(e.id)).toBe(i));
					const inList = new Set(ids(got.entries));
					for (const e of all) if (!inList.has(e.id)) expect(got.indexOf.has(e.id), `${e.id} is not in "${typed}"`).toBe(false);
				}
			}
		}
	});

	test('backspacing and retyping reuses kept lists', () => {
		const all = blogOf(50);
		const kim = entryList(all, editing('kim'), false);
		entryList(all, editing('kimb'), false);
		expect(entryList(all, editing('kim'), false)).toBe(kim);
		expect(entryList(all, {kind: 'none'}, false).entries).toBe(all);
	});
});

describe('leadingList', () => {
	const naive = (all: readonly Entry[], query: string, keyEventsOnly: boolean): string[] =>
		ids(all.filter((e) => (!keyEventsOnly || e.keyEvent || e.summary || e.pinned) && matches(e, query.trim())));

	test('asks only as far as the wanted entries, and the list it gives is the start of the whole one', () => {
		const all = blogOf(2_000);
		const before = entriesExamined();
		const lead = leadingList(all, editing('kim'), false, 5);
		// "kim" is in 3 of every 10 entries: 5 of them lie within the first 20.
		expect(entriesExamined() - before).toBeLessThan(20);
		expect(lead.complete).toBe(false);
		expect(ids(lead.list.entries)).toEqual(naive(all, 'kim', false).slice(0, lead.list.entries.length));
		lead.list.entries.forEach((e, i) => expect(lead.list.indexOf.get(e.id)).toBe(i));
		expect(lead.list.indexOf.has(all[1_999]!.id)).toBe(false);
		expect(searchDone(all, editing('kim'), false)).toBe(false);
	});

	test('queries typed one character at a time, each only started, then finished in slices, give a full search', () => {
		const all = blogOf(600);
		for (const keyEventsOnly of [false, true]) {
			for (const query of ['kimbe', 'tid', 'ΟΔΟΣΑ', '市民 a', 'zz', 'and 5']) {
				for (let n = 1; n <= query.length; n++) leadingList(all, editing(query.slice(0, n)), keyEventsOnly, 3);
				while (!finishSome(all, editing(query), keyEventsOnly, 50));
				expect(searchDone(all, editing(query), keyEventsOnly)).toBe(true);
				const whole = entryList(all, editing(query), keyEventsOnly);
				expect(ids(whole.entries), `"${query}"`).toEqual(naive(all, query, keyEventsOnly));
				expect(leadingList(all, editing(query), keyEventsOnly, 1)).toEqual({list: whole, complete: true});
				// The shorter queries, finished after the longer one, are right too.
				for (let n = 1; n < query.length; n++) {
					expect(ids(entryList(all, editing(query.slice(0, n)), keyEventsOnly).entries)).toEqual(naive(all, query.slice(0, n), keyEventsOnly));
				}
			}
		}
	});

	test('a short list comes back whole', () => {
		const all = blogOf(12);
		const lead = leadingList(all, editing('kim'), false, 100);
		expect(lead.complete).toBe(true);
		expect(lead.list).toBe(entryList(all, editing('kim'), false));
	});
});

describe('warmSearchText', () => {
	test('walks in slices to the end', () => {
		const all = blogOf(250);
		let at = 0;
		let slices = 0;
		while (at < all.length) {
			at = warmSearchText(all, at, 100);
			slices++;
		}
		expect(slices).toBe(3);
		// Everything is built now: one call skips over all of it.
		expect(warmSearchText(all, 0, 1)).toBe(250);
	});
});
