/**
 * Atom 1.0 (and the old 0.3 where it costs nothing). Text constructs come in
 * three types: text, html (escaped markup) and xhtml (inline markup, kept raw
 * by the XML parser's stop nodes); xml:base is inherited feed → entry →
 * element and governs relative links inside content.
 */
import type {Body, ParsedBlog, ParsedEntry} from '../model/blog.js';
import {LiveblogError} from '../errors.js';
import {safeHttpUrl, sanitizeLine, type SafeText} from '../text/sanitize.js';
import type {SourceText} from './source.js';
import {parseFeedDate} from './dates.js';
import {htmlToBody, textToBody} from './html-body.js';
import {entryId, hostOf, makeUnique} from './ids.js';
import {htmlLine, lineField, MAX_ENTRIES} from './rss.js';
import {all, attr, firstText, isObject, own, parseXml, rootName, textOf, withBase} from './xml.js';
import {NS, firstTextNs, nsContext, type NsContext} from './xml-namespaces.js';
import {repairMojibake} from './text-repair.js';

type TextConstruct = {readonly kind: 'text' | 'html' | 'xhtml'; readonly value: string; readonly base: string};

/** Element names carry the root's prefix when the feed writes `<atom:feed>`. */
type Names = (local: string) => string;

function textConstruct(node: unknown, base: string): TextConstruct | null {
	const value = textOf(node);
	if (value === null || value.trim() === '') return null;
	const type = (attr(node, 'type') ?? 'text').trim().toLowerCase();
	const escaped = attr(node, 'mode')?.trim().toLowerCase() === 'escaped';
	const kind = type === 'xhtml' || type === 'application/xhtml+xml' ? 'xhtml' : type === 'html' || type === 'text/html' || escaped ? 'html' : 'text';
	return {kind, value, base: withBase(node, base)};
}

function constructLine(construct: TextConstruct | null): SafeText | null {
	if (construct === null) return null;
	return construct.kind === 'text' ? lineField(construct.value) : htmlLine(construct.value);
}

function constructBody(construct: TextConstruct): Body {
	const value = repairMojibake(construct.value);
	return construct.kind === 'text' ? textToBody(value) : htmlToBody(value, construct.base);
}

/** The entry's or feed's page: rel="alternate" (or no rel); edit, self, replies and enclosures are not it. */
function alternateLink(node: unknown, names: Names, base: string): string | null {
	let fallback: string | null = null;
	for (const link of all(node, names('link'))) {
		const rel = (attr(link, 'rel') ?? 'alternate').trim().toLowerCase();
		if (rel !== 'alternate') continue;
		const href = safeHttpUrl(attr(link, 'href') ?? textOf(link), withBase(link, base));
		if (href === null) continue;
		const type = attr(link, 'type')?.toLowerCase() ?? 'text/html';
		if (type.includes('html')) return href;
		fallback ??= href;
	}
	return fallback;
}

function authorsOf(node: unknown, names: Names): SafeText[] {
	const out: SafeText[] = [];
	for (const author of all(node, names('author'))) {
		const name = lineField(firstText(author, names('name')) ?? (typeof author === 'string' ? author : null));
		if (name && !out.includes(name)) out.push(name);
	}
	return out;
}

function readEntry(context: NsContext, entry: unknown, names: Names, feedBase: string, feedAuthors: readonly SafeText[]): ParsedEntry | null {
	if (!isObject(entry)) return null;
	const base = withBase(entry, feedBase);
	const id = firstText(entry, names('id'));
	const title = textConstruct(all(entry, names('title'))[0], base);
	const url = safeHttpUrl(firstTextNs(context, entry, NS.feedburner, 'origLink'), base) ?? alternateLink(entry, names, base);
	const contentNode = all(entry, names('content')).find(node => attr(node, 'src') === null);
	const content = textConstruct(contentNode, base) ?? textConstruct(all(entry, names('summary'))[0], base);
	if (!id && !title && !url && !content) return null;
	const publishedRaw = firstText(entry, names('published')) ?? firstText(entry, names('issued')) ?? firstText(entry, names('created'));
	const updatedRaw = firstText(entry, names('updated')) ?? firstText(entry, names('modified'));
	const updated = parseFeedDate(updatedRaw);
	const authors = authorsOf(entry, names);
	return {
		id: entryId({id, link: url, title: title?.value ?? null, date: publishedRaw ?? updatedRaw, body: content?.value ?? null}),
		title: constructLine(title),
		url,
		published: parseFeedDate(publishedRaw) ?? updated,
		updated,
		authors: authors.length > 0 ? authors : [...feedAuthors],
		body: content ? constructBody(content) : [],
		keyEvent: false,
		pinned: false,
		summary: false,
	};
}

export function parseAtom(input: SourceText): ParsedBlog {
	const document = parseXml(input.text, input.url);
	const rootKey = rootName(document)!;
	const colon = rootKey.indexOf(':');
	const prefix = colon === -1 ? '' : rootKey.slice(0, colon + 1);
	if (rootKey.slice(colon + 1) !== 'feed') {
		throw new LiveblogError({kind: 'parse', message: `expected an Atom feed, found <${rootKey}>`, url: input.url});
	}
	const names: Names = local => prefix + local;
	const feed = own(document, rootKey);
	const context = nsContext(feed);
	const base = withBase(feed, input.url);
	const feedAuthors = authorsOf(feed, names);

	const entries: ParsedEntry[] = [];
	let skipped = 0;
	for (const entry of all(feed, names('entry')).slice(0, MAX_ENTRIES)) {
		try {
			const parsed = readEntry(context, entry, names, base, feedAuthors);
			if (parsed) entries.push(parsed);
			else skipped++;
		} catch {
			skipped++;
		}
	}
	const subtitle = textConstruct(all(feed, names('subtitle'))[0] ?? all(feed, names('tagline'))[0], base);
	return {
		format: 'atom',
		title: constructLine(textConstruct(all(feed, names('title'))[0], base)) ?? sanitizeLine(hostOf(input.url)),
		description: constructLine(subtitle),
		homeUrl: alternateLink(feed, names, base),
		live: 'unknown',
		entries: makeUnique(entries, entry => JSON.stringify([entry.title, entry.published, entry.body])),
		coverage: {kind: 'window'},
		hints: {},
		skipped,
	};
}
