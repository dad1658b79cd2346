/**
 * The demo's own loopback server. It serves the blog from demo/schedule.ts in
 * two shapes:
 * - `/capi/<id>`: the Guardian Content API's item shape, which is what
 *   `liveblog --demo` reads. Guardian blocks carry `keyEvent`, `pinned` and
 *   `summary` flags and `liveBloggingNow`, so the demo shows a real sidebar, a
 *   pinned post and the LIVE → ENDED change, none of which RSS can say.
 * - `/rss.xml`: RSS 2.0 with content:encoded, guid and pubDate, for trying
 *   the RSS path (key events then come from the title heuristic).
 * Both send ETag/Last-Modified and answer a matching If-None-Match with 304.
 * What is served is computed from the injected clock on each request.
 */
import {createHash} from 'node:crypto';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {demoBlog} from './posts.js';
import {demoSnapshot, DEMO_POST_EVERY_MS, type DemoSnapshot, type PublishedPost} from './schedule.js';

export type DemoServerOptions = {
	readonly clock: {now(): number};
	/** Defaults to the clock's time at start. */
	readonly startedAt?: number;
	readonly everyMs?: number;
};

export type DemoServer = {
	readonly origin: string;
	readonly rssUrl: string;
	/** Base URL to pass as --guardian-api. */
	readonly guardianApi: string;
	/** The blog as a `guardian:` input for that API. */
	readonly guardianInput: string;
	readonly close: () => Promise<void>;
};

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

