/**
 * Polling a Guardian live blog through the Content API, cheaply: the first
 * load asks for the latest 50 blocks plus key events, pinned and summary
 * blocks; later polls ask only for blocks published since the newest one we
 * hold (kilobytes on a quiet blog), and every REREAD_EVERY_POLLS polls or
 * REREAD_EVERY_MS the latest 50 are read again to catch edits and deletions.
 *
 * A series (`guardian:tag/<tag>`) first asks the search endpoint for the
 * newest live blog under the tag and follows it; every SERIES_RECHECK_MS it
 * asks again and, when a newer blog has started, says so in `newerBlog`.
 *
 * The API key travels as the `api-key` query parameter: that is how the
 * Content API takes it. Since it sits in the URL rather than a header, the
 * header rule for cross-origin redirects does not cover it; what protects it
 * is that only URLs built here carry it, always on the configured API base,
 * and a redirect's Location is the server's own URL, which holds no key.
 * Never append the key to any other URL.
 */
import type {Blog, ParsedBlog} from '../model/blog.js';
import {LiveblogError} from '../errors.js';
import {decodeDocument} from '../text/decode.js';
import {ownText, safeHttpUrl, sanitizeLine, type SafeText} from '../text/sanitize.js';
import {parseGuardianResponse, parseGuardianSearch} from './guardian.js';
import type {FetchedDocument, ParseResult, PollContext, PollRequest, PollSource} from './source.js';

export const DEFAULT_GUARDIAN_API = 'https://content.guardianapis.com';
export const DEFAULT_GUARDIAN_KEY = 'test';
export const FIRST_LOAD_FIELDS = 'headline,standfirst,byline,liveBloggingNow,lastModified,shortUrl';
export const FIRST_LOAD_BLOCKS = 'main,body:latest:50,body:key-events,body:pinned,body:summary';
/** Enough for the header on incremental polls, so the title never flickers to webTitle. */
const POLL_FIELDS = 'headline,standfirst,liveBloggingNow';
export const REREAD_EVERY_POLLS = 5;
export const REREAD_EVERY_MS = 5 * 60_000;
export const SERIES_RECHECK_MS = 10 * 60_000;
const OLDER_BLOCKS = 50;

export type GuardianTarget = {readonly kind: 'content'; readonly id: string} | {readonly kind: 'series'; readonly tag: string};

export type GuardianOptions = {readonly guardianKey?: string; readonly guardianApi?: string};

export type GuardianApi = {readonly base: string; readonly key: string};

export type GuardianQuery =
	| {readonly kind: 'full'}
	| {readonly kind: 'since'; readonly sinceMs: number}
	| {readonly kind: 'older'; readonly blockId: string};

const ID_PATTERN = /^[a-z0-9][a-z0-9/_.-]*$/i;

function invalid(input: string): LiveblogError {
	return new LiveblogError({kind: 'invalid-url', input: sanitizeLine(input, 200)});
}

/** `https://www.theguardian.com/<path>`, `guardian:<content id>` or `guardian:tag/<tag id>`. */
export function parseGuardianInput(input: string): GuardianTarget {
	const trimmed = input.trim();
	let id: string;
	if (trimmed.startsWith('guardian:')) {
		id = trimmed.slice('guardian:'.length);
	} else {
		const url = safeHttpUrl(trimmed);
		if (url === null) throw invalid(input);
		const parsed = new URL(url);
		if (!/(^|\.)theguardian\.com$/i.test(parsed.hostname)) throw invalid(input);
		id = decodeURIComponent(parsed.pathname);
	}
	id = id.replace(/^\/+|\/+$/g, '');
	if (!ID_PATTERN.test(id) || id.includes('..')) throw invalid(input);
	if (id.startsWith('tag/')) {
		const tag = id.slice('tag/'.length);
		if (!tag.includes('/')) throw invalid(input);
		return {kind: 'series', tag};
	}
	return {kind: 'content', id};
}

export function guardianApi(options: GuardianOptions): GuardianApi {
	const base = safeHttpUrl(options.guardianApi ?? DEFAULT_GUARDIAN_API);
	if (base === null) throw invalid(options.guardianApi ?? '');
	const key = options.guardianKey?.trim();
	return {base: base.replace(/\/+$/, ''), key: key ? key : DEFAULT_GUARDIAN_KEY};
}

