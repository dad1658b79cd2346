/**
 * schema.org `LiveBlogPosting` in a news page's `application/ld+json`
 * scripts. The scripts are found with htmlparser2 (script content is raw
 * text, so nothing in it is decoded by the HTML parser), each is read as
 * JSON, leniently, and the posting is looked for anywhere: top level, arrays,
 * `@graph`, `mainEntity` or any other nesting.
 *
 * Lenient reading, because publishers' JSON-LD is often broken: trailing
 * commas, raw newlines inside strings and a whole script entity-escaped are
 * repaired; a script that still cannot be read is skipped and the others are
 * used. Values are read as own properties only (no prototype is touched),
 * nesting is bounded before parsing, and the walk is bounded in nodes.
 *
 * Live status, decided without knowing "now" (adapters are pure): the
 * reference time is the response's Date header, else the newest time the
 * document states. coverageEndTime at or before it: ENDED; after it: LIVE.
 * An end time with no reference: ENDED. A start time and no end: LIVE.
 * Neither: unknown. The end time always goes to hints.coverageEndsAt.
 *
 * A page whose posting has no `liveBlogUpdate` at all gives null, so the
 * caller goes on to feed autodiscovery; an empty list is an empty live blog.
 */
import type {LiveStatus, ParsedBlog, ParsedEntry} from '../model/blog.js';
import {normaliseTitles} from '../model/key-events.js';
import {safeHttpUrl, sanitizeLine, type SafeText} from '../text/sanitize.js';
import {parseFeedDate} from './dates.js';
import {BoundedParser, bodyFromMarkup, htmlToLine} from './html-body.js';
import {entryId, hostOf, makeUnique} from './ids.js';
import {isJsonRecord, MAX_ENTRIES, parseJsonSafely, prop, stringProp, type JsonRecord} from './json-feed.js';
import type {SourceText} from './source.js';

const MAX_SCRIPTS = 50;
const MAX_WALK_NODES = 200_000;
const MAX_WALK_DEPTH = 64;

/** The text of every `<script type="application/ld+json">`, in page order. */
export function jsonLdScripts(html: string): string[] {
	const scripts: string[] = [];
	let current: string | null = null;
	// Bounded: a page nested thousands deep would otherwise cost htmlparser2 quadratic time.
	const parser = new BoundedParser(
		{
			onopentag(name, attribs) {
				const type = (attribs['type'] ?? '').split(';')[0]?.trim().toLowerCase();
				if (name === 'script' && type === 'application/ld+json' && scripts.length < MAX_SCRIPTS) current = '';
			},
			ontext(text) {
				if (current !== null) current += text;
			},
			onclosetag(name) {
				if (name === 'script' && current !== null) {
					scripts.push(current);
					current = null;
				}
			},
		},
		{decodeEntities: true},
	);
	parser.write(html);
	parser.end();
	return scripts;
}

/**
 * Repairs what commonly breaks JSON-LD: comment or CDATA wrappers, trailing
 * commas, and raw control characters (newlines, tabs) inside strings.
 */
export function repairJson(text: string): string {
	const body = text
		.trim()
		.replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
		.replace(/(?:-->|\/\/\s*\]\]>|\]\]>)$/, '');
	let out = '';
	let inString = false;
	for (let i = 0; i < body.length; i++) {
		const ch = body[i] ?? '';
		const code = ch.charCodeAt(0);
		if (inString) {
			if (ch === '\\') {
				out += ch + (body[i + 1] ?? '');
				i++;
			} else if (ch === '"') {
				inString = false;
				out += ch;
			} else if (code < 0x20) {
				out += code === 0x0a ? '\\n' : code === 0x09 ? '\\t' : code === 0x0d ? '\\r' : `\\u${code.toString(16).padStart(4, '0')}`;
			} else {
				out += ch;
			}
			continue;
		}
		if (ch === '"') inString = true;
		if (ch === ',') {
			const rest = /^\s*([}\]])/.exec(body.slice(i + 1, i + 200));
			if (rest) continue;
		}
		out += ch;
	}
	return out;
}

function decodeEntitiesOnly(text: string): string {
	let out = '';
	const parser = new BoundedParser({ontext: (data) => (out += data)}, {decodeEntities: true});
	parser.write(text);
	parser.end();
	return out;
}

/** A script as JSON, or undefined when even the repaired text cannot be read. */
export function readJsonLd(script: string): unknown {
	const attempts = [script, repairJson(script)];
	if (/&(?:quot|#34|#x22);/i.test(script)) attempts.push(repairJson(decodeEntitiesOnly(script)));
	for (const attempt of attempts) {
		const parsed = parseJsonSafely(attempt);
		if (parsed.ok) return parsed.value;
	}
	return undefined;
}

function typesOf(node: JsonRecord): string[] {
	const type = prop(node, '@type');
	const list = Array.isArray(type) ? type : [type];
	return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''));
}

/** Every LiveBlogPosting in a JSON value, depth-first, bounded. */
export function findLiveBlogPostings(root: unknown): JsonRecord[] {
	const found: JsonRecord[] = [];
	let visited = 0;
	const walk = (node: unknown, depth: number): void => {
		if (depth > MAX_WALK_DEPTH || visited++ > MAX_WALK_NODES) return;
		if (Array.isArray(node)) {
			for (const item of node) walk(item, depth + 1);
			return;
		}
		if (!isJsonRecord(node)) return;
		if (typesOf(node).includes('LiveBlogPosting')) {
			found.push(node);
			return;
		}
		for (const key of Object.keys(node)) walk(node[key], depth + 1);
	};
	walk(root, 0);
	return found;
}