function xmlEscape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cdata(text: string): string {
	return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export function renderRss(snapshot: DemoSnapshot, origin: string): string {
	const items = [...snapshot.posts]
		.reverse()
		.map(post => {
			const title = post.title === null ? '' : `\n\t\t<title>${xmlEscape(post.title)}</title>`;
			return `\t<item>${title}
		<link>${xmlEscape(`${demoBlog.webUrl}#${post.id}`)}</link>
		<guid isPermaLink="false">${post.id}</guid>
		<pubDate>${new Date(post.publishedAt).toUTCString()}</pubDate>
		<dc:creator>${xmlEscape(post.author)}</dc:creator>
		<content:encoded>${cdata(post.html)}</content:encoded>
	</item>`;
		})
		.join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
	<title>${xmlEscape(demoBlog.title)}</title>
	<link>${xmlEscape(demoBlog.webUrl)}</link>
	<description>${xmlEscape(demoBlog.standfirst)}</description>
	<lastBuildDate>${new Date(snapshot.lastModified).toUTCString()}</lastBuildDate>
	<docs>${xmlEscape(origin)}/rss.xml</docs>
${items}
</channel>
</rss>
`;
}

function guardianBlock(post: PublishedPost): Record<string, unknown> {
	const [firstName, ...rest] = post.author.split(' ');
	const attributes: Record<string, boolean> = {};
	if (post.keyEvent) attributes['keyEvent'] = true;
	if (post.pinned) attributes['pinned'] = true;
	return {
		id: post.id,
		...(post.title === null ? {} : {title: post.title}),
		bodyHtml: post.html,
		bodyTextSummary: '',
		attributes,
		published: true,
		createdDate: iso(post.publishedAt),
		firstPublishedDate: iso(post.publishedAt),
		publishedDate: iso(post.publishedAt),
		// Only an edited post says when it was modified, so unedited ones show no "updated".
		...(post.updatedAt === null ? {} : {lastModifiedDate: iso(post.updatedAt)}),
		createdBy: {email: `${(firstName ?? 'desk').toLowerCase()}@example.org`, firstName, lastName: rest.join(' ')},
		contributors: [],
		elements: [],
	};
}

/** One `show-blocks` selector (`body:latest:50`, `body:published-since:<ms>`, …) over newest-first blocks. */
export function selectBlocks(selector: string, newestFirst: readonly PublishedPost[]): readonly PublishedPost[] | null {
	const [, kind, arg, count] = selector.split(':');
	const limit = (value: string | undefined, fallback: number): number => {
		const n = Number(value);
		return Number.isInteger(n) && n > 0 ? n : fallback;
	};
	const indexOf = (id: string | undefined): number => newestFirst.findIndex(post => post.id === id);
	switch (kind) {
		case 'latest':
			return newestFirst.slice(0, limit(arg, 20));
		case 'oldest':
			return newestFirst.slice(-limit(arg, 20));
		case 'key-events':
			return newestFirst.filter(post => post.keyEvent);
		case 'pinned':
			return newestFirst.filter(post => post.pinned);
		case 'summary':
			return [];
		case 'published-since': {
			const since = Number(arg);
			return newestFirst.filter(post => post.publishedAt > since || (post.updatedAt !== null && post.updatedAt > since));
		}
		case 'before': {
			const at = indexOf(arg);
			return at === -1 ? [] : newestFirst.slice(at + 1, at + 1 + limit(count, 20));
		}
		case 'after': {
			const at = indexOf(arg);
			return at === -1 ? [] : newestFirst.slice(Math.max(0, at - limit(count, 20)), at);
		}
		case 'around': {
			const at = indexOf(arg);
			const n = limit(count, 20);
			return at === -1 ? [] : newestFirst.slice(Math.max(0, at - n), at + n + 1);
		}
		default:
			return null;
	}
}

export function renderGuardian(snapshot: DemoSnapshot, contentId: string, showBlocks: string, apiBase: string): string {
	const newestFirst = [...snapshot.posts].reverse();
	const blocks: Record<string, unknown> = {};
	const requested: Record<string, unknown> = {};
	for (const selector of showBlocks.split(',').map(s => s.trim()).filter(s => s !== '')) {
		if (selector === 'main' || selector === 'all') {
			blocks['main'] = {id: 'main', bodyHtml: `<p>${xmlEscape(demoBlog.standfirst)}</p>`, attributes: {}, published: true, elements: []};
		}
		if (selector === 'body' || selector === 'all') blocks['body'] = newestFirst.map(guardianBlock);
		if (selector.startsWith('body:')) {
			const chosen = selectBlocks(selector, newestFirst);
			if (chosen !== null) requested[selector] = chosen.map(guardianBlock);
		}
	}
	if (Object.keys(requested).length > 0) blocks['requestedBodyBlocks'] = requested;
	const authors = [...new Set(snapshot.posts.map(post => post.author))];
	const first = snapshot.posts[0];
	const content = {
		id: contentId,
		type: 'liveblog',
		sectionId: 'world',
		sectionName: 'World news',
		webTitle: demoBlog.title,
		webUrl: demoBlog.webUrl,
		apiUrl: `${apiBase}/${contentId}`,
		webPublicationDate: iso(first?.publishedAt ?? snapshot.lastModified),
		fields: {
			headline: demoBlog.title,
			standfirst: `<p>${xmlEscape(demoBlog.standfirst)}</p>`,
			byline: authors.join(', '),
			liveBloggingNow: snapshot.live,
			lastModified: iso(snapshot.lastModified),
			shortUrl: demoBlog.webUrl,
		},
		tags: authors.map(name => ({id: `profile/${name.toLowerCase().replace(/[^a-z]+/g, '-')}`, type: 'contributor', webTitle: name})),
		blocks,
	};
	return JSON.stringify({response: {status: 'ok', userTier: 'developer', total: 1, content}});
}

function send(request: IncomingMessage, response: ServerResponse, body: string, type: string, lastModified: number): void {
	const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
	response.setHeader('ETag', etag);
	response.setHeader('Last-Modified', new Date(lastModified).toUTCString());
	response.setHeader('Cache-Control', 'no-cache');
	if (request.headers['if-none-match'] === etag) {
		response.writeHead(304).end();
		return;
	}
	response.writeHead(200, {'Content-Type': type}).end(body);
}

export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
	const startedAt = options.startedAt ?? options.clock.now();
	const everyMs = options.everyMs ?? DEMO_POST_EVERY_MS;
	let origin = '';
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', origin);
		const snapshot = demoSnapshot(startedAt, options.clock.now(), everyMs);
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405).end();
		} else if (url.pathname === '/rss.xml') {
			send(request, response, renderRss(snapshot, origin), 'application/rss+xml; charset=utf-8', snapshot.lastModified);
		} else if (url.pathname.startsWith('/capi/') && url.pathname.length > '/capi/'.length) {
			const contentId = decodeURIComponent(url.pathname.slice('/capi/'.length));
			const body = renderGuardian(snapshot, contentId, url.searchParams.get('show-blocks') ?? '', `${origin}/capi`);
			send(request, response, body, 'application/json; charset=utf-8', snapshot.lastModified);
		} else {
			response.writeHead(404, {'Content-Type': 'text/plain'}).end('not found: try /rss.xml or /capi/<id>\n');
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const {port} = server.address() as AddressInfo;
	origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		rssUrl: `${origin}/rss.xml`,
		guardianApi: `${origin}/capi`,
		guardianInput: `guardian:${demoBlog.id}`,
		close: () =>
			new Promise<void>(resolve => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
