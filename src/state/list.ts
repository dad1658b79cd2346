/**
 * The entries the main pane lists (after the key-events-only switch and the
 * search filter), memoised by identity so that a key press does not re-filter
 * 5,000 entries unless the filter or the blog changed.
 */
import type {Entry, EntryId} from '../model/blog.js';
import {entryPlainText} from '../model/body-text.js';
import type {Filter} from './state.js';

export type EntryList = {
	readonly entries: readonly Entry[];
	readonly indexOf: ReadonlyMap<EntryId, number>;
};

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

const memo = new WeakMap<readonly Entry[], Map<string, EntryList>>();
/** Filters kept per blog: typing a query makes one per character. */
const KEPT_FILTERS = 16;

/**
 * The smallest kept list that the new filter narrows: a query that extends
 * an earlier one (typing "kim" after "ki") only matches entries that matched
 * it, so it searches those rather than the whole blog.
 */
function narrowest(perBlog: ReadonlyMap<string, EntryList>, flag: string, lower: string): EntryList | null {
	let best: EntryList | null = null;
	for (const [key, list] of perBlog) {
		if (key[0] !== flag || !lower.startsWith(key.slice(1))) continue;
		if (best === null || list.entries.length < best.entries.length) best = list;
	}
	return best;
}

export function entryList(all: readonly Entry[], filter: Filter, keyEventsOnly: boolean): EntryList {
	const query = filterQuery(filter);
	const lower = query.toLowerCase();
	const flag = keyEventsOnly ? 'K' : '-';
	const key = `${flag}${lower}`;
	let perBlog = memo.get(all);
	if (!perBlog) {
		perBlog = new Map();
		memo.set(all, perBlog);
	}
	const hit = perBlog.get(key);
	if (hit) return hit;
	let entries: readonly Entry[];
	if (key === '-') entries = all;
	else {
		const from = narrowest(perBlog, flag, lower)?.entries ?? all;
		entries = from.filter((e) => (!keyEventsOnly || isKeyEvent(e)) && (lower === '' || textOf(e).includes(lower)));
	}
	const indexOf = new Map<EntryId, number>();
	entries.forEach((e, i) => indexOf.set(e.id, i));
	const list = {entries, indexOf};
	if (perBlog.size >= KEPT_FILTERS) perBlog.delete(perBlog.keys().next().value!);
	perBlog.set(key, list);
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
