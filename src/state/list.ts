/**
 * The entries the main pane lists (after the key-events-only switch and the
 * search filter), memoised by identity so that a key press does not re-filter
 * 5,000 entries unless the filter or the blog changed.
 */
import type {Entry, EntryId} from '../model/blog.js';
import {entryPlainText} from '../model/body-text.js';
import {Scan} from './search-scan.js';
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

/**
 * Positions in a filtered list without a map of its own: an entry's place in
 * the whole blog, found in the filtered list's ascending blog positions.
 * Building a map of ids per keystroke cost as much as the search itself.
 */
class FilteredPositions implements Positions {
	constructor(
		private readonly whole: Positions,
		private readonly at: ArrayLike<number>,
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

/** A filter's scan, and its list once the scan is done. */
type Search = {readonly scan: Scan; list: EntryList | null};
type Kept = {readonly whole: EntryList; readonly searches: Map<string, Search>};

const memo = new WeakMap<readonly Entry[], Kept>();
/** Filters kept per blog: typing a query makes one per character. */
const KEPT_FILTERS = 16;

/**
 * The kept search that the new filter narrows the most: a query that
 * extends an earlier one (typing "kim" after "ki") only matches entries
 * that matched it, so it starts from those rather than from the whole blog.
 */
function closest(searches: ReadonlyMap<string, Search>, flag: string, lower: string): Search | null {
	let best: Search | null = null;
	let bestLength = -1;
	for (const [key, search] of searches) {
		if (key[0] !== flag || key.length <= bestLength || !lower.startsWith(key.slice(1))) continue;
		best = search;
		bestLength = key.length;
	}
	return best;
}

function keptFor(all: readonly Entry[]): Kept {
	let kept = memo.get(all);
	if (!kept) {
		const indexOf = new Map<EntryId, number>();
		all.forEach((e, i) => indexOf.set(e.id, i));
		kept = {whole: {entries: all, indexOf}, searches: new Map()};
		memo.set(all, kept);
	}
	return kept;
}

function keyOf(filter: Filter, keyEventsOnly: boolean): string | null {
	const lower = filterQuery(filter).toLowerCase();
	if (lower === '' && !keyEventsOnly) return null;
	return `${keyEventsOnly ? 'K' : '-'}${lower}`;
}

function searchFor(kept: Kept, all: readonly Entry[], key: string): Search {
	const hit = kept.searches.get(key);
	if (hit) return hit;
	const keyEventsOnly = key[0] === 'K';
	const lower = key.slice(1);
	const test = (e: Entry): boolean => (!keyEventsOnly || isKeyEvent(e)) && (lower === '' || textOf(e).includes(lower));
	const from = closest(kept.searches, key[0]!, lower);
	const search: Search = {scan: from === null ? new Scan(all, test, [], 0, 0) : from.scan.narrowed(test), list: null};
	if (kept.searches.size >= KEPT_FILTERS) kept.searches.delete(kept.searches.keys().next().value!);
	kept.searches.set(key, search);
	return search;
}

function finished(kept: Kept, search: Search): EntryList {
	if (search.list === null) {
		search.scan.advance(Number.POSITIVE_INFINITY);
		search.list = {entries: search.scan.entries, indexOf: new FilteredPositions(kept.whole.indexOf, search.scan.at)};
	}
	return search.list;
}

/** The whole list the filter gives (finishing its scan if need be). */
export function entryList(all: readonly Entry[], filter: Filter, keyEventsOnly: boolean): EntryList {
	const kept = keptFor(all);
	const key = keyOf(filter, keyEventsOnly);
	return key === null ? kept.whole : finished(kept, searchFor(kept, all, key));
}

/** The start of a filtered list: `complete` when `list` is all of it. */
export type Leading = {readonly list: EntryList; readonly complete: boolean};

/** At least the first `wanted` entries of the list (all of it when it is that short or already known). */
export function leadingList(all: readonly Entry[], filter: Filter, keyEventsOnly: boolean, wanted: number): Leading {
	const kept = keptFor(all);
	const key = keyOf(filter, keyEventsOnly);
	if (key === null) return {list: kept.whole, complete: true};
	const search = searchFor(kept, all, key);
	if (search.scan.advance(wanted)) return {list: finished(kept, search), complete: true};
	// A copy: the scan goes on growing its own arrays.
	const {at, entries} = search.scan;
	return {list: {entries: entries.slice(), indexOf: new FilteredPositions(kept.whole.indexOf, at.slice())}, complete: false};
}

/** Goes on with the filter's scan for up to `budget` entries; true once its whole list is known. */
export function finishSome(all: readonly Entry[], filter: Filter, keyEventsOnly: boolean, budget: number): boolean {
	const kept = keptFor(all);
	const key = keyOf(filter, keyEventsOnly);
	if (key === null) return true;
	const search = searchFor(kept, all, key);
	if (!search.scan.advance(Number.POSITIVE_INFINITY, budget)) return false;
	finished(kept, search);
	return true;
}

/** Whether the filter's whole list is known, without starting or advancing anything. */
export function searchDone(all: readonly Entry[], filter: Filter, keyEventsOnly: boolean): boolean {
	const key = keyOf(filter, keyEventsOnly);
	return key === null || memo.get(all)?.searches.get(key)?.scan.done === true;
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
