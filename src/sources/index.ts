/**
 * The sources' front door: a fetched document in, a ParseResult out; and the
 * PollSource that remembers what autodiscovery chose. Detection order: by URL
 * (Guardian), then the body and Content-Type (detect.ts); `force` overrides.
 * Nothing but LiveblogError leaves this module.
 */
import type {ParsedBlog} from '../model/blog.js';
import {normaliseTitles} from '../model/key-events.js';
import {LiveblogError, isLiveblogError} from '../errors.js';
import {decodeDocument} from '../text/decode.js';
import {ownText, safeHttpUrl, sanitizeLine, type SafeText} from '../text/sanitize.js';
import {parseAtom} from './atom.js';
import {chooseFeed, discoverFeeds} from './autodiscovery.js';
import {detectFormat, xmlRootName} from './detect.js';
import {parseGuardianResponse} from './guardian.js';
import {createGuardianSource} from './guardian-source.js';
import {parseJsonSafely, readJsonFeed} from './json-feed.js';
import {parseJsonLdPage} from './json-ld.js';
import {cutJsonArray, cutXmlItems, type CutEnd} from './preview-text.js';
import {readRss} from './rss.js';
import type {FetchedDocument, ParseResult, PollSource, SourceText} from './source.js';

export type ForcedSource = 'rss' | 'atom' | 'rdf' | 'jsonfeed' | 'jsonld' | 'guardian' | 'auto';

export type SourceOptions = {
	readonly force?: ForcedSource;
	/** 1-based: which of a page's feed links to follow (`--feed-index N`). */
	readonly feedIndex?: number;
	readonly guardianKey?: string;
	readonly guardianApi?: string;
};

/** How many autodiscovery hops one chain may take before giving up. */
export const MAX_FOLLOWS = 2;

const NO_BLOG_DATA = 'an HTML page with no live-blog data and no feed links';

/** `guardian:<id>` or a theguardian.com live page: read through the Content API. */
export function isGuardianInput(input: string): boolean {
	if (input.startsWith('guardian:')) return true;
	const url = safeHttpUrl(input);
	if (url === null) return false;
	const {hostname, pathname} = new URL(url);
	return /(^|\.)theguardian\.com$/i.test(hostname) && /\/live\//.test(pathname);
}

type Outcome = {readonly result: ParseResult; readonly label: string};

function blogOutcome(blog: ParsedBlog, label: string): Outcome {
	const flagged = blog.format === 'guardian' || blog.entries.some(entry => entry.keyEvent || entry.pinned || entry.summary);
	return {result: {kind: 'blog', blog: {...blog, entries: normaliseTitles(blog.entries, flagged)}, via: null}, label};
}

function describeUnknown(input: SourceText): string {
	const text = input.text.replace(/^[\s\uFEFF]+/, '');
	if (text === '') return 'an empty response';
	if (text.startsWith('{') || text.startsWith('[')) {
		const parsed = parseJsonSafely(input.text);
		return parsed.ok
			? 'a JSON document that is neither a JSON Feed nor a Guardian API response'
			: `a JSON document that cannot be read: ${parsed.reason}`;
	}
	if (text.startsWith('<')) {
		const root = xmlRootName(text);
		return root === null ? 'a markup document with no root element' : `an XML document with root <${root.slice(0, 40)}>, not a feed`;
	}
	return `a ${input.contentType ?? 'text'} document that is not a feed`;
}

