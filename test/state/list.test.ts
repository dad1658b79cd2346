import {describe, expect, test} from 'vitest';
import type {Entry} from '../../src/model/blog.js';
import {entryList, matches, warmSearchText} from '../../src/state/list.js';
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
