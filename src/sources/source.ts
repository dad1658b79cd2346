/**
 * The seam between the network and the adapters. The poller asks a PollSource
 * what to fetch, fetches it, and hands the response back to `accept`. Adapters
 * themselves stay pure functions of a document; a PollSource only adds the
 * little memory some sources need (which feed autodiscovery chose, what the
 * Guardian API was last asked for).
 */
import type {Blog, ParsedBlog} from '../model/blog.js';
import type {SafeText} from '../text/sanitize.js';

/** A response as the adapters see it: final URL, headers, raw bytes. */
export type FetchedDocument = {
	/** The URL after redirects; relative links resolve against it. */
	readonly url: string;
	readonly status: number;
	/** Lower-cased header names. */
	readonly headers: Readonly<Record<string, string>>;
	readonly bytes: Uint8Array;
};

/** The same document decoded to text (see text/decode.ts), which adapters take. */
export type SourceText = {
	readonly url: string;
	/** Media type without parameters, lower-cased, or null when absent. */
	readonly contentType: string | null;
	readonly headers: Readonly<Record<string, string>>;
	readonly text: string;
};

/** A pure adapter: one document in, one blog out. Throws LiveblogError('parse') on failure. */
export type Adapter = (input: SourceText) => ParsedBlog;

export type DiscoveredFeed = {
	readonly url: string;
	readonly title: SafeText | null;
	readonly type: 'rss' | 'atom' | 'jsonfeed' | 'unknown';
};

export type ParseResult =
	| {readonly kind: 'blog'; readonly blog: ParsedBlog; readonly via: SafeText | null}
	/** The source wants another request at once (autodiscovery chose a feed). */
	| {readonly kind: 'follow'; readonly url: string; readonly reason: SafeText}
	/** Nothing readable; `found` says what was there, e.g. "an HTML page with no live-blog data and no feed links". */
	| {readonly kind: 'not-a-blog'; readonly found: string};

export type PollRequest = {
	readonly url: string;
	/** Extra headers. Secrets (API keys) go here and must not follow a cross-origin redirect. */
	readonly headers?: Readonly<Record<string, string>>;
	/** Whether ETag/Last-Modified validators from the last response may be sent. */
	readonly conditional: boolean;
	/** Validators are remembered per key (e.g. the Guardian's full vs incremental URLs differ). */
	readonly key: string;
};

export type PollContext = {
	/** The blog as merged so far, or null before the first success. */
	readonly blog: Blog | null;
	readonly now: number;
};

export type PollSource = {
	/** A short name for the header: "RSS", "Guardian API", "JSON-LD in page". */
	readonly label: () => SafeText;
	nextRequest(context: PollContext): PollRequest;
	accept(document: FetchedDocument, context: PollContext): ParseResult;
};