function readHtml(input: SourceText, options: SourceOptions): Outcome {
	const blog = parseJsonLdPage(input);
	if (blog !== null) return blogOutcome(blog, 'JSON-LD in page');
	if (options.force === 'jsonld') return {result: {kind: 'not-a-blog', found: 'an HTML page with no LiveBlogPosting data'}, label: 'JSON-LD in page'};
	const feeds = discoverFeeds(input.text, input.url);
	const chosen = chooseFeed(feeds, options.feedIndex);
	if (chosen === null) {
		const found =
			feeds.length > 0 && options.feedIndex !== undefined
				? `an HTML page with ${feeds.length} feed link${feeds.length === 1 ? '' : 's'}, none numbered ${options.feedIndex}`
				: NO_BLOG_DATA;
		return {result: {kind: 'not-a-blog', found}, label: 'web page'};
	}
	const reason = sanitizeLine(`feed found on page: ${chosen.title ?? chosen.url}`);
	return {result: {kind: 'follow', url: chosen.url, reason}, label: reason};
}

function read(input: SourceText, options: SourceOptions): Outcome {
	const force = options.force ?? 'auto';
	const format =
		force === 'auto' ? detectFormat(input) : force === 'guardian' ? 'guardian-api' : force === 'jsonld' ? 'html' : force;
	switch (format) {
		case 'rss':
		case 'rdf': {
			const {blog, label} = readRss(input);
			return blogOutcome(blog, label);
		}
		case 'atom':
			return blogOutcome(parseAtom(input), 'Atom');
		case 'jsonfeed': {
			const {blog, version} = readJsonFeed(input);
			return blogOutcome(blog, `JSON Feed ${version}`);
		}
		case 'guardian-api':
			return blogOutcome(parseGuardianResponse(input), 'Guardian API');
		case 'html':
			return readHtml(input, options);
		case 'unknown':
			return {result: {kind: 'not-a-blog', found: describeUnknown(input)}, label: 'unknown format'};
	}
}

/** Any non-LiveblogError is a bug in an adapter; it still leaves as a one-line parse failure. */
function guarded<T>(url: string, run: () => T): T {
	try {
		return run();
	} catch (error) {
		if (isLiveblogError(error)) throw error;
		const message = error instanceof Error ? error.message : String(error);
		throw new LiveblogError({kind: 'parse', message: sanitizeLine(message, 200), url}, {cause: error});
	}
}

function readDocument(doc: FetchedDocument, options: SourceOptions): Outcome {
	return guarded(doc.url, () => read(decodeDocument(doc), options));
}

/** One document, one result. Throws only LiveblogError (kind 'parse') for unreadable feeds. */
export function parseDocument(doc: FetchedDocument, options: SourceOptions): ParseResult {
	return readDocument(doc, options).result;
}

/** How many posts a preview holds: more than any terminal shows at once. */
export const PREVIEW_ENTRIES = 40;

function cutText(input: SourceText, format: ReturnType<typeof detectFormat>, end: CutEnd): string | null {
	switch (format) {
		case 'rss':
		case 'rdf':
			return cutXmlItems(input.text, 'item', PREVIEW_ENTRIES, end);
		case 'atom':
			return cutXmlItems(input.text, 'entry', PREVIEW_ENTRIES, end);
		case 'jsonfeed': {
			const parsed = parseJsonSafely(input.text);
			return parsed.ok ? cutJsonArray(parsed.value, 'items', PREVIEW_ENTRIES, end) : null;
		}
		default:
			// Guardian responses and pages are small or read as a whole.
			return null;
	}
}

function previewFrom(input: SourceText, format: ReturnType<typeof detectFormat>, end: CutEnd, options: SourceOptions): ParsedBlog | null {
	const text = cutText(input, format, end);
	if (text === null) return null;
	const {result} = read({...input, text}, options);
	return result.kind === 'blog' ? result.blog : null;
}

function newestTime(blog: ParsedBlog): number {
	let newest = Number.NEGATIVE_INFINITY;
	for (const entry of blog.entries) if (entry.published !== null && entry.published > newest) newest = entry.published;
	return newest;
}

/** Whether a blog's dated posts seem to run oldest first in the document (a pinned post may mislead: both ends are then compared). */
function oldestFirst(blog: ParsedBlog): boolean {
	const dated = blog.entries.filter((entry) => entry.published !== null);
	return dated.length > 1 && dated[0]!.published! < dated[dated.length - 1]!.published!;
}

