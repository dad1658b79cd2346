/**
 * The entries the main pane lists (after the key-events-only switch and the
 * search filter), memoised by identity so that a key press does not re-filter
 * 5,000 entries unless the filter or the blog changed.
 */
import type {Entry, EntryId} from '../model/blog.js';
import {entryPlainText} from '../model/body-text.js';
import type {Filter} from './state.js';

/** Where an entry stands in a list, by id. */
export type Positions = Pick<ReadonlyMap<EntryId, number>, 'get' | 'has'>;

export type EntryList = {
	readonly entries: readonly Entry[];
	readonly indexOf: Positions;
};

/** The first index of ascending `sorted` whose value is not below `value` (its length when none). */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid]! < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

const searchText = new WeakMap<Entry, string>();

function textOf(entry: Entry): string {
	let text = searchText.get(entry);
	if (text === undefined) {
		text = [entry.title ?? '', ...entry.authors, entryPlainText(entry)].join('\n').toLowerCase();
		searchText.set(entry, text);
	}
	return text;
}

export function isKeyEvent(entry: Entry): boolean {
	return entry.keyEvent || entry.summary || entry.pinned;
}

export function filterQuery(filter: Filter): string {
	return filter.kind === 'none' ? '' : filter.query.trim();
}

export function matches(entry: Entry, query: string): boolean {
	return query === '' || textOf(entry).includes(query.toLowerCase());
}

/** A filtered list also knows where each of its entries stands in the whole blog, ascending. */
type FilteredList = EntryList & {readonly at: Int32Array};

/**
 * Positions in a filtered list without a map of its own: an entry's place in
 * the whole blog, found in the filtered list's ascending blog positions.
 * Building a map of ids per keystroke cost as much as the search itself.
 */
class FilteredPositions implements Positions {
	constructor(
		private readonly whole: Positions,
		private readonly at: Int32Array,
	) {}

	get(id: EntryId): number | undefined {
		const target = this.whole.get(id);
		if (target === undefined) return undefined;
		const lo = lowerBound(this.at, target);
		return this.at[lo] === target ? lo : undefined;
	}

	has(id: EntryId): boolean {
		return this.get(id) !== undefined;
	}
}

type Kept = {readonly whole: EntryList; readonly filtered: Map<string, FilteredList>};

const memo = new WeakMap<readonly Entry[], Kept>();
/** Filters kept per blog: typing a query makes one per character. */
const KEPT_FILTERS = 16;

/**
 * The smallest kept list that the new filter narrows: a query that extends
 * an earlier one (typing "kim" after "ki") only matches entries that matched
 * it, so it searches those rather than the whole blog.
 */
function narrowest(filtered: ReadonlyMap<string, FilteredList>, flag: string, lower: string): FilteredList | null {
	let best: FilteredList | null = null;
	for (const [key, list] of filtered) {
		if (key[0] !== flag || !lower.startsWith(key.slice(1))) continue;
		if (best === null || list.entries.length < best.entries.length) best = list;
	}
	return best;
}

function keptFor(all: readonly Entry[]): Kept {
	let kept = memo.get(all);
	if (!kept) {
		const indexOf = new Map<EntryId, number>();
		all.forEach((e, i) => indexOf.set(e.id, i));
		kept = {whole: {entries: all, indexOf}, filtered: new Map()};
		memo.set(all, kept);
	}
	return kept;
}

export function entryList(all: readonly Entry[], filter: Filter, keyEventsOnly: boolean): EntryList {
	const lower = filterQuery(filter).toLowerCase();
	const kept = keptFor(all);
	if (lower === '' && !keyEventsOnly) return kept.whole;
	const flag = keyEventsOnly ? 'K' : '-';
	const key = `${flag}${lower}`;
	const hit = kept.filtered.get(key);
	if (hit) return hit;
	const from = narrowest(kept.filtered, flag, lower)?.at ?? null;
	const candidates = from?.length ?? all.length;
	const at = new Int32Array(candidates);
	const entries: Entry[] = [];
	for (let k = 0; k < candidates; k++) {
		const i = from === null ? k : from[k]!;
		const e = all[i]!;
		if ((!keyEventsOnly || isKeyEvent(e)) && (lower === '' || textOf(e).includes(lower))) {
			at[entries.length] = i;
			entries.push(e);
		}
	}
	const positions = at.slice(0, entries.length);
	const list: FilteredList = {entries, indexOf: new FilteredPositions(kept.whole.indexOf, positions), at: positions};
	if (kept.filtered.size >= KEPT_FILTERS) kept.filtered.delete(kept.filtered.keys().next().value!);
	kept.filtered.set(key, list);
	return list;
}

/**
 * Builds the search text of up to `count` entries from `start` that do not
 * have it yet, so the first character typed after `/` does not pay for a
 * whole blog's plain text. Returns where to go on from (entries.length: done).
 */
export function warmSearchText(entries: readonly Entry[], start: number, count: number): number {
	let built = 0;
	let i = start;
	for (; i < entries.length && built < count; i++) {
		const entry = entries[i]!;
		if (searchText.has(entry)) continue;
		textOf(entry);
		built++;
	}
	return i;
}

const keyEventMemo = new WeakMap<readonly Entry[], readonly Entry[]>();

/** Key events for the sidebar, newest first (pinned ones lead, as in the blog). */
export function keyEvents(all: readonly Entry[]): readonly Entry[] {
	let hit = keyEventMemo.get(all);
	if (!hit) {
		hit = all.filter(isKeyEvent);
		keyEventMemo.set(all, hit);
	}
	return hit;
}