/** Query values keep `,` and `:` readable (both are legal in a query), everything else is encoded. */
function query(params: readonly (readonly [string, string])[]): string {
	return params.map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/%2C/g, ',').replace(/%3A/g, ':')}`).join('&');
}

function itemUrl(api: GuardianApi, contentId: string, params: readonly (readonly [string, string])[]): string {
	const path = contentId.split('/').map(encodeURIComponent).join('/');
	return `${api.base}/${path}?${query([...params, ['api-key', api.key]])}`;
}

/**
 * The request for one kind of read. The key separates full reads from
 * incremental ones so each keeps its own ETag/Last-Modified.
 */
export function guardianRequest(api: GuardianApi, contentId: string, ask: GuardianQuery): PollRequest {
	switch (ask.kind) {
		case 'full':
			return {
				url: itemUrl(api, contentId, [['show-fields', FIRST_LOAD_FIELDS], ['show-tags', 'contributor'], ['show-blocks', FIRST_LOAD_BLOCKS]]),
				conditional: true,
				key: `guardian-full:${contentId}`,
			};
		case 'since':
			return {
				url: itemUrl(api, contentId, [['show-fields', POLL_FIELDS], ['show-tags', 'contributor'], ['show-blocks', `body:published-since:${Math.max(0, Math.floor(ask.sinceMs))}`]]),
				conditional: true,
				key: `guardian-since:${contentId}`,
			};
		case 'older':
			// The API has no "before": `around:<id>:N` gives N blocks either side; the newer half is already known.
			return {
				url: itemUrl(api, contentId, [['show-fields', POLL_FIELDS], ['show-tags', 'contributor'], ['show-blocks', `body:around:${ask.blockId}:${OLDER_BLOCKS}`]]),
				conditional: false,
				key: `guardian-older:${contentId}`,
			};
	}
}

export function guardianSearchRequest(api: GuardianApi, tag: string): PollRequest {
	const url = `${api.base}/search?${query([['tag', tag], ['type', 'liveblog'], ['order-by', 'newest'], ['page-size', '1'], ['show-fields', 'headline,liveBloggingNow'], ['api-key', api.key]])}`;
	return {url, conditional: true, key: `guardian-search:${tag}`};
}

/**
 * Older blocks on demand (scrolling back past the 50 newest): the blocks
 * around the oldest one held. Its answer parses with coverage `additions`.
 * The TUI asks through GuardianPollSource.olderRequest, which knows the
 * content id, the key and the API base.
 */
export function olderBlocksRequest(contentId: string, oldestBlockId: string, options: GuardianOptions = {}): PollRequest {
	return guardianRequest(guardianApi(options), contentId, {kind: 'older', blockId: oldestBlockId});
}

/** The newest source time among the blog's entries (published or edited), for `published-since`. */
export function newestSourceTime(blog: Blog | null): number | null {
	let newest: number | null = null;
	for (const entry of blog?.entries ?? []) {
		if (entry.dated !== 'source') continue;
		const time = Math.max(entry.published, entry.updated ?? 0);
		if (newest === null || time > newest) newest = time;
	}
	return newest;
}

export type GuardianPollSource = PollSource & {
	/** Switches to the newer blog offered in `newerBlog` (the `L` key); false when there is none. */
	followNewer(): boolean;
	/**
	 * The request for the blocks older than the oldest one held (scrolling back
	 * past the 50 newest), or null before the blog is known. Its answer parses
	 * with parseGuardianResponse and has coverage `additions`.
	 */
	olderRequest(blog: Blog | null): PollRequest | null;
};

/**
 * The block to ask `around`: the oldest ordinary post held. Key events and
 * summaries come from their own lists and may be far older than the 50
 * newest, so anchoring on one of them would leave a gap; pinned posts have
 * no place in the timeline at all.
 */
export function olderAnchorId(blog: Blog | null): string | null {
	let plain: {id: string; at: number} | null = null;
	let any: {id: string; at: number} | null = null;
	for (const entry of blog?.entries ?? []) {
		if (entry.pinned || entry.dated !== 'source') continue;
		if (any === null || entry.published < any.at) any = {id: entry.id, at: entry.published};
		if (!entry.keyEvent && !entry.summary && (plain === null || entry.published < plain.at)) plain = {id: entry.id, at: entry.published};
	}
	return (plain ?? any)?.id ?? null;
}

type Pending = 'search' | 'full' | 'since';

export function createGuardianSource(input: string, options: GuardianOptions): GuardianPollSource {
	const target = parseGuardianInput(input);
	const api = guardianApi(options);
	let contentId: string | null = target.kind === 'content' ? target.id : null;
	let fullDone = false;
	let pollsSinceFull = 0;
	let lastFullAt = 0;
	let lastSearchAt = 0;
	let lastBlog: ParsedBlog | null = null;
	let newer: {readonly id: string; readonly title: SafeText} | null = null;
	let pending: Pending = 'full';

	const withNewer = (blog: ParsedBlog): ParsedBlog => (newer === null ? blog : {...blog, newerBlog: newer});

	const plan = (context: PollContext): {pending: Pending; request: PollRequest} => {
		if (target.kind === 'series' && (contentId === null || (lastBlog !== null && context.now - lastSearchAt >= SERIES_RECHECK_MS))) {
			return {pending: 'search', request: guardianSearchRequest(api, target.tag)};
		}
		const id = contentId ?? '';
		const since = newestSourceTime(context.blog);
		const reread = pollsSinceFull >= REREAD_EVERY_POLLS - 1 || context.now - lastFullAt >= REREAD_EVERY_MS;
		if (!fullDone || context.blog === null || since === null || reread) {
			return {pending: 'full', request: guardianRequest(api, id, {kind: 'full'})};
		}
		return {pending: 'since', request: guardianRequest(api, id, {kind: 'since', sinceMs: since})};
	};

	const acceptSearch = (document: FetchedDocument, context: PollContext): ParseResult => {
		const hit = parseGuardianSearch(decodeDocument(document));
		lastSearchAt = context.now;
		if (contentId === null) {
			if (hit === null) return {kind: 'not-a-blog', found: `a Guardian search with no live blog tagged ${target.kind === 'series' ? target.tag : ''}`};
			contentId = hit.id;
			fullDone = false;
			return {kind: 'follow', url: guardianRequest(api, hit.id, {kind: 'full'}).url, reason: sanitizeLine(`newest live blog in the series: ${hit.title}`)};
		}
		if (hit !== null && hit.id !== contentId) newer = {id: hit.id, title: hit.title};
		if (lastBlog === null) return {kind: 'not-a-blog', found: 'a Guardian search answer before the blog itself was read'};
		// Nothing new about the entries: an additions answer with none keeps them all.
		return {kind: 'blog', blog: withNewer({...lastBlog, entries: [], coverage: {kind: 'additions'}}), via: null};
	};

	return {
		label: () => ownText(target.kind === 'series' ? 'Guardian API (series)' : 'Guardian API'),
		nextRequest(context) {
			const next = plan(context);
			pending = next.pending;
			// Counted when asked, not when answered: a 304 or a same-hash answer
			// never reaches accept(), and on a quiet blog that is every answer, so
			// counting in accept() would stall the re-read that catches deletions
			// (and a re-read answered 'not modified' would be retried every poll).
			if (next.pending === 'since') pollsSinceFull++;
			else if (next.pending === 'full' && fullDone) {
				pollsSinceFull = 0;
				lastFullAt = context.now;
			}
			return next.request;
		},
		accept(document, context) {
			if (pending === 'search') return acceptSearch(document, context);
			const blog = withNewer(parseGuardianResponse(decodeDocument(document)));
			if (pending === 'full') {
				fullDone = true;
				pollsSinceFull = 0;
				lastFullAt = context.now;
			}
			lastBlog = {...blog, entries: []};
			return {kind: 'blog', blog, via: null};
		},
		followNewer() {
			if (newer === null) return false;
			contentId = newer.id;
			newer = null;
			fullDone = false;
			pollsSinceFull = 0;
			lastBlog = null;
			return true;
		},
		olderRequest(blog) {
			const oldest = olderAnchorId(blog);
			if (contentId === null || oldest === null) return null;
			return guardianRequest(api, contentId, {kind: 'older', blockId: oldest});
		},
	};
}
