/**
 * Reads a parsed state file (`unknown`) back into the model, strictly: every
 * field is checked, every string is sanitised again (resanitize.ts), every URL
 * gets safeHttpUrl's answer again (resafeUrl), and validators that would be sent back as HTTP
 * headers must be printable ASCII. Anything of the wrong shape throws a
 * StateShapeError naming where, and the loader moves the file aside.
 */
import type {Block, Blog, Entry, EntryId, Inline, LiveStatus, PollHints, SourceFormat} from '../model/blog.js';
import {MAX_ENTRIES} from '../model/merge.js';
import {compareEntries} from '../model/order.js';
import type {Validators} from '../net/poll-events.js';
import type {SafeText} from '../text/sanitize.js';
import {resafeUrl, resanitizeBody, resanitizeLine} from './resanitize.js';

export const STATE_VERSION = 1;

export type StoredBlog = {
	readonly version: typeof STATE_VERSION;
	/** The address the reader asked for: the key of the file. */
	readonly url: string;
	readonly savedAt: number;
	readonly lastOpened: number;
	readonly blog: Blog;
	readonly validators: Readonly<Record<string, Validators>>;
	/** Entries the reader was not told are new; see unseenOnRestore. */
	readonly seen: readonly EntryId[];
};

/**
 * `where` names the bad field from the root (`blog.entries[3].published`).
 * Paths are put together only when something is wrong: each level adds its
 * own part while the error unwinds, so a good file, the case at every start,
 * builds no path strings at all (thousands of entries, blocks and inlines).
 */
export class StateShapeError extends Error {
	override readonly name = 'StateShapeError';
	constructor(
		readonly where: string,
		readonly what: string,
	) {
		super(`${where}: ${what}`);
	}
}

type Json = {readonly [key: string]: unknown};

const FORMATS: readonly SourceFormat[] = ['rss', 'atom', 'rdf', 'jsonfeed', 'jsonld', 'guardian'];
const LIVE: readonly LiveStatus[] = ['live', 'ended', 'unknown'];
const DATED = ['source', 'first-seen'] as const;
const BLOCK_KINDS = ['paragraph', 'heading', 'list-item', 'quote', 'caption', 'preformatted', 'rule'] as const;
const INLINE_KINDS = ['text', 'link', 'break'] as const;
const STYLES = ['strong', 'emphasis', 'code'] as const;
const MAX_ID_CHARS = 4096;
const MAX_VALIDATOR_KEYS = 64;
const HEADER_SAFE = /^[\x20-\x7e]{0,1024}$/;

function fail(where: string, what: string): never {
	throw new StateShapeError(where, what);
}

/** Puts `part` in front of the path of an error thrown below it; other errors pass as they are. */
function nested(error: unknown, part: string): unknown {
	if (!(error instanceof StateShapeError)) return error;
	const where = error.where === '' ? part : error.where.startsWith('[') ? `${part}${error.where}` : `${part}.${error.where}`;
	return new StateShapeError(where, error.what);
}

export function isRecord(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown, where: string): Json {
	return isRecord(value) ? value : fail(where, 'not an object');
}

function array(value: unknown, where: string): readonly unknown[] {
	return Array.isArray(value) ? value : fail(where, 'not an array');
}

/** Decodes every item, naming the index of the one that fails. */
export function each<T>(value: unknown, where: string, decode: (item: unknown, index: number) => T): T[] {
	const items = array(value, where);
	const out = new Array<T>(items.length);
	for (let i = 0; i < items.length; i++) {
		try {
			out[i] = decode(items[i], i);
		} catch (error) {
			throw nested(error, `${where}[${i}]`);
		}
	}
	return out;
}

export function string(value: unknown, where: string): string {
	return typeof value === 'string' ? value : fail(where, 'not a string');
}

function optionalString(value: unknown, where: string): string | null {
	return value === null ? null : string(value, where);
}

function finite(value: unknown, where: string): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fail(where, 'not a finite number');
}

