/**
 * Facts about a tab's highlight marks that the screen needs on every key
 * (how many are new, which are on screen, how many new posts lie above the
 * reader), memoised on the marks map's identity. A blog of 5,000 posts can
 * hold 5,000 marks: walking them per key cost more than drawing the frame.
 * Changing only `shownSince` (what every scroll does) carries the index over
 * to the new map, so it is built once per poll that changes marks, not per key.
 */
import type {EntryId} from '../model/blog.js';
import {lowerBound, type EntryList} from './list.js';
import type {Mark} from './state.js';

type Marks = ReadonlyMap<EntryId, Mark>;

export type MarksIndex = {
	/** Ids marked 'new', in the map's order. Shared between maps that differ only in shownSince. */
	readonly newIds: readonly EntryId[];
	/** New posts that arrived while the program was closed. */
	readonly away: number;
	/** Ids whose mark is on screen (shownSince set). */
	readonly shown: ReadonlySet<EntryId>;
};

const memo = new WeakMap<Marks, MarksIndex>();

export function marksIndex(marks: Marks): MarksIndex {
	let index = memo.get(marks);
	if (index === undefined) {
		const newIds: EntryId[] = [];
		const shown = new Set<EntryId>();
		let away = 0;
		for (const [id, mark] of marks) {
			if (mark.kind === 'new') {
				newIds.push(id);
				if (mark.whileAway) away++;
			}
			if (mark.shownSince !== null) shown.add(id);
		}
		index = {newIds, away, shown};
		memo.set(marks, index);
	}
	return index;
}

/**
 * A map that reads through a small layer of changed values onto a base map
 * it shares with the map it was made from. Scrolling changes the shownSince
 * of a few marks at a time; copying all 5,000 marks for that, every few
 * lines, was most of a key's garbage. Keys are the base's, in its order.
 */
class LayeredMap<K, V> implements ReadonlyMap<K, V> {
	constructor(
		readonly base: ReadonlyMap<K, V>,
		readonly layer: ReadonlyMap<K, V>,
	) {}

	get size(): number {
		return this.base.size;
	}

	get(key: K): V | undefined {
		return this.layer.get(key) ?? this.base.get(key);
	}

	has(key: K): boolean {
		return this.base.has(key);
	}

	forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
		for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
	}

	*entries(): MapIterator<[K, V]> {
		for (const [key, value] of this.base) yield [key, this.layer.get(key) ?? value];
	}

	keys(): MapIterator<K> {
		return this.base.keys();
	}

	*values(): MapIterator<V> {
		for (const [, value] of this.entries()) yield value;
	}

	[Symbol.iterator](): MapIterator<[K, V]> {
		return this.entries();
	}
}

/**
 * A flat copy to change: a Map copies a Map natively, many times faster than
 * walking a LayeredMap through its generator (5,000 marks: milliseconds).
 * Layer keys are all base keys, so the order is the same either way.
 */
export function copyMarks(marks: Marks): Map<EntryId, Mark> {
	if (!(marks instanceof LayeredMap)) return new Map(marks);
	const flat = new Map(marks.base as Marks);
	for (const [id, mark] of marks.layer as Marks) flat.set(id, mark);
	return flat;
}

/** Changed values kept in a layer before the map is copied flat again. */
const MAX_LAYER = 256;

/**
 * `marks` with `shownSince` set for the ids in `changes` (which must all be
 * marked). Kinds stay as they were, so the new map's index is the old one
 * with a different `shown` set.
 */
export function withShownSince(marks: Marks, changes: ReadonlyMap<EntryId, number | null>): Marks {
	const before = marksIndex(marks);
	const base = marks instanceof LayeredMap ? (marks.base as Marks) : marks;
	const layer = new Map(marks instanceof LayeredMap ? (marks.layer as Marks) : []);
	const shown = new Set(before.shown);
	for (const [id, since] of changes) {
		const mark = marks.get(id);
		if (mark === undefined) continue;
		layer.set(id, {...mark, shownSince: since});
		if (since === null) shown.delete(id);
		else shown.add(id);
	}
	const next: Marks = layer.size > MAX_LAYER ? copyMarks(new LayeredMap(base, layer)) : new LayeredMap(base, layer);
	memo.set(next, {newIds: before.newIds, away: before.away, shown});
	return next;
}

/** Ascending list positions of the new posts, per (new ids, list). */
const positions = new WeakMap<readonly EntryId[], WeakMap<EntryList, Int32Array>>();

function newPositions(newIds: readonly EntryId[], list: EntryList): Int32Array {
	let perList = positions.get(newIds);
	if (perList === undefined) {
		perList = new WeakMap();
		positions.set(newIds, perList);
	}
	let sorted = perList.get(list);
	if (sorted === undefined) {
		const found: number[] = [];
		for (const id of newIds) {
			const at = list.indexOf.get(id);
			if (at !== undefined) found.push(at);
		}
		sorted = Int32Array.from(found).sort();
		perList.set(list, sorted);
	}
	return sorted;
}

/** How many posts marked new sit in `list` above position `index`. */
export function newBefore(marks: Marks, list: EntryList, index: number): number {
	// At the top (where typing a search keeps the reader) nothing is above: no positions to work out.
	if (index <= 0) return 0;
	return lowerBound(newPositions(marksIndex(marks).newIds, list), index);
}

/** The list position of the topmost post marked new, if any. */
export function firstNew(marks: Marks, list: EntryList): number | undefined {
	return newPositions(marksIndex(marks).newIds, list)[0];
}
