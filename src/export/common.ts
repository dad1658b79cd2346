/**
 * What every export format shares: which entries are key events, the order,
 * and how a time is written (local time with its UTC offset, so an archive
 * read elsewhere is unambiguous).
 */
import type {Blog, Entry} from '../model/blog.js';
import {chronological, localTime} from '../output/plain.js';

export type ExportInput = {
	readonly blog: Blog;
	readonly exportedAt: number;
	/** Where the copy came from: a fresh read, or the store (with when it was saved). */
	readonly origin: {readonly kind: 'live'} | {readonly kind: 'stored'; readonly savedAt: number};
};

/** Key events as the issue defines them: whatever the source flags. */
export function isKeyEvent(entry: Entry): boolean {
	return entry.keyEvent || entry.summary || entry.pinned;
}

export function keyEvents(blog: Blog): Entry[] {
	return chronological(blog.entries.filter(isKeyEvent));
}

export function allEntries(blog: Blog): Entry[] {
	return chronological(blog.entries);
}

function offset(ms: number): string {
	const minutes = -new Date(ms).getTimezoneOffset();
	if (Number.isNaN(minutes)) return '';
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function stamp(ms: number): string {
	return `${localTime(ms)} ${offset(ms)}`;
}

export function liveWord(blog: Blog): string {
	return blog.live === 'live' ? 'live' : blog.live === 'ended' ? 'ended' : 'live status unknown';
}

export function provenance(input: ExportInput): string {
	const from = input.origin.kind === 'stored' ? `from the stored copy saved ${stamp(input.origin.savedAt)}` : 'fetched just now';
	return `Exported ${stamp(input.exportedAt)}, ${from}`;
}

/** The line under an entry's heading: time, authors, flags. */
export function entryMeta(entry: Entry): string {
	const parts = [stamp(entry.published)];
	if (entry.authors.length > 0) parts.push(`by ${entry.authors.join(', ')}`);
	if (entry.pinned) parts.push('pinned');
	if (entry.keyEvent || entry.summary) parts.push('key event');
	if (entry.updated !== null && entry.updated !== entry.published) parts.push(`updated ${stamp(entry.updated)}`);
	return parts.join(' · ');
}

/** A heading for an entry without a title: its first words. */
export function headlineOf(entry: Entry, bodyText: string, maxChars = 80): string {
	if (entry.title !== null && entry.title !== '') return entry.title;
	const flat = bodyText.replace(/\s+/g, ' ').trim();
	if (flat === '') return '(untitled)';
	return flat.length <= maxChars ? flat : `${flat.slice(0, maxChars - 1).trimEnd()}…`;
}
