/**
 * The Guardian Content API item response for a live blog
 * (`{"response": {"status", "content": {fields, tags, blocks}}}`).
 *
 * Blocks come from `blocks.body` (all of them, when asked for `body`/`all`)
 * and `blocks.requestedBodyBlocks` (a map from the query, e.g.
 * "body:latest:50", "body:key-events", "body:published-since:…", to blocks).
 * One block may sit in several lists; it becomes one entry whose flags are
 * the union of its attributes and the lists it appeared in.
 *
 * Attributes arrive as JSON booleans (current API) or the strings "true"
 * (older serialisation); dates with or without milliseconds and offsets.
 */
import type {Coverage, LiveStatus, ParsedBlog, ParsedEntry} from '../model/blog.js';
import {LiveblogError} from '../errors.js';
import {safeHttpUrl, sanitizeLine, type SafeText} from '../text/sanitize.js';
import {parseFeedDate} from './dates.js';
import {htmlToBody, htmlToLine, textToBody} from './html-body.js';
import {hostOf, entryId} from './ids.js';
import {isJsonRecord, MAX_ENTRIES, parseJsonSafely, prop, stringProp} from './json-feed.js';
import type {SourceText} from './source.js';

function fail(url: string, message: string): LiveblogError {
	return new LiveblogError({kind: 'parse', message: sanitizeLine(message, 300), url});
}

