/** Blogs and entries built in tests, so state and UI tests need no parser. */
import type {Block, Blog, Entry, ParsedBlog, ParsedEntry} from '../../src/model/blog.js';
import {ownText} from '../../src/text/sanitize.js';

export const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);

export function para(text: string): Block {
	return {kind: 'paragraph', inlines: [{kind: 'text', text: ownText(text)}]};
}

export type EntrySpec = Partial<Omit<Entry, 'title' | 'authors' | 'body'>> & {
	id: string;
	title?: string | null;
	authors?: string[];
	body?: string | Block[];
};

export function entry(spec: EntrySpec): Entry {
	const body = spec.body === undefined ? [para(`Body of ${spec.id}.`)] : typeof spec.body === 'string' ? [para(spec.body)] : spec.body;
	return {
		id: spec.id,
		title: spec.title === undefined ? ownText(`Title ${spec.id}`) : spec.title === null ? null : ownText(spec.title),
		url: spec.url === undefined ? `https://example.org/${spec.id}` : spec.url,
		published: spec.published ?? T0,
		dated: 'source',
		updated: spec.updated ?? null,
		authors: (spec.authors ?? []).map(ownText),
		body,
		firstSeen: spec.firstSeen ?? spec.published ?? T0,
		revision: spec.revision ?? 1,
		keyEvent: spec.keyEvent ?? false,
		pinned: spec.pinned ?? false,
		summary: spec.summary ?? false,
	};
}

/** `count` entries, newest first, one minute apart, ids e<count-1> … e0. */
export function entries(count: number, make: (i: number) => Partial<EntrySpec> = () => ({})): Entry[] {
	const out: Entry[] = [];
	for (let i = count - 1; i >= 0; i--) out.push(entry({id: `e${i}`, published: T0 + i * 60_000, ...make(i)}));
	return out;
}

export function blog(list: Entry[], extra: Partial<Blog> = {}): Blog {
	return {
		url: 'https://example.org/feed',
		format: 'rss',
		title: ownText('Storm live'),
		description: null,
		homeUrl: null,
		live: 'live',
		entries: list,
		hints: {},
		skipped: 0,
		...extra,
	};
}

/** A ParsedBlog listing the same entries, as an adapter would hand it to mergePoll. */
export function parsed(list: Entry[], extra: Partial<ParsedBlog> = {}): ParsedBlog {
	const parsedEntries: ParsedEntry[] = list.map((e) => ({
		id: e.id,
		title: e.title,
		url: e.url,
		published: e.published,
		updated: e.updated,
		authors: e.authors,
		body: e.body,
		keyEvent: e.keyEvent,
		pinned: e.pinned,
		summary: e.summary,
	}));
	return {
		format: 'rss',
		title: ownText('Storm live'),
		description: null,
		homeUrl: null,
		live: 'live',
		entries: parsedEntries,
		coverage: {kind: 'window'},
		hints: {},
		skipped: 0,
		...extra,
	};
}
