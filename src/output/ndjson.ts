/**
 * The `--json` line format (issue 2): a `blog` object, then one `entry` per
 * entry, oldest first, each tagged with why it is printed.
 */
import type {Blog, Entry, LiveStatus} from '../model/blog.js';
import {bodyPlainText} from '../model/body-text.js';
import {jsonLine} from './json-escape.js';
import {chronological} from './plain.js';

export type EntryEvent = 'initial' | 'new' | 'updated' | 'removed';

export type BlogRecord = {
	readonly type: 'blog';
	readonly url: string;
	readonly title: string;
	readonly live: boolean | null;
};

export type EntryRecord = {
	readonly type: 'entry';
	readonly event: EntryEvent;
	readonly id: string;
	readonly title: string | null;
	readonly url: string | null;
	readonly published: string;
	readonly updated: string | null;
	readonly authors: readonly string[];
	readonly keyEvent: boolean;
	readonly pinned: boolean;
	readonly text: string;
};

export function liveFlag(live: LiveStatus): boolean | null {
	return live === 'live' ? true : live === 'ended' ? false : null;
}

/** ISO 8601 in UTC, or null for a date that cannot be written (year 275760 and beyond). */
export function isoDate(ms: number): string | null {
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function blogRecord(blog: Blog): BlogRecord {
	return {type: 'blog', url: blog.url, title: blog.title, live: liveFlag(blog.live)};
}

export function entryRecord(entry: Entry, event: EntryEvent): EntryRecord {
	return {
		type: 'entry',
		event,
		id: entry.id,
		title: entry.title,
		url: entry.url,
		// The merge always gives a published time (the source's or first seen).
		published: isoDate(entry.published) ?? new Date(0).toISOString(),
		updated: entry.updated === null ? null : isoDate(entry.updated),
		authors: entry.authors,
		keyEvent: entry.keyEvent,
		pinned: entry.pinned,
		text: bodyPlainText(entry.body),
	};
}

export function blogLine(blog: Blog): string {
	return jsonLine(blogRecord(blog)) + '\n';
}

export function entryLines(entries: readonly Entry[], event: EntryEvent): string {
	return chronological(entries)
		.map(entry => jsonLine(entryRecord(entry, event)) + '\n')
		.join('');
}