/** `true` or `"true"` (any case); everything else is false. */
export function guardianFlag(value: unknown): boolean {
	return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

function liveStatus(value: unknown): LiveStatus {
	if (guardianFlag(value)) return 'live';
	if (value === false || (typeof value === 'string' && value.trim().toLowerCase() === 'false')) return 'ended';
	return 'unknown';
}

type ListFlags = {keyEvent: boolean; pinned: boolean; summary: boolean};

function flagsOfList(query: string): ListFlags {
	return {keyEvent: query === 'body:key-events', pinned: query === 'body:pinned', summary: query === 'body:summary'};
}

/** Contributor tag ids → names, from `show-tags=contributor`. */
function contributorNames(content: unknown): Map<string, string> {
	const names = new Map<string, string>();
	const tags = prop(content, 'tags');
	if (!Array.isArray(tags)) return names;
	for (const tag of tags) {
		const id = stringProp(tag, 'id');
		const title = stringProp(tag, 'webTitle');
		if (id && title) names.set(id, title);
	}
	return names;
}

function personName(person: unknown): string | null {
	const first = stringProp(person, 'firstName')?.trim() ?? '';
	const last = stringProp(person, 'lastName')?.trim() ?? '';
	const name = `${first} ${last}`.trim();
	// An editor account with only an e-mail address is not a byline.
	return name === '' ? null : name;
}

function authorsOf(block: unknown, tagNames: ReadonlyMap<string, string>): SafeText[] {
	const names: string[] = [];
	const contributors = prop(block, 'contributors');
	if (Array.isArray(contributors)) {
		for (const contributor of contributors) {
			const name =
				typeof contributor === 'string'
					? (tagNames.get(contributor) ?? null)
					: (stringProp(contributor, 'webTitle') ?? stringProp(contributor, 'name') ?? personName(contributor));
			if (name?.trim()) names.push(name);
		}
	}
	if (names.length === 0) {
		const creator = personName(prop(block, 'createdBy'));
		if (creator !== null) names.push(creator);
	}
	const clean = names.map((name) => sanitizeLine(name)).filter((name) => name !== '');
	return [...new Set(clean)];
}

function blockUrl(webUrl: string | null, id: string): string | null {
	if (webUrl === null) return null;
	// The Guardian's own permalink form for a block.
	return safeHttpUrl(`${webUrl.split(/[?#]/)[0]}?page=with:block-${encodeURIComponent(id)}#block-${encodeURIComponent(id)}`);
}

function readBlock(block: unknown, list: ListFlags, webUrl: string | null, base: string, tagNames: ReadonlyMap<string, string>): ParsedEntry | null {
	const rawId = stringProp(block, 'id')?.trim();
	if (!rawId) return null;
	// Ids reach --json and state files: cleaned the same way as every other adapter's.
	const id = entryId({id: rawId, link: null, title: null, date: null, body: null});
	const attributes = prop(block, 'attributes');
	const rawTitle = stringProp(block, 'title') ?? stringProp(attributes, 'title');
	const title = rawTitle?.trim() ? sanitizeLine(rawTitle) : null;
	const html = stringProp(block, 'bodyHtml');
	const summary = stringProp(block, 'bodyTextSummary');
	const body = html?.trim() ? htmlToBody(html, webUrl ?? base) : summary?.trim() ? textToBody(summary) : [];
	const firstPublished = parseFeedDate(stringProp(block, 'firstPublishedDate'));
	const published = firstPublished ?? parseFeedDate(stringProp(block, 'publishedDate')) ?? parseFeedDate(stringProp(block, 'createdDate'));
	const republished = parseFeedDate(stringProp(block, 'publishedDate'));
	const updated = parseFeedDate(stringProp(block, 'lastModifiedDate')) ?? (republished !== published ? republished : null);
	return {
		id,
		title,
		url: blockUrl(webUrl, id),
		published,
		updated,
		authors: authorsOf(block, tagNames),
		body,
		keyEvent: list.keyEvent || guardianFlag(prop(attributes, 'keyEvent')),
		pinned: list.pinned || guardianFlag(prop(attributes, 'pinned')),
		summary: list.summary || guardianFlag(prop(attributes, 'summary')),
	};
}

/**
 * What the answer covers. All body blocks: a window. The latest N (plus key
 * events and pinned posts, which may be much older): a window that starts at
 * the oldest of those N, so an older post that is merely outside the 50 is
 * not taken for deleted. Only `published-since`/`around` lists: additions.
 */
function coverageOf(blocks: unknown, entriesByList: ReadonlyMap<string, readonly ParsedEntry[]>): Coverage {
	if (Array.isArray(prop(blocks, 'body'))) return {kind: 'window'};
	for (const [query, entries] of entriesByList) {
		if (!/^body:latest(?::\d+)?$/.test(query)) continue;
		const dates = entries.map((entry) => entry.published).filter((date): date is number => date !== null);
		return dates.length === 0 ? {kind: 'window'} : {kind: 'window-since', since: Math.min(...dates)};
	}
	return {kind: 'additions'};
}

function responseOf(input: SourceText): unknown {
	const parsed = parseJsonSafely(input.text);
	if (!parsed.ok) throw fail(input.url, parsed.reason);
	const response = prop(parsed.value, 'response');
	if (response === undefined) {
		const message = stringProp(parsed.value, 'message');
		throw fail(input.url, message ? `Guardian API: ${message}` : 'not a Guardian Content API response');
	}
	if (stringProp(response, 'status') === 'error') {
		throw fail(input.url, `Guardian API error: ${stringProp(response, 'message') ?? 'no message'}`);
	}
	return response;
}

export function parseGuardianResponse(input: SourceText): ParsedBlog {
	const content = prop(responseOf(input), 'content');
	if (!isJsonRecord(content)) throw fail(input.url, 'a Guardian API response without "content" (not a single item)');
	const fields = prop(content, 'fields');
	const webUrl = safeHttpUrl(stringProp(content, 'webUrl'));
	const tagNames = contributorNames(content);
	const blocks = prop(content, 'blocks');

	const lists: [string, unknown][] = [];
	const body = prop(blocks, 'body');
	if (Array.isArray(body)) lists.push(['body', body]);
	const requested = prop(blocks, 'requestedBodyBlocks');
	if (isJsonRecord(requested)) for (const query of Object.keys(requested)) lists.push([query, requested[query]]);

	const byId = new Map<string, ParsedEntry>();
	const entriesByList = new Map<string, ParsedEntry[]>();
	let skipped = 0;
	for (const [query, list] of lists) {
		if (!Array.isArray(list)) continue;
		const listEntries: ParsedEntry[] = [];
		for (const block of list) {
			if (byId.size >= MAX_ENTRIES) break;
			// Drafts can appear in some API tiers; they are not posts yet.
			if (prop(block, 'published') === false) continue;
			let entry: ParsedEntry | null = null;
			try {
				entry = readBlock(block, flagsOfList(query), webUrl, input.url, tagNames);
			} catch {
				entry = null;
			}
			if (entry === null) {
				skipped++;
				continue;
			}
			const seen = byId.get(entry.id);
			const merged = seen === undefined ? entry : {...seen, keyEvent: seen.keyEvent || entry.keyEvent, pinned: seen.pinned || entry.pinned, summary: seen.summary || entry.summary};
			byId.set(entry.id, merged);
			listEntries.push(merged);
		}
		entriesByList.set(query, listEntries);
	}

	const headline = stringProp(fields, 'headline') ?? stringProp(content, 'webTitle');
	const standfirst = stringProp(fields, 'standfirst');
	const description = standfirst?.trim() ? htmlToLine(standfirst) : null;
	return {
		format: 'guardian',
		title: headline?.trim() ? htmlToLine(headline) : sanitizeLine(hostOf(input.url)),
		description: description === '' ? null : description,
		homeUrl: webUrl,
		live: liveStatus(prop(fields, 'liveBloggingNow')),
		entries: [...byId.values()],
		coverage: coverageOf(blocks, entriesByList),
		hints: {},
		skipped,
	};
}

export type GuardianSearchHit = {readonly id: string; readonly title: SafeText; readonly webUrl: string | null};

/** The first result of a `/search` answer (asked newest first), or null when there is none. */
export function parseGuardianSearch(input: SourceText): GuardianSearchHit | null {
	const results = prop(responseOf(input), 'results');
	if (!Array.isArray(results)) throw fail(input.url, 'a Guardian API search response without "results"');
	for (const result of results) {
		const id = stringProp(result, 'id')?.trim();
		if (!id) continue;
		const title = stringProp(prop(result, 'fields'), 'headline') ?? stringProp(result, 'webTitle') ?? id;
		return {id, title: htmlToLine(title), webUrl: safeHttpUrl(stringProp(result, 'webUrl'))};
	}
	return null;
}
