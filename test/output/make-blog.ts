/** Builders for Blog/Entry values in output and export tests (our own text). */
import type {Blog, Body, Entry, Inline} from '../../src/model/blog.js';
import {ownText} from '../../src/text/sanitize.js';

export const t = ownText;

export function text(s: string, style?: 'strong' | 'emphasis' | 'code'): Inline {
	return style === undefined ? {kind: 'text', text: t(s)} : {kind: 'text', text: t(s), style};
}

export function para(...inlines: Array<Inline | string>): Body[number] {
	return {kind: 'paragraph', inlines: inlines.map(i => (typeof i === 'string' ? text(i) : i))};
}

export function entry(partial: Partial<Omit<Entry, 'title' | 'authors'>> & {id: string; title?: string | null; authors?: string[]}): Entry {
	const published = partial.published ?? Date.UTC(2026, 10, 28, 14, 5);
	return {
		url: null,
		dated: 'source',
		updated: null,
		body: [para('Body of ' + partial.id)],
		keyEvent: false,
		pinned: false,
		summary: false,
		firstSeen: published,
		revision: 0,
		...partial,
		published,
		title: partial.title === undefined || partial.title === null ? null : t(partial.title),
		authors: (partial.authors ?? []).map(a => t(a)),
	};
}

export function blog(entries: Entry[], partial: Partial<Omit<Blog, 'title'>> & {title?: string} = {}): Blog {
	return {
		url: 'https://example.org/live/feed.xml',
		format: 'rss',
		description: null,
		homeUrl: null,
		live: 'live',
		hints: {},
		skipped: 0,
		...partial,
		title: t(partial.title ?? 'Harbour festival live'),
		entries,
	};
}
