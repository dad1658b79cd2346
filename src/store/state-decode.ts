/**
 * Reads a parsed state file (`unknown`) back into the model, strictly: every
 * field is checked, every string is sanitised again (resanitize.ts), every URL
 * passes safeHttpUrl again, and validators that would be sent back as HTTP
 * headers must be printable ASCII. Anything of the wrong shape throws a
 * StateShapeError naming where, and the loader moves the file aside.
 */
import type {Block, Blog, Body, Entry, EntryId, Inline, LiveStatus, PollHints, SourceFormat} from '../model/blog.js';
import {MAX_ENTRIES} from '../model/merge.js';
import {compareEntries} from '../model/order.js';
import type {Validators} from '../net/poll-events.js';
import {safeHttpUrl} from '../text/sanitize.js';
import {resanitizeBody, resanitizeLine} from './resanitize.js';

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

export class StateShapeError extends Error {
	override readonly name = 'StateShapeError';
}

type Json = {readonly [key: string]: unknown};

const FORMATS: readonly SourceFormat[] = ['rss', 'atom', 'rdf', 'jsonfeed', 'jsonld', 'guardian'];
const LIVE: readonly LiveStatus[] = ['live', 'ended', 'unknown'];
const MAX_ID_CHARS = 4096;
const MAX_VALIDATOR_KEYS = 64;
const HEADER_SAFE = /^[\x20-\x7e]{0,1024}$/;

function fail(where: string, what: string): never {
	throw new StateShapeError(`${where}: ${what}`);
}

function isRecord(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, where: string): Json {
	return isRecord(value) ? value : fail(where, 'not an object');
}

function array(value: unknown, where: string): readonly unknown[] {
	return Array.isArray(value) ? value : fail(where, 'not an array');
}

function string(value: unknown, where: string): string {
	return typeof value === 'string' ? value : fail(where, 'not a string');
}

function optionalString(value: unknown, where: string): string | null {
	return value === null ? null : string(value, where);
}

function finite(value: unknown, where: string): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fail(where, 'not a finite number');
}

