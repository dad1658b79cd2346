/**
 * An imitation of the Guardian Content API item endpoint for end-to-end CLI
 * tests: `GET /<content id>?show-blocks=…&api-key=…` answered from a mutable
 * blog that the test edits between polls. Each element of `show-blocks` is
 * answered the way the real API does (the shape of
 * ../shared/fixtures/real/guardian-api-liveblog-blocks-bool-attrs.json):
 * `body` lists every block under `blocks.body`; `body:latest:N`,
 * `body:key-events`, `body:pinned`, `body:summary` and
 * `body:published-since:<ms>` each get a list under
 * `blocks.requestedBodyBlocks`, newest first. `published-since` compares each
 * block's `publishedDate`, its latest publication: an edit republishes the
 * block, so an incremental poll sees edits, while a deletion shows only in a
 * full re-read. An element this imitation does not know is a 400, so a client
 * that asks for something unexpected fails loudly instead of being served.
 *
 * The blog text is our own: a fictional tram-line opening day in a made-up city.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {startFeedServer, type ScriptedResponse} from '../helpers/feed-server.js';

export type GuardianBlock = {
	readonly id: string;
	readonly title?: string;
	bodyHtml: string;
	readonly firstPublished: number;
	/** The latest publication (`publishedDate`): an edit sets it. Defaults to firstPublished. */
	republished?: number;
	lastModified: number;
	readonly keyEvent?: boolean;
	readonly author: {readonly firstName: string; readonly lastName: string};
};

export type GuardianBlog = {
	readonly contentId: string;
	readonly headline: string;
	readonly standfirst: string;
	live: boolean;
	/** Any order; answers sort newest first. */
	blocks: GuardianBlock[];
};

export type ApiRequest = {
	readonly path: string;
	readonly query: URLSearchParams;
	/** What show-blocks asked for: the first-load set, an incremental read, or something else. */
	readonly kind: 'full' | 'since' | 'other';
	readonly status: number;
	/** Bytes of the response body. */
	readonly bytes: number;
	/** Whether the answer listed any body block. */
	readonly hasBlocks: boolean;
};

export const FULL_SHOW_BLOCKS = 'main,body:latest:50,body:key-events,body:pinned,body:summary';

/** 2026-11-28 <hour>:<minute> UTC, in ms. */
export function utc(hour: number, minute: number, second = 0): number {
	return Date.UTC(2026, 10, 28, hour, minute, second);
}

