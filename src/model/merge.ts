/**
 * Merging one poll into what the reader already has: a pure function of the
 * previous Blog, the newest document and the time it arrived. It reports what
 * changed so the reducer can highlight new posts, mark edits and emit --json
 * events, and it returns the previous Blog object itself when nothing changed
 * so that consumers can skip rendering by identity.
 */
import type {Block, Blog, Body, Entry, EntryId, Inline, ParsedBlog, ParsedEntry, PollHints} from './blog.js';
import {compareEntries} from './order.js';

/** Entries kept per blog in memory (issue 5/7 bound); the oldest go first. */
export const MAX_ENTRIES = 5000;

export type MergeResult = {
	readonly blog: Blog;
	/** In blog order (pinned first, newest first). */
	readonly added: readonly EntryId[];
	/** Content (title, body, authors, flags) or the source's updated date changed. */
	readonly updated: readonly EntryId[];
	/** The source no longer lists them (see Coverage in blog.ts). */
	readonly removed: readonly EntryId[];
	/** Previously kept entries that fell off the MAX_ENTRIES bound; the source did not remove them. */
	readonly dropped: readonly EntryId[];
};

type Change = 'none' | 'content' | 'silent';

export function mergePoll(previous: Blog | null, next: ParsedBlog, url: string, at: number): MergeResult {
	const previousEntries = previous?.entries ?? [];
	const previousById = new Map<EntryId, Entry>();
	for (const entry of previousEntries) previousById.set(entry.id, entry);

	const listedIds = new Set<EntryId>();
	const listed: Entry[] = [];
	const addedIds = new Set<EntryId>();
	const updatedIds = new Set<EntryId>();
	let orderChanged = false;
	let undatedRank = 0;

	for (const parsed of next.entries) {
		// A document may repeat an id (every guid the same, a copy-pasted item):
		// the first occurrence wins and the rest are ignored.
		if (listedIds.has(parsed.id)) continue;
		listedIds.add(parsed.id);
		const old = previousById.get(parsed.id);
		if (old === undefined) {
			listed.push(newEntry(parsed, at, parsed.published === null ? undatedRank++ : 0));
			addedIds.add(parsed.id);
			continue;
		}
		const {entry, change} = mergeEntry(old, parsed);
		listed.push(entry);
		if (change === 'content') updatedIds.add(entry.id);
		if (entry.published !== old.published || entry.pinned !== old.pinned) orderChanged = true;
	}

	const removedIds = new Set<EntryId>();
	const keptAbsent: Entry[] = [];
	const absentIsRemoval = absenceRule(next);
	for (const old of previousEntries) {
		if (listedIds.has(old.id)) continue;
		if (absentIsRemoval(old)) removedIds.add(old.id);
		else keptAbsent.push(old);
	}

	let entries: Entry[];
	if (!orderChanged && addedIds.size === 0 && removedIds.size === 0) {
		// Only edits (or nothing): the order is unchanged, so swap edited entries
		// in place instead of sorting again.
		const byId = new Map<EntryId, Entry>();
		for (const entry of listed) byId.set(entry.id, entry);
		entries = previousEntries.map((old) => byId.get(old.id) ?? old);
	} else {
		entries = listed.concat(keptAbsent).sort(compareEntries);
	}

	let dropped: EntryId[] = [];
	if (entries.length > MAX_ENTRIES) {
		const cut = entries.slice(MAX_ENTRIES);
		entries = entries.slice(0, MAX_ENTRIES);
		for (const entry of cut) {
			// A document longer than the bound re-lists entries already cut: they
			// were never shown, so they are neither added nor updated.
			addedIds.delete(entry.id);
			updatedIds.delete(entry.id);
		}
		dropped = cut.filter((entry) => previousById.has(entry.id)).map((entry) => entry.id);
	}

	const unchangedEntries = previous !== null && sameElements(entries, previous.entries);
	if (previous !== null && unchangedEntries && sameBlogFields(previous, next, url)) {
		return {blog: previous, added: [], updated: [], removed: [], dropped: []};
	}

	const blog: Blog = {
		url,
		format: next.format,
		title: next.title,
		description: next.description,
		homeUrl: next.homeUrl,
		live: next.live,
		entries: unchangedEntries && previous !== null ? previous.entries : entries,
		hints: next.hints,
		skipped: next.skipped,
		...(next.newerBlog === undefined ? {} : {newerBlog: next.newerBlog}),
	};
	return {
		blog,
		added: entries.filter((entry) => addedIds.has(entry.id)).map((entry) => entry.id),
		updated: entries.filter((entry) => updatedIds.has(entry.id)).map((entry) => entry.id),
		removed: previousEntries.filter((entry) => removedIds.has(entry.id)).map((entry) => entry.id),
		dropped,
	};
}

/**
 * An undated entry takes the time it was first seen. Several undated entries
 * first seen in one document are spread a millisecond apart in document order
 * (feeds list newest first), so they keep the source's order instead of being
 * ordered by id; `firstSeen` stays exactly `at`.
 */
function newEntry(parsed: ParsedEntry, at: number, undatedRank: number): Entry {
	const dated = parsed.published !== null;
	return {
		id: parsed.id,
		title: parsed.title,
		url: parsed.url,
		published: parsed.published ?? at - undatedRank,
		dated: dated ? 'source' : 'first-seen',
		updated: parsed.updated,
		authors: parsed.authors,
		body: parsed.body,
		keyEvent: parsed.keyEvent,
		pinned: parsed.pinned,
		summary: parsed.summary,
		firstSeen: at,
		revision: 0,
	};
}