/** Bytes decoded for a preview before the whole document is: room for the first posts of most feeds. */
export const PREVIEW_HEAD_BYTES = 256 * 1024;

/**
 * The document cut before a '<' byte near PREVIEW_HEAD_BYTES, or null when
 * it is not much larger or may be UTF-16. In UTF-8 and the other
 * ASCII-compatible charsets a '<' byte is always a whole character, so the
 * head decodes to the start of the same text.
 */
function headOf(doc: FetchedDocument): FetchedDocument | null {
	const {bytes} = doc;
	if (bytes.length < PREVIEW_HEAD_BYTES * 2) return null;
	if (bytes[0] === 0xfe || bytes[0] === 0xff || bytes[0] === 0 || bytes[1] === 0) return null;
	const cut = bytes.lastIndexOf(0x3c, PREVIEW_HEAD_BYTES);
	return cut <= 0 ? null : {...doc, bytes: bytes.subarray(0, cut)};
}

/**
 * The newest posts of a large feed, read through the same adapter from a cut
 * of the document (preview-text.ts), to draw while the whole feed is read.
 * Null when no preview can be made: a small feed, a format read as a whole,
 * markup the cut cannot follow, or any parse failure (the full read then
 * says what is wrong).
 */
export function previewDocument(doc: FetchedDocument, options: SourceOptions): ParsedBlog | null {
	if (options.force === 'guardian' || options.force === 'jsonld' || isGuardianInput(doc.url)) return null;
	const force = options.force ?? 'auto';
	try {
		// Most XML feeds hold their newest posts well within the head: decoding the rest can wait for the full read.
		const head = headOf(doc);
		if (head !== null) {
			const input = decodeDocument(head);
			const format = force === 'auto' ? detectFormat(input) : force;
			// A page is read whole: decoding all of it here would only delay that.
			if (format === 'html') return null;
			const first = format === 'rss' || format === 'rdf' || format === 'atom' ? previewFrom(input, format, 'first', options) : null;
			if (first !== null && !oldestFirst(first)) return first;
		}
		const input = decodeDocument(doc);
		const format = force === 'auto' ? detectFormat(input) : force;
		const first = previewFrom(input, format, 'first', options);
		if (first === null || !oldestFirst(first)) return first;
		// Listed oldest first, the first posts of the document are the oldest of the blog: the preview is the end that holds the newest post.
		const last = previewFrom(input, format, 'last', options);
		return last !== null && newestTime(last) > newestTime(first) ? last : first;
	} catch {
		return null;
	}
}

/**
 * What the poller polls. Guardian inputs go to the Content API source; any
 * other URL is fetched as given, and when it turns out to be a page that
 * advertises a feed, the feed's URL is remembered for every later poll.
 */
export function createPollSource(input: string, options: SourceOptions): PollSource {
	if (options.force === 'guardian' || isGuardianInput(input)) return createGuardianSource(input, options);
	const start = safeHttpUrl(input);
	if (start === null) throw new LiveblogError({kind: 'invalid-url', input});
	let current = start;
	let hops = 0;
	let via: SafeText | null = null;
	let label: SafeText = ownText('web address');
	return {
		label: () => label,
		nextRequest: () => ({url: current, conditional: true, key: current}),
		accept(document) {
			const outcome = readDocument(document, options);
			const {result} = outcome;
			if (result.kind === 'follow') {
				if (hops >= MAX_FOLLOWS) {
					return {kind: 'not-a-blog', found: `a page whose feed link led to another page (stopped after ${MAX_FOLLOWS} hops)`};
				}
				hops++;
				current = result.url;
				via = result.reason;
				label = result.reason;
				return result;
			}
			if (result.kind === 'blog') {
				hops = 0;
				label = via ?? sanitizeLine(outcome.label);
				return {...result, via};
			}
			return result;
		},
	};
}
