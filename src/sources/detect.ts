/**
 * Which adapter reads a document. The body decides when it is conclusive (a
 * server that sends RSS as text/html is common); the Content-Type decides
 * when the body is not. Guardian page URLs and `guardian:` inputs never get
 * here: index.ts routes them by URL.
 */
import {isJsonRecord, parseJsonSafely} from './json-feed.js';

export type DetectedFormat = 'rss' | 'atom' | 'rdf' | 'jsonfeed' | 'guardian-api' | 'html' | 'unknown';

export type DetectInput = {
	readonly url: string;
	readonly contentType: string | null;
	readonly text: string;
};

/** The root element name after the prolog (declaration, comments, PIs, doctype), or null. */
export function xmlRootName(text: string): string | null {
	let i = 0;
	const limit = Math.min(text.length, 64 * 1024);
	while (i < limit) {
		while (i < limit && /\s|\uFEFF/.test(text[i]!)) i++;
		if (text.startsWith('<?', i)) {
			const end = text.indexOf('?>', i + 2);
			if (end === -1) return null;
			i = end + 2;
		} else if (text.startsWith('<!--', i)) {
			const end = text.indexOf('-->', i + 4);
			if (end === -1) return null;
			i = end + 3;
		} else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
			// The doctype names the root; an internal subset may contain '>' inside brackets.
			const name = /^<!doctype\s+([A-Za-z_][\w.:-]*)/i.exec(text.slice(i, i + 200));
			return name?.[1] ?? null;
		} else {
			const name = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200));
			return name?.[1] ?? null;
		}
	}
	return null;
}

/** Elements an HTML page or fragment starts with (a page may lack <html>). */
const HTML_ROOTS: ReadonlySet<string> = new Set([
	'head', 'body', 'meta', 'title', 'link', 'script', 'style', 'div', 'p', 'span', 'section', 'article', 'main', 'header',
	'nav', 'table', 'ul', 'h1', 'h2', 'a', 'img', 'br', 'form', 'noscript', 'base',
]);

function byRoot(root: string): DetectedFormat | null {
	const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
	switch (local.toLowerCase()) {
		case 'rss':
			return 'rss';
		case 'rdf':
			return 'rdf';
		case 'feed':
			return 'atom';
		case 'html':
			return 'html';
		default:
			return null;
	}
}

/** A JSON value's kind: JSON Feed, a Guardian Content API item response, or neither. */
export function jsonKind(value: unknown): 'jsonfeed' | 'guardian-api' | null {
	if (!isJsonRecord(value)) return null;
	const version = Object.hasOwn(value, 'version') ? value['version'] : undefined;
	if (typeof version === 'string' && version.toLowerCase().includes('jsonfeed')) return 'jsonfeed';
	const response = Object.hasOwn(value, 'response') ? value['response'] : undefined;
	if (isJsonRecord(response) && Object.hasOwn(response, 'content') && isJsonRecord(response['content'])) return 'guardian-api';
	const items = Object.hasOwn(value, 'items') ? value['items'] : undefined;
	if (Array.isArray(items)) return 'jsonfeed';
	return null;
}

function sniffJson(text: string): DetectedFormat {
	const parsed = parseJsonSafely(text);
	return parsed.ok ? (jsonKind(parsed.value) ?? 'unknown') : 'unknown';
}

function byContentType(contentType: string | null): DetectedFormat | null {
	switch (contentType) {
		case 'application/rss+xml':
			return 'rss';
		case 'application/atom+xml':
			return 'atom';
		case 'application/rdf+xml':
			return 'rdf';
		case 'application/feed+json':
			return 'jsonfeed';
		case 'text/html':
		case 'application/xhtml+xml':
			return 'html';
		default:
			return null;
	}
}

export function detectFormat(input: DetectInput): DetectedFormat {
	const start = /[^\s\uFEFF]/.exec(input.text.slice(0, 64 * 1024))?.[0] ?? '';
	if (start === '{' || start === '[') return sniffJson(input.text);
	if (start === '<') {
		const root = xmlRootName(input.text);
		const fromRoot = root === null ? null : byRoot(root);
		if (fromRoot) return fromRoot;
		if (root !== null && HTML_ROOTS.has(root.toLowerCase())) return 'html';
		const typed = byContentType(input.contentType);
		return typed ?? 'unknown';
	}
	return 'unknown';
}
