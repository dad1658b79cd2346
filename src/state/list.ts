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

export function entryList(all: readonly Entry[], filter: Filter, keyEventsOnly: boolean): EntryList {
	const query = filterQuery(filter);
	const key = `${keyEventsOnly ? 'K' : '-'}${query.toLowerCase()}`;
	let perBlog = memo.get(all);
	if (!perBlog) {
		perBlog = new Map();
		memo.set(all, perBlog);
	}
	const hit = perBlog.get(key);
	if (hit) return hit;
	const entries = key === '-' ? all : all.filter((e) => (!keyEventsOnly || isKeyEvent(e)) && matches(e, query));
	const indexOf = new Map<EntryId, number>();
	entries.forEach((e, i) => indexOf.set(e.id, i));
	const list = {entries, indexOf};
	// Only a few filters per blog are worth keeping (typing "kim" makes three).
	if (perBlog.size > 8) perBlog.clear();
	perBlog.set(key, list);
	return list;
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
