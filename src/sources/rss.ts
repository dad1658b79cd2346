/**
 * RSS 2.0, RSS 0.9x and RSS 1.0 (RDF). One reader for all three: RDF puts
 * items beside <channel> instead of inside it and names them by rdf:about,
 * the rest is the same vocabulary (title, link, description, dc:*).
 */
import type {Body, ParsedBlog, ParsedEntry, PollHints} from '../model/blog.js';
import {bodyText} from '../model/key-events.js';
import {LiveblogError} from '../errors.js';
import {safeHttpUrl, sanitizeLine, type SafeText} from '../text/sanitize.js';
import type {SourceText} from './source.js';
import {parseFeedDate} from './dates.js';
import {htmlToBody} from './html-body.js';
import {entryId, hostOf, makeUnique} from './ids.js';
import {all, attr, firstText, isObject, own, parseXml, rootName, textOf, withBase} from './xml.js';
import {NS, allNs, firstTextNs, nsContext, type NsContext} from './xml-namespaces.js';
import {decodeResidualEntities, repairMojibake} from './text-repair.js';

export const MAX_ENTRIES = 5000;

export type RssRead = {readonly blog: ParsedBlog; readonly label: string};

/** A one-line field: entities XML left behind decoded, then sanitised; empty is null. */
export function lineField(raw: string | null): SafeText | null {
	if (raw === null) return null;
	const line = sanitizeLine(repairMojibake(decodeResidualEntities(raw)));
	return line === '' ? null : line;
}

/** A field that may hold markup (channel descriptions, html titles) as one line of text. */
export function htmlLine(raw: string | null): SafeText | null {
	if (raw === null || raw.trim() === '') return null;
	if (!/[<&]/.test(raw)) return lineField(raw);
	const line = sanitizeLine(bodyText(htmlToBody(repairMojibake(raw), null)));
	return line === '' ? null : line;
}

function firstDate(candidates: readonly (string | null)[]): {raw: string | null; ms: number | null} {
	for (const raw of candidates) {
		const ms = parseFeedDate(raw);
		if (ms !== null) return {raw, ms};
	}
	return {raw: candidates.find(c => c !== null) ?? null, ms: null};
}

/** RSS <author> is "email (Name)" by the spec; the name is what a reader wants. */
function authorName(raw: string): string {
	const named = /^\S+@\S+\s*\((.+)\)\s*$/.exec(raw);
	return named?.[1] ?? raw;
}

function authorsOf(context: NsContext, item: unknown): SafeText[] {
	const names: SafeText[] = [];
	const raws = [...allNs(context, item, NS.dc, 'creator'), ...all(item, 'author')];
	for (const node of raws) {
		const text = textOf(node)?.trim();
		const name = text ? lineField(authorName(text)) : null;
		if (name && !names.includes(name)) names.push(name);
	}
	return names;
}

function rdfAbout(context: NsContext, node: unknown): string | null {
	for (const prefix of [...(context.prefixes.get(NS.rdf) ?? []), 'rdf']) {
		const value = attr(node, `${prefix}:about`);
		if (value?.trim()) return value.trim();
	}
	return null;
}