export function count(value: unknown, where: string): number {
	const n = finite(value, where);
	return Number.isInteger(n) && n >= 0 ? n : fail(where, 'not a count');
}

function boolean(value: unknown, where: string): boolean {
	return typeof value === 'boolean' ? value : fail(where, 'not a boolean');
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
	const found = allowed.find((candidate) => candidate === value);
	return found ?? fail(where, `not one of ${allowed.join('|')}`);
}

/** Decodes one field that is itself an object, naming it if something inside fails. */
export function within<T>(part: string, decode: () => T): T {
	try {
		return decode();
	} catch (error) {
		throw nested(error, part);
	}
}

/** `known`: entries already decoded, by index (state-head-decode.ts), taken as they are. */
export function decodeStoredBlog(value: unknown, expectedUrl: string, known: ReadonlyMap<number, Entry> = new Map()): StoredBlog {
	return decodeRoot(value, expectedUrl, (blog) => {
		const decoded = decodeBlog(blog, (entries) => orderedEntries(entries, known));
		return {blog: decoded, kept: new Set(decoded.entries.map((entry) => entry.id))};
	});
}

export function decodeRoot(value: unknown, expectedUrl: string, blogOf: (blog: unknown) => {readonly blog: Blog; readonly kept: ReadonlySet<EntryId>}): StoredBlog {
	const root = record(value, 'file');
	if (root['version'] !== STATE_VERSION) fail('version', `expected ${STATE_VERSION}`);
	const url = string(root['url'], 'url');
	if (url !== expectedUrl) fail('url', 'the file belongs to another address');
	const {blog, kept} = within('blog', () => blogOf(root['blog']));
	const seen = each(root['seen'], 'seen', (id) => string(id, '')).filter((id) => kept.has(id));
	return {
		version: STATE_VERSION,
		url,
		savedAt: finite(root['savedAt'], 'savedAt'),
		lastOpened: finite(root['lastOpened'], 'lastOpened'),
		blog,
		validators: within('validators', () => decodeValidatorMap(root['validators'])),
		seen,
	};
}

/** Every entry decoded (those in `known` already are, by index), unique by id, in order, as many as are kept. */
function orderedEntries(value: unknown, known: ReadonlyMap<number, Entry>): Entry[] {
	const entries = each(value, 'entries', (item, i) => known.get(i) ?? decodeEntry(item));
	const unique = new Map<EntryId, Entry>();
	for (const entry of entries) if (!unique.has(entry.id)) unique.set(entry.id, entry);
	return [...unique.values()].sort(compareEntries).slice(0, MAX_ENTRIES);
}

function decodeValidatorMap(value: unknown): Record<string, Validators> {
	const map = record(value, '');
	const keys = Object.keys(map);
	if (keys.length > MAX_VALIDATOR_KEYS) fail('', 'too many keys');
	const pairs: [string, Validators][] = [];
	for (const key of keys) {
		// Object.fromEntries defines own properties, but a __proto__ key has no
		// legitimate use here and is dropped outright.
		if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
		pairs.push([key, within(key.slice(0, 40), () => decodeValidators(map[key]))]);
	}
	return Object.fromEntries(pairs);
}

function decodeValidators(value: unknown): Validators {
	const v = record(value, '');
	const header = (field: 'etag' | 'lastModified' | 'bodyHash'): {[K in typeof field]?: string} => {
		const raw = v[field];
		if (raw === undefined) return {};
		const text = string(raw, field);
		// These go back out as request headers: anything else would be a header
		// injection (or make undici throw), so an odd value is simply forgotten.
		return HEADER_SAFE.test(text) ? {[field]: text} : {};
	};
	return {...header('etag'), ...header('lastModified'), ...header('bodyHash')};
}

