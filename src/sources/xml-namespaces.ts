/**
 * Namespaced element lookups for the XML adapters: feeds bind prefixes as they
 * like (`dc:`, `syn:`/`sy:`, `atom10:`), so an element is found by namespace
 * URI and local name under whatever prefix the document (or convention) uses.
 */
import {isObject, own, textOf} from './xml.js';

export const NS = {
	atom: 'http://www.w3.org/2005/Atom',
	content: 'http://purl.org/rss/1.0/modules/content/',
	dc: 'http://purl.org/dc/elements/1.1/',
	sy: 'http://purl.org/rss/1.0/modules/syndication/',
	feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
	rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
	rss1: 'http://purl.org/rss/1.0/',
} as const;

/** The prefix feeds conventionally use, for documents that forget to declare it. */
const CONVENTIONAL: Readonly<Record<string, readonly string[]>> = {
	[NS.atom]: ['atom', 'atom10'],
	[NS.content]: ['content'],
	[NS.dc]: ['dc'],
	[NS.sy]: ['sy', 'syn'],
	[NS.feedburner]: ['feedburner'],
	[NS.rdf]: ['rdf'],
	[NS.rss1]: [],
};

/** Which prefixes the root element binds to which namespace URIs. */
export type NsContext = {readonly prefixes: ReadonlyMap<string, readonly string[]>};

export function nsContext(root: unknown): NsContext {
	const prefixes = new Map<string, string[]>();
	if (isObject(root)) {
		for (const key of Object.keys(root)) {
			const match = /^@_xmlns:(.+)$/.exec(key);
			const uri = own(root, key);
			if (match?.[1] && typeof uri === 'string') {
				const list = prefixes.get(uri) ?? [];
				list.push(match[1]);
				prefixes.set(uri, list);
			}
		}
	}
	return {prefixes};
}

/**
 * The element names `local` in namespace `uri` may have in this document, one
 * per distinct prefix. Remembered per context: adapters ask the same few
 * questions of every item.
 */
const namesCache = new WeakMap<NsContext, Map<string, readonly string[]>>();

function qualifiedNames(context: NsContext, uri: string, local: string): readonly string[] {
	let cache = namesCache.get(context);
	if (cache === undefined) namesCache.set(context, (cache = new Map()));
	const key = `${uri} ${local}`;
	let names = cache.get(key);
	if (names === undefined) {
		const prefixes = new Set([...(context.prefixes.get(uri) ?? []), ...(CONVENTIONAL[uri] ?? [])]);
		names = [...prefixes].map(prefix => `${prefix}:${local}`);
		cache.set(key, names);
	}
	return names;
}

/** Children named `local` in namespace `uri`, under any prefix bound to it. */
export function allNs(context: NsContext, node: unknown, uri: string, local: string): readonly unknown[] {
	const found: unknown[] = [];
	for (const name of qualifiedNames(context, uri, local)) {
		const value = own(node, name);
		if (value === undefined) continue;
		if (Array.isArray(value)) found.push(...(value as unknown[]));
		else found.push(value);
	}
	return found;
}

export function firstTextNs(context: NsContext, node: unknown, uri: string, local: string): string | null {
	for (const child of allNs(context, node, uri, local)) {
		const text = textOf(child)?.trim();
		if (text) return text;
	}
	return null;
}
