/**
 * The same blog in every format the reader supports, as bytes with their
 * content type, ready to serve or to hand to an adapter.
 */
import {emitAtom} from './emit-atom.js';
import {emitGuardian, emitJsonFeed, emitJsonLdPage} from './emit-json.js';
import {emitRss} from './emit-rss.js';
import type {BlogData} from './posts.js';

export const formats = ['rss', 'atom', 'jsonfeed', 'jsonld', 'guardian'] as const;
export type Format = (typeof formats)[number];

export type Document = {
	readonly format: Format;
	readonly path: string;
	readonly contentType: string;
	readonly bytes: Buffer;
};

const contentTypes: Record<Format, string> = {
	rss: 'application/rss+xml; charset=utf-8',
	atom: 'application/atom+xml; charset=utf-8',
	jsonfeed: 'application/feed+json; charset=utf-8',
	jsonld: 'text/html; charset=utf-8',
	guardian: 'application/json; charset=utf-8',
};

const extensions: Record<Format, string> = {
	rss: 'rss.xml',
	atom: 'atom.xml',
	jsonfeed: 'feed.json',
	jsonld: 'live.html',
	guardian: 'guardian.json',
};

/** `origin` is the server's http://127.0.0.1:port, for self links. */
export function documentFor(blog: BlogData, format: Format, name: string, origin: string): Document {
	const path = `/${name}/${extensions[format]}`;
	const self = origin + path;
	const text =
		format === 'rss'
			? emitRss(blog, self)
			: format === 'atom'
				? emitAtom(blog, self)
				: format === 'jsonfeed'
					? emitJsonFeed(blog, self)
					: format === 'jsonld'
						? emitJsonLdPage(blog)
						: emitGuardian(blog, `world/live/2026/nov/28/storm-halvard-${name}`);
	return {format, path, contentType: contentTypes[format], bytes: Buffer.from(text, 'utf8')};
}