/** A string, or the first string of an array, or an object's `@id`/`url`/`name`. */
function textOf(value: unknown, objectKeys: readonly string[] = []): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (Array.isArray(value)) {
		for (const item of value) {
			const text = textOf(item, objectKeys);
			if (text !== null) return text;
		}
		return null;
	}
	for (const key of objectKeys) {
		const text = stringProp(value, key);
		if (text !== null) return text;
	}
	return null;
}

function authorsOf(value: unknown): SafeText[] {
	const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
	const names: SafeText[] = [];
	for (const author of list) {
		const name = typeof author === 'string' ? author : textOf(prop(author, 'name'));
		const clean = name?.trim() ? htmlToLine(name) : null;
		if (clean && !names.includes(clean)) names.push(clean);
	}
	return names;
}

function readUpdate(update: unknown, base: string): ParsedEntry | null {
	if (!isJsonRecord(update)) return null;
	const headline = textOf(prop(update, 'headline')) ?? textOf(prop(update, 'name'));
	const markup = textOf(prop(update, 'articleBody')) ?? textOf(prop(update, 'text')) ?? textOf(prop(update, 'description'));
	const rawUrl = textOf(prop(update, 'url'), ['@id', 'url']);
	const rawId = textOf(prop(update, '@id'));
	const url = safeHttpUrl(rawUrl ?? rawId, base);
	const published = parseFeedDate(textOf(prop(update, 'datePublished'))) ?? parseFeedDate(textOf(prop(update, 'dateCreated')));
	const modified = parseFeedDate(textOf(prop(update, 'dateModified')));
	const body = markup?.trim() ? bodyFromMarkup(markup, url ?? base) : [];
	const title = headline?.trim() ? htmlToLine(headline) : null;
	if (body.length === 0 && !title) return null;
	// `@id` (often "<page>#post-123") is the most stable identity; the url next.
	const resolvedId = rawId ? (safeHttpUrl(rawId, base) ?? rawId) : null;
	const id = entryId({id: resolvedId, link: url, title: headline, date: textOf(prop(update, 'datePublished')), body: markup});
	return {
		id,
		title: title === '' ? null : title,
		url,
		published,
		updated: modified !== null && modified !== published ? modified : null,
		authors: authorsOf(prop(update, 'author')),
		body,
		keyEvent: false,
		pinned: false,
		summary: false,
	};
}

function liveStatus(start: number | null, end: number | null, reference: number | null): LiveStatus {
	if (end !== null) return reference !== null && end > reference ? 'live' : 'ended';
	return start !== null ? 'live' : 'unknown';
}

function postingScore(posting: JsonRecord): number {
	const updates = prop(posting, 'liveBlogUpdate');
	return Array.isArray(updates) ? updates.length : updates === undefined ? -1 : 1;
}

export function parseJsonLdPage(input: SourceText): ParsedBlog | null {
	const postings: JsonRecord[] = [];
	for (const script of jsonLdScripts(input.text)) {
		const value = readJsonLd(script);
		if (value !== undefined) postings.push(...findLiveBlogPostings(value));
	}
	// Several postings (a page listing related blogs): the one with the most updates.
	let posting: JsonRecord | null = null;
	for (const candidate of postings) if (posting === null || postingScore(candidate) > postingScore(posting)) posting = candidate;
	if (posting === null || !Object.hasOwn(posting, 'liveBlogUpdate')) return null;

	const home = safeHttpUrl(textOf(prop(posting, 'url'), ['@id', 'url']) ?? textOf(prop(posting, 'mainEntityOfPage'), ['@id', 'url']), input.url);
	const base = home ?? input.url;
	const raw = prop(posting, 'liveBlogUpdate');
	const updates = (Array.isArray(raw) ? raw : [raw]).slice(0, MAX_ENTRIES);
	const entries: ParsedEntry[] = [];
	let skipped = 0;
	for (const update of updates) {
		try {
			const entry = readUpdate(update, base);
			if (entry === null) skipped++;
			else entries.push(entry);
		} catch {
			skipped++;
		}
	}

	const start = parseFeedDate(textOf(prop(posting, 'coverageStartTime')));
	const end = parseFeedDate(textOf(prop(posting, 'coverageEndTime')));
	const stated = [parseFeedDate(textOf(prop(posting, 'dateModified'))), ...entries.flatMap((entry) => [entry.published, entry.updated])];
	const newestStated = stated.reduce<number | null>((max, time) => (time !== null && (max === null || time > max) ? time : max), null);
	const reference = parseFeedDate(input.headers['date']) ?? newestStated;
	const headline = textOf(prop(posting, 'headline')) ?? textOf(prop(posting, 'name'));
	const description = textOf(prop(posting, 'description'));
	const descriptionLine = description?.trim() ? htmlToLine(description) : null;
	const unique = makeUnique(entries, (entry) => JSON.stringify([entry.title, entry.published, entry.body]));
	return {
		format: 'jsonld',
		title: headline?.trim() ? htmlToLine(headline) : sanitizeLine(hostOf(input.url)),
		description: descriptionLine === '' ? null : descriptionLine,
		homeUrl: home,
		live: liveStatus(start, end, reference),
		entries: normaliseTitles(unique, false),
		coverage: {kind: 'window'},
		hints: end === null ? {} : {coverageEndsAt: end},
		skipped,
	};
}
