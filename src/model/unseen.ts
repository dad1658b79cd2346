/**
 * "12 new since you last looked". The store keeps `seen`: every stored entry
 * the reader was not told is new (what was there at start, and what they have
 * since had on screen). After a restart, any entry of the merged blog that is
 * not in `seen` arrived while the program was closed, or arrived last time
 * and was never looked at: both are new. Pure, so the reducer can use it.
 */
import type {Blog, EntryId} from './blog.js';

export function unseenOnRestore(stored: {readonly seen: readonly EntryId[]}, merged: Blog): EntryId[] {
	const seen = new Set(stored.seen);
	return merged.entries.filter((entry) => !seen.has(entry.id)).map((entry) => entry.id);
}

/** The `seen` list to save: every kept entry except those still unseen. */
export function seenForSave(blog: Blog, unseen: ReadonlySet<EntryId>): EntryId[] {
	return blog.entries.filter((entry) => !unseen.has(entry.id)).map((entry) => entry.id);
}
