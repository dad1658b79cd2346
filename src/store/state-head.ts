/**
 * The head of a state file: a small copy of what a warm start's first screen
 * needs (the first entries and key events, the blog's fields, the validators,
 * which entries are unseen, how many key events there are), written before
 * the rest with its length in bytes, so that a start can read and parse a
 * few hundred kilobytes instead of the whole file before its first frame:
 *
 *   {"version":1,"headBytes":N,"head":{…N bytes…},"url":…,"blog":{…},…}
 *
 * The whole file is still one JSON document that decodeStoredBlog reads as
 * before (it ignores the head); a file without a head (an older version's)
 * is read whole. The rest of the file stays authoritative: what the head
 * says is checked against it once it is decoded (state/reducer.ts).
 */
import type {Entry, EntryId} from '../model/blog.js';
import {STATE_VERSION, type StoredBlog} from './state-decode.js';

/** Entries (and key events) a head keeps: enough for a terminal this many rows tall. */
export const HEAD_CAPACITY = 64;

const PREFIX = new RegExp(`^\\{"version":${STATE_VERSION},"headBytes":(\\d{1,9}),"head":`);
/** Longer than any prefix PREFIX matches. */
export const PREFIX_BYTES = 48;

function isKeyEvent(entry: Entry): boolean {
	return entry.keyEvent || entry.summary || entry.pinned;
}

/** The file's text: the head, then the state as before. */
export function serialiseState(state: StoredBlog, seen: readonly EntryId[]): string {
	const {entries} = state.blog;
	const keyEvents = entries.filter(isKeyEvent);
	const shown = new Set([...entries.slice(0, HEAD_CAPACITY), ...keyEvents.slice(0, HEAD_CAPACITY)]);
	const seenIds = new Set(seen);
	const head = {
		capacity: HEAD_CAPACITY,
		keyEvents: keyEvents.length,
		unseen: entries.filter((entry) => !seenIds.has(entry.id)).map((entry) => entry.id),
		version: STATE_VERSION,
		url: state.url,
		savedAt: state.savedAt,
		lastOpened: state.lastOpened,
		blog: {...state.blog, entries: entries.filter((entry) => shown.has(entry))},
		validators: state.validators,
		seen: [],
	};
	const headJson = JSON.stringify(head);
	const rest = JSON.stringify({url: state.url, savedAt: state.savedAt, lastOpened: state.lastOpened, blog: state.blog, validators: state.validators, seen});
	return `{"version":${STATE_VERSION},"headBytes":${Buffer.byteLength(headJson)},"head":${headJson},${rest.slice(1)}`;
}

/** Where the head's bytes are, from the file's first PREFIX_BYTES bytes; null for a file without a head. */
export function headSpan(start: string): {readonly offset: number; readonly bytes: number} | null {
	const match = PREFIX.exec(start);
	return match === null ? null : {offset: Buffer.byteLength(match[0]), bytes: Number(match[1])};
}