function iso(ms: number): string {
	// The API writes dates without milliseconds.
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function blockJson(block: GuardianBlock): Record<string, unknown> {
	const text = block.bodyHtml.replace(/<[^>]+>/g, '');
	return {
		id: block.id,
		bodyHtml: block.bodyHtml,
		bodyTextSummary: text,
		attributes: block.title === undefined ? {keyEvent: block.keyEvent === true} : {keyEvent: block.keyEvent === true, title: block.title},
		...(block.title === undefined ? {} : {title: block.title}),
		published: true,
		createdDate: iso(block.firstPublished - 120_000),
		firstPublishedDate: iso(block.firstPublished),
		publishedDate: iso(publishedAt(block)),
		lastModifiedDate: iso(block.lastModified),
		contributors: [],
		createdBy: {email: `${block.author.firstName.toLowerCase()}@example.org`, firstName: block.author.firstName, lastName: block.author.lastName},
		elements: [{type: 'text', assets: [], textTypeData: {html: block.bodyHtml}}],
	};
}

function publishedAt(block: GuardianBlock): number {
	return block.republished ?? block.firstPublished;
}

function newestFirst(blocks: readonly GuardianBlock[]): GuardianBlock[] {
	return [...blocks].sort((a, b) => b.firstPublished - a.firstPublished);
}

/** The blocks one `show-blocks` element selects, or null when the element is not one we imitate. */
function select(blog: GuardianBlog, element: string): GuardianBlock[] | null {
	const all = newestFirst(blog.blocks);
	const latest = /^body:latest:(\d+)$/.exec(element);
	if (latest) return all.slice(0, Number(latest[1]));
	const since = /^body:published-since:(\d+)$/.exec(element);
	if (since) return all.filter(block => publishedAt(block) > Number(since[1]));
	switch (element) {
		case 'body:key-events':
			return all.filter(block => block.keyEvent === true);
		case 'body:pinned':
		case 'body:summary':
			return [];
		default:
			return null;
	}
}

/** The API's answer for one request, or a 400 naming what it did not understand. */
export function guardianAnswer(blog: GuardianBlog, showBlocks: string, webBase: string): {status: number; body: unknown; blockCount: number} {
	const blocks: Record<string, unknown> = {};
	const requested: Record<string, unknown> = {};
	let blockCount = 0;
	for (const element of showBlocks.split(',').filter(part => part !== '')) {
		if (element === 'main') {
			blocks['main'] = {id: 'main-0001', bodyHtml: '<figure class="element-image"><figcaption>The first tram at Quayside stop</figcaption></figure>', attributes: {}, published: true, contributors: [], elements: []};
		} else if (element === 'body') {
			blocks['body'] = newestFirst(blog.blocks).map(blockJson);
			blockCount += blog.blocks.length;
		} else {
			const selected = select(blog, element);
			if (selected === null) return {status: 400, body: {response: {status: 'error', message: `unexpected show-blocks element '${element}'`}}, blockCount: 0};
			requested[element] = selected.map(blockJson);
			blockCount += selected.length;
		}
	}
	if (Object.keys(requested).length > 0) blocks['requestedBodyBlocks'] = requested;
	return {
		status: 200,
		blockCount,
		body: {
			response: {
				status: 'ok',
				userTier: 'developer',
				total: 1,
				content: {
					id: blog.contentId,
					type: 'liveblog',
					sectionId: 'uk-news',
					sectionName: 'UK news',
					webPublicationDate: iso(Math.min(...blog.blocks.map(block => block.firstPublished))),
					webTitle: blog.headline,
					webUrl: `${webBase}/${blog.contentId}`,
					apiUrl: `https://content.guardianapis.com/${blog.contentId}`,
					fields: {headline: blog.headline, standfirst: `<p>${blog.standfirst}</p>`, liveBloggingNow: blog.live ? 'true' : 'false'},
					tags: [],
					blocks,
				},
			},
		},
	};
}

export type GuardianApiServer = {
	readonly origin: string;
	/** Every request for the blog, in order. */
	readonly requests: ApiRequest[];
	/** The next request gets this answer instead of the imitation's (queued, one request each). */
	failNext(step: ScriptedResponse): void;
	close(): Promise<void>;
};

/** Serves `blog` at `/<content id>`, reading it afresh on every request. */
export async function startGuardianApi(blog: GuardianBlog): Promise<GuardianApiServer> {
	const server = await startFeedServer();
	const requests: ApiRequest[] = [];
	const failures: ScriptedResponse[] = [];
	const send = (req: IncomingMessage, res: ServerResponse, status: number, headers: Readonly<Record<string, string>>, body: string, hasBlocks: boolean): void => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const showBlocks = url.searchParams.get('show-blocks') ?? '';
		const kind = showBlocks === FULL_SHOW_BLOCKS ? 'full' : /^body:published-since:\d+$/.test(showBlocks) ? 'since' : 'other';
		requests.push({path: url.pathname, query: url.searchParams, kind, status, bytes: Buffer.byteLength(body), hasBlocks});
		res.writeHead(status, {'content-type': 'application/json; charset=utf-8', ...headers});
		res.end(body);
	};
	server.route(`/${blog.contentId}`, (req, res) => {
		const failure = failures.shift();
		if (failure !== undefined) {
			send(req, res, failure.status ?? 500, failure.headers ?? {}, typeof failure.body === 'string' ? failure.body : '', false);
			return;
		}
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const answer = guardianAnswer(blog, url.searchParams.get('show-blocks') ?? '', 'https://www.theguardian.com');
		send(req, res, answer.status, {}, JSON.stringify(answer.body), answer.blockCount > 0);
	});
	return {
		origin: server.origin,
		requests,
		failNext: step => failures.push(step),
		close: () => server.close(),
	};
}

/** The fictional blog every Guardian end-to-end test starts from: three posts, the middle one a key event. */
export function tramBlog(): GuardianBlog {
	return {
		contentId: 'uk-news/live/2026/nov/28/harrowgate-tram-opening-day-live',
		headline: 'Harrowgate trams: first day of the Quayside line – live',
		standfirst: 'Passengers ride the new line for the first time; delays at Mill Street',
		live: true,
		blocks: [
			{
				id: 'blk-0001',
				bodyHtml: '<p>Good morning. The first tram of the Quayside line leaves the depot at 6am, and we will follow it all day.</p>',
				firstPublished: utc(6, 0),
				lastModified: utc(6, 0, 30),
				author: {firstName: 'Mara', lastName: 'Quell'},
			},
			{
				id: 'blk-0002',
				title: 'First tram reaches Quayside',
				bodyHtml: '<p>The first service pulled into Quayside stop four minutes late, to applause from a small crowd on the platform.</p>',
				firstPublished: utc(6, 20),
				lastModified: utc(6, 20, 30),
				keyEvent: true,
				author: {firstName: 'Mara', lastName: 'Quell'},
			},
			{
				id: 'blk-0003',
				bodyHtml: '<p>A reader writes that the ticket machines at Mill Street take only cards so far.</p>',
				firstPublished: utc(6, 40),
				lastModified: utc(6, 40, 30),
				author: {firstName: 'Teo', lastName: 'Brandt'},
			},
		],
	};
}