/**
 * `content` changes are what the reader sees as an edit; `silent` ones (the
 * link, a corrected or newly supplied published date) still make a new Entry
 * with a new revision, because the time label and link are drawn from it.
 */
function mergeEntry(old: Entry, parsed: ParsedEntry): {entry: Entry; change: Change} {
	// A source that stops giving a date keeps the one we had: entries must not
	// jump around because one document left a field out.
	const published = parsed.published ?? old.published;
	const dated = parsed.published === null ? old.dated : 'source';
	const content =
		parsed.title !== old.title ||
		parsed.updated !== old.updated ||
		parsed.keyEvent !== old.keyEvent ||
		parsed.pinned !== old.pinned ||
		parsed.summary !== old.summary ||
		!sameElements(parsed.authors, old.authors) ||
		!bodiesEqual(parsed.body, old.body);
	const silent = !content && (published !== old.published || dated !== old.dated || parsed.url !== old.url);
	if (!content && !silent) return {entry: old, change: 'none'};
	const entry: Entry = {
		...old,
		title: parsed.title,
		url: parsed.url,
		published,
		dated,
		updated: parsed.updated,
		authors: parsed.authors,
		body: parsed.body,
		keyEvent: parsed.keyEvent,
		pinned: parsed.pinned,
		summary: parsed.summary,
		revision: old.revision + 1,
	};
	return {entry, change: content ? 'content' : 'silent'};
}

/**
 * Decides whether an entry absent from this document was removed by the
 * source or merely scrolled out of the feed (see Coverage in blog.ts).
 * - An entry dated by first sight has no place in the source's timeline, so
 *   absence from a window means it is gone. This is also what keeps feeds
 *   whose ids change every poll from piling up copies: each copy lives only as
 *   long as the document lists it.
 * - A window document that lists nothing says nothing: an empty answer from a
 *   struggling server must not wipe the screen.
 * - The window start ignores pinned entries, which sources list whatever their
 *   age and which would otherwise stretch the window back over entries that
 *   did scroll out.
 */
function absenceRule(next: ParsedBlog): (old: Entry) => boolean {
	const coverage = next.coverage;
	if (coverage.kind === 'additions') return () => false;
	if (coverage.kind === 'window-since') {
		return (old) => old.dated === 'first-seen' || old.published >= coverage.since;
	}
	if (next.entries.length === 0) return () => false;
	const start = windowStart(next.entries);
	return (old) => old.dated === 'first-seen' || (start !== null && old.published >= start);
}

function windowStart(entries: readonly ParsedEntry[]): number | null {
	let all: number | null = null;
	let unpinned: number | null = null;
	for (const entry of entries) {
		if (entry.published === null) continue;
		if (all === null || entry.published < all) all = entry.published;
		if (!entry.pinned && (unpinned === null || entry.published < unpinned)) unpinned = entry.published;
	}
	return unpinned ?? all;
}

function sameBlogFields(previous: Blog, next: ParsedBlog, url: string): boolean {
	return (
		previous.url === url &&
		previous.format === next.format &&
		previous.title === next.title &&
		previous.description === next.description &&
		previous.homeUrl === next.homeUrl &&
		previous.live === next.live &&
		previous.skipped === next.skipped &&
		sameHints(previous.hints, next.hints) &&
		previous.newerBlog?.id === next.newerBlog?.id &&
		previous.newerBlog?.title === next.newerBlog?.title
	);
}

function sameHints(a: PollHints, b: PollHints): boolean {
	return a.ttlSeconds === b.ttlSeconds && a.updatePeriodSeconds === b.updatePeriodSeconds && a.coverageEndsAt === b.coverageEndsAt;
}

function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

export function bodiesEqual(a: Body, b: Body): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (!blockEqual(a[i]!, b[i]!)) return false;
	return true;
}

function blockEqual(x: Block, y: Block): boolean {
	switch (x.kind) {
		case 'paragraph':
			return y.kind === 'paragraph' && inlinesEqual(x.inlines, y.inlines);
		case 'heading':
			return y.kind === 'heading' && inlinesEqual(x.inlines, y.inlines);
		case 'caption':
			return y.kind === 'caption' && inlinesEqual(x.inlines, y.inlines);
		case 'list-item':
			return y.kind === 'list-item' && x.depth === y.depth && x.marker === y.marker && inlinesEqual(x.inlines, y.inlines);
		case 'quote':
			return y.kind === 'quote' && x.cite === y.cite && inlinesEqual(x.inlines, y.inlines);
		case 'preformatted':
			return y.kind === 'preformatted' && x.text === y.text;
		case 'rule':
			return y.kind === 'rule';
	}
}

function inlinesEqual(a: readonly Inline[], b: readonly Inline[]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (!inlineEqual(a[i]!, b[i]!)) return false;
	return true;
}

function inlineEqual(x: Inline, y: Inline): boolean {
	switch (x.kind) {
		case 'text':
			return y.kind === 'text' && x.text === y.text && x.style === y.style;
		case 'link':
			return y.kind === 'link' && x.text === y.text && x.href === y.href;
		case 'break':
			return y.kind === 'break';
	}
}
