/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), plus the safe
 * JSON reading every JSON source uses: depth bounded before parsing, and
 * fields read as own properties only, so `__proto__` or `constructor` keys
 * in a document are plain data and never reach a prototype.
 */
import type {Body, LiveStatus, ParsedBlog, ParsedEntry} from '../model/blog.js';
import {LiveblogError} from '../errors.js';
import {safeHttpUrl, sanitizeLine, type SafeText} from '../text/sanitize.js';
import type {SourceText} from './source.js';
import {parseFeedDate} from './dates.js';
import {htmlToBody, textToBody} from './html-body.js';
import {entryId, hostOf, makeUnique} from './ids.js';

export const MAX_JSON_CHARS = 20 * 1024 * 1024;
export const MAX_JSON_DEPTH = 64;
export const MAX_ENTRIES = 5000;

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isJsonRecord(value: unknown): value is JsonRecord {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An own property of a JSON object, or undefined (never an inherited one). */
export function prop(value: unknown, key: string): unknown {
	return isJsonRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

export function stringProp(value: unknown, key: string): string | null {
	const field = prop(value, key);
	return typeof field === 'string' ? field : null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
/** The only characters that change the count outside a string, and inside one. */
const STRUCTURE = /["{}[\]]/g;
const STRING_STOP = /["\\]/g;

/**
 * Nesting depth of a JSON text, counted outside strings, so a deep document
 * is refused before JSON.parse recurses. It jumps from one character that
 * matters to the next with a native search: a JSON Feed is mostly long
 * strings (post HTML), which a loop over every character crawled through.
 */
export function jsonDepth(text: string, limit: number): number {
	let depth = 0;
	let max = 0;
	let i = 0;
	for (;;) {
		STRUCTURE.lastIndex = i;
		const found = STRUCTURE.exec(text);
		if (found === null) return max;
		i = found.index;
		const c = text.charCodeAt(i);
		if (c === QUOTE) {
			// To the closing quote; a backslash escapes whatever follows it.
			let j = i + 1;
			for (;;) {
				STRING_STOP.lastIndex = j;
				const stop = STRING_STOP.exec(text);
				if (stop === null) return max;
				if (text.charCodeAt(stop.index) === BACKSLASH) {
					j = stop.index + 2;
					continue;
				}
				i = stop.index + 1;
				break;
			}
			continue;
		}
		if (c === OPEN_BRACE || c === OPEN_BRACKET) {
			depth++;
			if (depth > max) {
				max = depth;
				if (max > limit) return max;
			}
		} else {
			depth--;
		}
		i++;
	}
}

export type JsonResult = {readonly ok: true; readonly value: unknown} | {readonly ok: false; readonly reason: string};

export function parseJsonSafely(text: string, maxDepth = MAX_JSON_DEPTH): JsonResult {
	if (text.length > MAX_JSON_CHARS) return {ok: false, reason: `the document is over ${MAX_JSON_CHARS / 1024 / 1024} MB of text`};
	if (jsonDepth(text, maxDepth) > maxDepth) return {ok: false, reason: `JSON nested deeper than ${maxDepth} levels`};
	try {
		// JSON.parse makes `__proto__` an own property, not a prototype; values are only read through `prop`.
		return {ok: true, value: JSON.parse(text.replace(/^\uFEFF/, ''))};
	} catch (error) {
		return {ok: false, reason: `invalid JSON (${error instanceof Error ? error.message.slice(0, 120) : 'unreadable'})`};
	}
}

function resolveBase(raw: string | null, base: string): string {
	if (!raw) return base;
	try {
		return new URL(raw.trim(), base).href;
	} catch {
		return base;
	}
}

function authorsOf(value: unknown): SafeText[] {
	const list = prop(value, 'authors');
	const single = prop(value, 'author');
	const candidates = Array.isArray(list) ? list : single === undefined ? [] : [single];
	const names: SafeText[] = [];
	for (const author of candidates) {
		const name = typeof author === 'string' ? author : stringProp(author, 'name');
		const clean = name ? sanitizeLine(name) : null;
		if (clean && !names.includes(clean)) names.push(clean);
	}
	return names;
}

function bodyOf(item: unknown, base: string): Body {
	const html = stringProp(item, 'content_html');
	if (html?.trim()) return htmlToBody(html, base);
	const text = stringProp(item, 'content_text') ?? stringProp(item, 'summary');
	return text?.trim() ? textToBody(text) : [];
}

function readItem(item: unknown, base: string, feedAuthors: readonly SafeText[]): ParsedEntry | null {
	if (!isJsonRecord(item)) return null;
	const rawId = prop(item, 'id');
	const id = typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : typeof rawId === 'string' ? rawId : null;
	const rawUrl = stringProp(item, 'url') ?? stringProp(item, 'external_url');
	const title = stringProp(item, 'title');
	const published = stringProp(item, 'date_published');
	const body = bodyOf(item, base);
	const content = stringProp(item, 'content_html') ?? stringProp(item, 'content_text') ?? '';
	if (!id && !rawUrl && !title?.trim() && body.length === 0) return null;
	const authors = authorsOf(item);
	return {
		id: entryId({id, link: rawUrl, title, date: published, body: content}),
		title: title?.trim() ? sanitizeLine(title) : null,
		url: safeHttpUrl(rawUrl, base),
		published: parseFeedDate(published),
		updated: parseFeedDate(stringProp(item, 'date_modified')),
		authors: authors.length > 0 ? authors : [...feedAuthors],
		body,
		keyEvent: false,
		pinned: false,
		summary: false,
	};
}

export type JsonFeedRead = {readonly blog: ParsedBlog; readonly version: '1.0' | '1.1'};

function fail(url: string, message: string): LiveblogError {
	return new LiveblogError({kind: 'parse', message, url});
}

export function readJsonFeed(input: SourceText): JsonFeedRead {
	const parsed = parseJsonSafely(input.text);
	if (!parsed.ok) throw fail(input.url, parsed.reason);
	const feed = parsed.value;
	if (!isJsonRecord(feed)) throw fail(input.url, 'a JSON Feed must be an object');
	const items = prop(feed, 'items');
	if (!Array.isArray(items)) throw fail(input.url, 'a JSON Feed without an "items" array');
	const versionText = stringProp(feed, 'version') ?? '';
	// Relative home_page_url/feed_url resolve against the document itself, items against them.
	const home = resolveBase(stringProp(feed, 'home_page_url'), input.url);
	const base = stringProp(feed, 'home_page_url') ? home : resolveBase(stringProp(feed, 'feed_url'), input.url);
	const feedAuthors = authorsOf(feed);
	const entries: ParsedEntry[] = [];
	let skipped = 0;
	for (const item of items.slice(0, MAX_ENTRIES)) {
		try {
			const entry = readItem(item, base, feedAuthors);
			if (entry) entries.push(entry);
			else skipped++;
		} catch {
			skipped++;
		}
	}
	const title = stringProp(feed, 'title');
	const description = stringProp(feed, 'description');
	const live: LiveStatus = prop(feed, 'expired') === true ? 'ended' : 'unknown';
	return {
		version: versionText.endsWith('1.1') ? '1.1' : '1.0',
		blog: {
			format: 'jsonfeed',
			title: sanitizeLine(title?.trim() ? title : hostOf(input.url)),
			description: description?.trim() ? sanitizeLine(description) : null,
			homeUrl: safeHttpUrl(stringProp(feed, 'home_page_url'), input.url),
			live,
			entries: makeUnique(entries, entry => JSON.stringify([entry.title, entry.published, entry.body])),
			coverage: {kind: 'window'},
			hints: {},
			skipped,
		},
	};
}

export function parseJsonFeed(input: SourceText): ParsedBlog {
	return readJsonFeed(input).blog;
}
