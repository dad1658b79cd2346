/**
 * The first step of a warm start's two-step decode (state-file.ts): the head
 * of a stored copy, from the file's head section (state-head.ts) or from the
 * first entries of a file whose entries are already in order. Apart from
 * state-decode.ts, which decodes whole copies, so that the strict checks of
 * every field stay in one place and this file holds only what is head-only.
 */
import type {Entry, EntryId} from '../model/blog.js';
import {MAX_ENTRIES} from '../model/merge.js';
import {compareEntries} from '../model/order.js';
import {count, decodeBlog, decodeEntry, decodeRoot, decodeStoredBlog, each, isRecord, record, string, within, type StoredBlog} from './state-decode.js';

/**
 * A stored copy read in two steps, so that a start draws its first screen
 * before it has decoded thousands of entries: `state` holds the whole file
 * except that its blog has only the entries that screen can show, and `rest`
 * decodes everything (throwing like decodeStoredBlog), reusing those entries.
 */
export type StoredHead = {
	readonly state: StoredBlog;
	/** Every stored entry that is not in `seen`, in the blog's order. */
	readonly unseen: readonly EntryId[];
	/** Key events (key, summary or pinned entries) in the whole blog. */
	readonly keyEvents: number;
	readonly rest: () => StoredBlog;
};

/**
 * The first `want` entries and the first `want` key events, when the file's
 * entries are already what decodeStoredBlog would make of them: unique ids,
 * in order, no more than are kept (every file this program writes). Then those
 * entries are exactly the first ones of the whole blog and its first key
 * events. Null for any other file: only a whole decode says what it holds.
 * Fields outside `blog.entries` are decoded and checked here already.
 */
export function decodeStoredHead(value: unknown, expectedUrl: string, want: number): StoredHead | null {
	const entries = isRecord(value) && isRecord(value['blog']) ? value['blog']['entries'] : undefined;
	const scan = Array.isArray(entries) ? scanEntries(entries) : null;
	if (!Array.isArray(entries) || scan === null) return null;
	const chosen = new Map<number, Entry>();
	const pick = (i: number): void => {
		if (!chosen.has(i)) chosen.set(i, within(`entries[${i}]`, () => decodeEntry(entries[i])));
	};
	const state = decodeRoot(value, expectedUrl, (blog) => {
		for (let i = 0; i < Math.min(want, entries.length); i++) pick(i);
		for (const i of scan.keyEventAt.slice(0, want)) pick(i);
		const indexes = [...chosen.keys()].sort((a, b) => a - b);
		return {blog: decodeBlog(blog, () => indexes.map((i) => chosen.get(i)!)), kept: scan.ids};
	});
	const seen = new Set(state.seen);
	return {
		state,
		unseen: [...scan.ids].filter((id) => !seen.has(id)),
		keyEvents: scan.keyEventAt.length,
		rest: () => decodeStoredBlog(value, expectedUrl, chosen),
	};
}

/**
 * A file's head section (store/state-head.ts), checked like a whole file;
 * null when it keeps fewer entries than `want` (a taller terminal).
 */
export function decodeHeadSection(value: unknown, expectedUrl: string, want: number): Omit<StoredHead, 'rest'> | null {
	return within('head', () => {
		const head = record(value, '');
		if (count(head['capacity'], 'capacity') < want) return null;
		const state = decodeStoredBlog(head, expectedUrl);
		return {state, unseen: each(head['unseen'], 'unseen', (id) => string(id, '')), keyEvents: count(head['keyEvents'], 'keyEvents')};
	});
}

type Scan = {readonly ids: ReadonlySet<EntryId>; readonly keyEventAt: readonly number[]};

/** Null unless every entry has a unique id and sorts after the one before it, and they are no more than are kept. */
function scanEntries(entries: readonly unknown[]): Scan | null {
	if (entries.length > MAX_ENTRIES) return null;
	const ids = new Set<EntryId>();
	const keyEventAt: number[] = [];
	let previous: Pick<Entry, 'id' | 'pinned' | 'published'> | null = null;
	for (let i = 0; i < entries.length; i++) {
		const e = entries[i];
		if (!isRecord(e)) return null;
		const {id, published, pinned, keyEvent, summary} = e;
		if (typeof id !== 'string' || typeof published !== 'number' || typeof pinned !== 'boolean' || typeof keyEvent !== 'boolean' || typeof summary !== 'boolean') return null;
		if (ids.has(id)) return null;
		const current = {id, pinned, published};
		if (previous !== null && compareEntries(previous, current) >= 0) return null;
		ids.add(id);
		previous = current;
		if (keyEvent || summary || pinned) keyEventAt.push(i);
	}
	return {ids, keyEventAt};
}
