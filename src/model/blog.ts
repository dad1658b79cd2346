/**
 * The one model every source normalises into. Adapters produce a `ParsedBlog`
 * (what one document said); `mergePoll` turns successive ParsedBlogs into a
 * `Blog` (what the reader has seen over time: first-seen dates, edits,
 * removals). All text is `SafeText`: it has been through the sanitiser.
 */
import type {SafeText} from '../text/sanitize.js';

export type EntryId = string;

/** LIVE, ENDED, or the source does not say. */
export type LiveStatus = 'live' | 'ended' | 'unknown';

export type SourceFormat = 'rss' | 'atom' | 'rdf' | 'jsonfeed' | 'jsonld' | 'guardian';

/** A run of text inside a block. `href` is an http(s) URL or absent. */
export type Inline =
	| {readonly kind: 'text'; readonly text: SafeText; readonly style?: 'strong' | 'emphasis' | 'code'}
	| {readonly kind: 'link'; readonly text: SafeText; readonly href: string}
	| {readonly kind: 'break'};

/**
 * Structured body, so the view can lay it out at any width. Images appear as
 * their caption (or alt text); embedded posts appear as quotes with a cite.
 */
export type Block =
	| {readonly kind: 'paragraph'; readonly inlines: readonly Inline[]}
	| {readonly kind: 'heading'; readonly inlines: readonly Inline[]}
	| {readonly kind: 'list-item'; readonly inlines: readonly Inline[]; readonly depth: number; readonly marker: SafeText}
	| {readonly kind: 'quote'; readonly inlines: readonly Inline[]; readonly cite?: SafeText}
	| {readonly kind: 'caption'; readonly inlines: readonly Inline[]}
	| {readonly kind: 'preformatted'; readonly text: SafeText}
	| {readonly kind: 'rule'};

export type Body = readonly Block[];

/** Flags a source may set on an entry. */
export type EntryFlags = {
	readonly keyEvent: boolean;
	readonly pinned: boolean;
	readonly summary: boolean;
};

/** One entry as a single document describes it. */
export type ParsedEntry = EntryFlags & {
	readonly id: EntryId;
	readonly title: SafeText | null;
	readonly url: string | null;
	/** Epoch ms; null when the source gave no usable date. */
	readonly published: number | null;
	readonly updated: number | null;
	readonly authors: readonly SafeText[];
	readonly body: Body;
};

/** Hints a document gives about how often to poll it. */
export type PollHints = {
	/** RSS <ttl>, in seconds. */
	readonly ttlSeconds?: number;
	/** sy:updatePeriod/updateFrequency as seconds between updates. */
	readonly updatePeriodSeconds?: number;
	/** schema.org coverageEndTime, epoch ms. */
	readonly coverageEndsAt?: number;
};

/**
 * What a document covers, so the merge knows what an absent entry means.
 * - `window`: the document lists the newest entries; one that was in the window
 *   (published at or after the oldest entry listed) and is absent was removed;
 *   older ones merely scrolled out of the feed and are kept.
 * - `additions`: an incremental answer (Guardian `published-since`); absence
 *   means nothing.
 * - `window-since`: like window, but the source states the window start.
 */
export type Coverage =
	| {readonly kind: 'window'}
	| {readonly kind: 'additions'}
	| {readonly kind: 'window-since'; readonly since: number};

/** One document's view of a blog. */
export type ParsedBlog = {
	readonly format: SourceFormat;
	readonly title: SafeText;
	readonly description: SafeText | null;
	/** The human page for the blog, when the source names one. */
	readonly homeUrl: string | null;
	readonly live: LiveStatus;
	readonly entries: readonly ParsedEntry[];
	readonly coverage: Coverage;
	readonly hints: PollHints;
	/** Entries present in the document that could not be read. */
	readonly skipped: number;
	/**
	 * A newer live blog in the same series (Guardian `guardian:tag/…`), offered
	 * to the reader ("A new live blog started: … press L"). Absent otherwise.
	 */
	readonly newerBlog?: {readonly id: string; readonly title: SafeText};
};

/** An entry as the reader knows it after one or more polls. */
export type Entry = EntryFlags & {
	readonly id: EntryId;
	readonly title: SafeText | null;
	readonly url: string | null;
	/** Epoch ms: the source's date, or when we first saw the entry. */
	readonly published: number;
	readonly dated: 'source' | 'first-seen';
	readonly updated: number | null;
	readonly authors: readonly SafeText[];
	readonly body: Body;
	/** When this program first saw it (epoch ms). */
	readonly firstSeen: number;
	/** Bumped by the merge each time the content changes; caches key on it. */
	readonly revision: number;
};

/** The accumulated blog. Entries are ordered pinned first, then newest first. */
export type Blog = {
	readonly url: string;
	readonly format: SourceFormat;
	readonly title: SafeText;
	readonly description: SafeText | null;
	readonly homeUrl: string | null;
	readonly live: LiveStatus;
	readonly entries: readonly Entry[];
	readonly hints: PollHints;
	readonly skipped: number;
	/** A newer live blog in the same series, from the latest poll's `ParsedBlog.newerBlog`. */
	readonly newerBlog?: {readonly id: string; readonly title: SafeText};
};
