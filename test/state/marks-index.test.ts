import {describe, expect, test} from 'vitest';
import type {EntryId} from '../../src/model/blog.js';
import {entryList} from '../../src/state/list.js';
import {copyMarks, firstNew, marksIndex, newBefore, withShownSince} from '../../src/state/marks-index.js';
import type {Mark} from '../../src/state/state.js';
import {entries, T0} from '../helpers/blog-factory.js';

const mark = (kind: Mark['kind'], extra: Partial<Mark> = {}): Mark => ({kind, at: T0, shownSince: null, whileAway: false, ...extra});

function marksOf(n: number): Map<EntryId, Mark> {
	const marks = new Map<EntryId, Mark>();
	for (let i = 0; i < n; i++) marks.set(`e${i}`, mark(i % 3 === 0 ? 'updated' : 'new', {whileAway: i % 4 === 0, shownSince: i === 5 ? T0 : null}));
	return marks;
}

describe('marksIndex', () => {
	test('counts new and while-away marks and lists the ones on screen', () => {
		const index = marksIndex(marksOf(12));
		expect(index.newIds).toEqual(['e1', 'e2', 'e4', 'e5', 'e7', 'e8', 'e10', 'e11']);
		// While away: e0, e4, e8; e0 is an updated mark, so two new ones.
		expect(index.away).toBe(2);
		expect([...index.shown]).toEqual(['e5']);
	});

	test('is memoised on the map object', () => {
		const marks = marksOf(4);
		expect(marksIndex(marks)).toBe(marksIndex(marks));
	});
});

describe('withShownSince', () => {
	test('reads like a copied map: same keys in the same order, changed values, the old map untouched', () => {
		const before = marksOf(300);
		const after = withShownSince(before, new Map<EntryId, number | null>([['e7', T0 + 5], ['e5', null]]));
		expect(after.size).toBe(300);
		expect([...after.keys()]).toEqual([...before.keys()]);
		expect(after.get('e7')?.shownSince).toBe(T0 + 5);
		expect(after.get('e5')?.shownSince).toBeNull();
		expect(after.get('e9')).toBe(before.get('e9'));
		expect(before.get('e7')?.shownSince).toBeNull();
		expect(before.get('e5')?.shownSince).toBe(T0);
		const copied = new Map(after);
		expect(copied.get('e7')?.shownSince).toBe(T0 + 5);
		expect([...after.values()].filter((m) => m.shownSince !== null)).toHaveLength(1);
		let seen = 0;
		after.forEach((value, key) => {
			expect(value).toBe(after.get(key));
			seen++;
		});
		expect(seen).toBe(300);
	});

	test('carries the index over: same new ids, the shown set updated', () => {
		const before = marksOf(20);
		const after = withShownSince(before, new Map([['e7', T0 + 5]]));
		expect(marksIndex(after).newIds).toBe(marksIndex(before).newIds);
		expect([...marksIndex(after).shown].sort()).toEqual(['e5', 'e7']);
		// The carried index agrees with one built from scratch.
		const rebuilt = marksIndex(new Map(after));
		expect(rebuilt.newIds).toEqual(marksIndex(after).newIds);
		expect(rebuilt.away).toBe(marksIndex(after).away);
		expect([...rebuilt.shown].sort()).toEqual([...marksIndex(after).shown].sort());
	});

	test('copyMarks gives the map a walk would: same entries, same order, a map of its own', () => {
		const before = marksOf(50);
		const layered = withShownSince(before, new Map<EntryId, number | null>([['e30', T0 + 1], ['e5', null], ['e2', T0 + 2]]));
		const copy = copyMarks(layered);
		expect([...copy]).toEqual([...layered]);
		copy.delete('e30');
		expect(layered.get('e30')?.shownSince).toBe(T0 + 1);
		expect([...copyMarks(before)]).toEqual([...before]);
	});

	test('many rounds of changes (past the layer bound) still read right', () => {
		let marks: ReadonlyMap<EntryId, Mark> = marksOf(1000);
		for (let round = 0; round < 400; round++) marks = withShownSince(marks, new Map([[`e${round}`, T0 + round]]));
		expect(marks.size).toBe(1000);
		for (let i = 0; i < 1000; i++) expect(marks.get(`e${i}`)?.shownSince).toBe(i < 400 ? T0 + i : i === 5 ? T0 : null);
		expect(marksIndex(marks).shown.size).toBe(400);
	});
});

describe('newBefore and firstNew', () => {
	test('agree with a walk over every mark, in the whole list and a filtered one', () => {
		const list = entries(60, (i) => ({keyEvent: i % 2 === 0}));
		const marks = marksOf(60);
		for (const keyEventsOnly of [false, true]) {
			const view = entryList(list, {kind: 'none'}, keyEventsOnly);
			for (const index of [0, 1, 7, 20, 29, 30, 59, 60]) {
				let naive = 0;
				for (const [id, m] of marks) {
					const at = view.indexOf.get(id);
					if (m.kind === 'new' && at !== undefined && at < index) naive++;
				}
				expect(newBefore(marks, view, index), `index ${index}, key events only: ${keyEventsOnly}`).toBe(naive);
			}
			const first = Math.min(...[...marks].filter(([, m]) => m.kind === 'new').map(([id]) => view.indexOf.get(id) ?? Infinity));
			expect(firstNew(marks, view)).toBe(first === Infinity ? undefined : first);
		}
		expect(firstNew(new Map(), entryList(list, {kind: 'none'}, false))).toBeUndefined();
	});
});