export function decodeBlog(value: unknown, entriesOf: (entries: unknown) => Entry[]): Blog {
	const b = record(value, '');
	const ordered = entriesOf(b['entries']);
	const description = optionalString(b['description'], 'description');
	const homeUrl = optionalString(b['homeUrl'], 'homeUrl');
	return {
		url: resanitizeLine(string(b['url'], 'url')),
		format: oneOf(b['format'], FORMATS, 'format'),
		title: resanitizeLine(string(b['title'], 'title')),
		description: description === null ? null : resanitizeBody(description),
		homeUrl: resafeUrl(homeUrl),
		live: oneOf(b['live'], LIVE, 'live'),
		entries: ordered,
		hints: within('hints', () => decodeHints(b['hints'])),
		skipped: count(b['skipped'], 'skipped'),
	};
}

function decodeHints(value: unknown): PollHints {
	const h = record(value, '');
	const hint = (field: keyof PollHints): PollHints => (h[field] === undefined ? {} : {[field]: finite(h[field], field)});
	return {...hint('ttlSeconds'), ...hint('updatePeriodSeconds'), ...hint('coverageEndsAt')};
}

function decodeAuthor(value: unknown): SafeText {
	return resanitizeLine(string(value, ''));
}

export function decodeEntry(value: unknown): Entry {
	const e = record(value, '');
	const id = string(e['id'], 'id');
	if (id === '' || id.length > MAX_ID_CHARS) fail('id', 'empty or too long');
	const title = optionalString(e['title'], 'title');
	const updated = e['updated'] === null ? null : finite(e['updated'], 'updated');
	return {
		id,
		title: title === null ? null : resanitizeLine(title),
		url: resafeUrl(optionalString(e['url'], 'url')),
		published: finite(e['published'], 'published'),
		dated: oneOf(e['dated'], DATED, 'dated'),
		updated,
		authors: each(e['authors'], 'authors', decodeAuthor),
		body: each(e['body'], 'body', decodeBlock),
		keyEvent: boolean(e['keyEvent'], 'keyEvent'),
		pinned: boolean(e['pinned'], 'pinned'),
		summary: boolean(e['summary'], 'summary'),
		firstSeen: finite(e['firstSeen'], 'firstSeen'),
		revision: count(e['revision'], 'revision'),
	};
}

function decodeBlock(value: unknown): Block {
	const b = record(value, '');
	const kind = oneOf(b['kind'], BLOCK_KINDS, 'kind');
	switch (kind) {
		case 'paragraph':
		case 'heading':
		case 'caption':
			return {kind, inlines: each(b['inlines'], 'inlines', decodeInline)};
		case 'list-item':
			return {
				kind,
				inlines: each(b['inlines'], 'inlines', decodeInline),
				depth: count(b['depth'], 'depth'),
				marker: resanitizeLine(string(b['marker'], 'marker')),
			};
		case 'quote': {
			const inlines = each(b['inlines'], 'inlines', decodeInline);
			if (b['cite'] === undefined) return {kind, inlines};
			return {kind, inlines, cite: resanitizeLine(string(b['cite'], 'cite'))};
		}
		case 'preformatted':
			return {kind, text: resanitizeBody(string(b['text'], 'text'))};
		case 'rule':
			return {kind};
	}
}

/**
 * Inline text is re-sanitised in body mode: runs inside a block may carry
 * line breaks and meaningful edge spaces ("Read " + link), which line mode
 * would trim away.
 */
function decodeInline(value: unknown): Inline {
	const r = record(value, '');
	const kind = oneOf(r['kind'], INLINE_KINDS, 'kind');
	switch (kind) {
		case 'text': {
			const text = resanitizeBody(string(r['text'], 'text'));
			if (r['style'] === undefined) return {kind, text};
			return {kind, text, style: oneOf(r['style'], STYLES, 'style')};
		}
		case 'link': {
			const text = resanitizeBody(string(r['text'], 'text'));
			const href = resafeUrl(string(r['href'], 'href'));
			// A link whose target is no longer an http(s) URL keeps its words only.
			return href === null ? {kind: 'text', text} : {kind, text, href};
		}
		case 'break':
			return {kind};
	}
}