function readItem(context: NsContext, item: unknown, channelBase: string): ParsedEntry | null {
	if (!isObject(item)) return null;
	const base = withBase(item, channelBase);
	const guidNode = all(item, 'guid')[0];
	const guid = textOf(guidNode)?.trim() || null;
	const isPermaLink = (attr(guidNode, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false';
	const about = rdfAbout(context, item);
	const link = firstText(item, 'link');
	const origLink = firstTextNs(context, item, NS.feedburner, 'origLink');
	const url =
		safeHttpUrl(origLink, base) ??
		safeHttpUrl(link, base) ??
		(isPermaLink ? safeHttpUrl(guid, base) : null) ??
		safeHttpUrl(about, base);
	const rawTitle = firstText(item, 'title');
	const html = firstTextNs(context, item, NS.content, 'encoded') ?? firstText(item, 'description');
	if (!guid && !about && !link && !rawTitle && !html) return null;
	const published = firstDate([
		firstText(item, 'pubDate'),
		firstTextNs(context, item, NS.dc, 'date'),
		firstTextNs(context, item, NS.atom, 'published'),
	]);
	const updated = parseFeedDate(firstTextNs(context, item, NS.atom, 'updated'));
	const body: Body = html ? htmlToBody(repairMojibake(html), base) : [];
	return {
		id: entryId({id: guid ?? about, link: url ?? link, title: rawTitle, date: published.raw, body: html}),
		title: lineField(rawTitle),
		url,
		published: published.ms ?? updated,
		updated,
		authors: authorsOf(context, item),
		body,
		keyEvent: false,
		pinned: false,
		summary: false,
	};
}

const PERIOD_SECONDS: Readonly<Record<string, number>> = {
	hourly: 3600,
	daily: 86_400,
	weekly: 604_800,
	monthly: 2_592_000,
	yearly: 31_536_000,
};

function hintsOf(context: NsContext, channel: unknown): PollHints {
	const hints: {ttlSeconds?: number; updatePeriodSeconds?: number} = {};
	const ttl = Number(firstText(channel, 'ttl'));
	if (Number.isInteger(ttl) && ttl > 0 && ttl <= 525_600) hints.ttlSeconds = ttl * 60;
	const period = PERIOD_SECONDS[firstTextNs(context, channel, NS.sy, 'updatePeriod')?.toLowerCase() ?? ''];
	if (period !== undefined) {
		const frequency = Number(firstTextNs(context, channel, NS.sy, 'updateFrequency') ?? '1');
		const times = Number.isInteger(frequency) && frequency > 0 ? frequency : 1;
		hints.updatePeriodSeconds = Math.max(1, Math.round(period / times));
	}
	return hints;
}

export function readRss(input: SourceText): RssRead {
	const document = parseXml(input.text, input.url);
	const rootKey = rootName(document)!;
	const root = own(document, rootKey);
	const local = rootKey.slice(rootKey.indexOf(':') + 1).toLowerCase();
	if (local !== 'rss' && local !== 'rdf') {
		throw new LiveblogError({kind: 'parse', message: `expected an RSS document, found <${rootKey}>`, url: input.url});
	}
	const isRdf = local === 'rdf';
	const context = nsContext(root);
	const channel = [...all(root, 'channel'), ...allNs(context, root, NS.rss1, 'channel')][0];
	const rootBase = withBase(root, input.url);
	const channelBase = withBase(channel, rootBase);
	const items = [...all(channel, 'item'), ...all(root, 'item'), ...allNs(context, root, NS.rss1, 'item')];

	const entries: ParsedEntry[] = [];
	let skipped = 0;
	for (const item of items.slice(0, MAX_ENTRIES)) {
		try {
			const entry = readItem(context, item, channelBase);
			if (entry) entries.push(entry);
			else skipped++;
		} catch {
			skipped++;
		}
	}

	const version = attr(root, 'version')?.trim();
	const label = isRdf ? 'RSS 1.0 (RDF)' : version ? `RSS ${version.slice(0, 8)}` : 'RSS';
	return {
		label,
		blog: {
			format: isRdf ? 'rdf' : 'rss',
			title: lineField(firstText(channel, 'title')) ?? sanitizeLine(hostOf(input.url)),
			description: htmlLine(firstText(channel, 'description')),
			homeUrl: safeHttpUrl(firstText(channel, 'link'), channelBase),
			live: 'unknown',
			entries: makeUnique(entries, entry => JSON.stringify([entry.title, entry.published, entry.body])),
			coverage: {kind: 'window'},
			hints: hintsOf(context, channel),
			skipped,
		},
	};
}

export function parseRss(input: SourceText): ParsedBlog {
	return readRss(input).blog;
}