function count(value: unknown, where: string): number {
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

export function decodeStoredBlog(value: unknown, expectedUrl: string): StoredBlog {
	const root = record(value, 'file');
	if (root['version'] !== STATE_VERSION) fail('version', `expected ${STATE_VERSION}`);
	const url = string(root['url'], 'url');
	if (url !== expectedUrl) fail('url', 'the file belongs to another address');
	const blog = decodeBlog(root['blog'], 'blog');
	const kept = new Set(blog.entries.map((entry) => entry.id));
	const seen = array(root['seen'], 'seen')
		.map((id, i) => string(id, `seen[${i}]`))
		.filter((id) => kept.has(id));
	return {
		version: STATE_VERSION,
		url,
		savedAt: finite(root['savedAt'], 'savedAt'),
		lastOpened: finite(root['lastOpened'], 'lastOpened'),
		blog,
		validators: decodeValidatorMap(root['validators'], 'validators'),
		seen,
	};
}

function decodeValidatorMap(value: unknown, where: string): Record<string, Validators> {
	const map = record(value, where);
	const keys = Object.keys(map);
	if (keys.length > MAX_VALIDATOR_KEYS) fail(where, 'too many keys');
	const pairs: [string, Validators][] = [];
	for (const key of keys) {
		// Object.fromEntries defines own properties, but a __proto__ key has no
		// legitimate use here and is dropped outright.
		if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
		pairs.push([key, decodeValidators(map[key], `${where}.${key.slice(0, 40)}`)]);
	}
	return Object.fromEntries(pairs);
}

function decodeValidators(value: unknown, where: string): Validators {
	const v = record(value, where);
	const header = (field: 'etag' | 'lastModified' | 'bodyHash'): {[K in typeof field]?: string} => {
		const raw = v[field];
		if (raw === undefined) return {};
		const text = string(raw, `${where}.${field}`);
		// These go back out as request headers: anything else would be a header
		// injection (or make undici throw), so an odd value is simply forgotten.
		return HEADER_SAFE.test(text) ? {[field]: text} : {};
	};
	return {...header('etag'), ...header('lastModified'), ...header('bodyHash')};
}

function decodeBlog(value: unknown, where: string): Blog {
	const b = record(value, where);
	const entries = array(b['entries'], `${where}.entries`).map((entry, i) => decodeEntry(entry, `${where}.entries[${i}]`));
	const unique = new Map<EntryId, Entry>();
	for (const entry of entries) if (!unique.has(entry.id)) unique.set(entry.id, entry);
	const ordered = [...unique.values()].sort(compareEntries).slice(0, MAX_ENTRIES);
	const description = optionalString(b['description'], `${where}.description`);
	const homeUrl = optionalString(b['homeUrl'], `${where}.homeUrl`);
	return {
		url: resanitizeLine(string(b['url'], `${where}.url`)),
		format: oneOf(b['format'], FORMATS, `${where}.format`),
		title: resanitizeLine(string(b['title'], `${where}.title`)),
		description: description === null ? null : resanitizeBody(description),
		homeUrl: safeHttpUrl(homeUrl),
		live: oneOf(b['live'], LIVE, `${where}.live`),
		entries: ordered,
		hints: decodeHints(b['hints'], `${where}.hints`),
		skipped: count(b['skipped'], `${where}.skipped`),
	};
}

function decodeHints(value: unknown, where: string): PollHints {
	const h = record(value, where);
	const hint = (field: keyof PollHints): PollHints => (h[field] === undefined ? {} : {[field]: finite(h[field], `${where}.${field}`)});
	return {...hint('ttlSeconds'), ...hint('updatePeriodSeconds'), ...hint('coverageEndsAt')};
}

function decodeEntry(value: unknown, where: string): Entry {
	const e = record(value, where);
	const id = string(e['id'], `${where}.id`);
	if (id === '' || id.length > MAX_ID_CHARS) fail(`${where}.id`, 'empty or too long');
	const title = optionalString(e['title'], `${where}.title`);
	const updated = e['updated'] === null ? null : finite(e['updated'], `${where}.updated`);
	return {
		id,
		title: title === null ? null : resanitizeLine(title),
		url: safeHttpUrl(optionalString(e['url'], `${where}.url`)),
		published: finite(e['published'], `${where}.published`),
		dated: oneOf(e['dated'], ['source', 'first-seen'] as const, `${where}.dated`),
		updated,
		authors: array(e['authors'], `${where}.authors`).map((a, i) => resanitizeLine(string(a, `${where}.authors[${i}]`))),
		body: decodeBody(e['body'], `${where}.body`),
		keyEvent: boolean(e['keyEvent'], `${where}.keyEvent`),
		pinned: boolean(e['pinned'], `${where}.pinned`),
		summary: boolean(e['summary'], `${where}.summary`),
		firstSeen: finite(e['firstSeen'], `${where}.firstSeen`),
		revision: count(e['revision'], `${where}.revision`),
	};
}

function decodeBody(value: unknown, where: string): Body {
	return array(value, where).map((block, i) => decodeBlock(block, `${where}[${i}]`));
}

function decodeBlock(value: unknown, where: string): Block {
	const b = record(value, where);
	const kind = oneOf(b['kind'], ['paragraph', 'heading', 'list-item', 'quote', 'caption', 'preformatted', 'rule'] as const, `${where}.kind`);
	switch (kind) {
		case 'paragraph':
		case 'heading':
		case 'caption':
			return {kind, inlines: decodeInlines(b['inlines'], `${where}.inlines`)};
		case 'list-item':
			return {
				kind,
				inlines: decodeInlines(b['inlines'], `${where}.inlines`),
				depth: count(b['depth'], `${where}.depth`),
				marker: resanitizeLine(string(b['marker'], `${where}.marker`)),
			};
		case 'quote': {
			const inlines = decodeInlines(b['inlines'], `${where}.inlines`);
			if (b['cite'] === undefined) return {kind, inlines};
			return {kind, inlines, cite: resanitizeLine(string(b['cite'], `${where}.cite`))};
		}
		case 'preformatted':
			return {kind, text: resanitizeBody(string(b['text'], `${where}.text`))};
		case 'rule':
			return {kind};
	}
}

function decodeInlines(value: unknown, where: string): readonly Inline[] {
	return array(value, where).map((inline, i) => decodeInline(inline, `${where}[${i}]`));
}

/**
 * Inline text is re-sanitised in body mode: runs inside a block may carry
 * line breaks and meaningful edge spaces ("Read " + link), which line mode
 * would trim away.
 */
function decodeInline(value: unknown, where: string): Inline {
	const r = record(value, where);
	const kind = oneOf(r['kind'], ['text', 'link', 'break'] as const, `${where}.kind`);
	switch (kind) {
		case 'text': {
			const text = resanitizeBody(string(r['text'], `${where}.text`));
			if (r['style'] === undefined) return {kind, text};
			return {kind, text, style: oneOf(r['style'], ['strong', 'emphasis', 'code'] as const, `${where}.style`)};
		}
		case 'link': {
			const text = resanitizeBody(string(r['text'], `${where}.text`));
			const href = safeHttpUrl(string(r['href'], `${where}.href`));
			// A link whose target is no longer an http(s) URL keeps its words only.
			return href === null ? {kind: 'text', text} : {kind, text, href};
		}
		case 'break':
			return {kind};
	}
}
