/**
 * A loopback HTTP server for tests: per-path scripted responses, hit counts,
 * the request headers each hit carried, real ETag / Last-Modified handling,
 * and raw handlers for servers that misbehave on purpose.
 *
 *   const server = await startFeedServer();
 *   afterEach(() => server.close());            // or onTestFinished
 *   server.route('/feed', {body: rss1, etag: '"v1"'}, {status: 503, headers: {'retry-after': '120'}});
 *   server.url('/feed')  // http://127.0.0.1:<port>/feed
 *   server.hits('/feed') // 2 after two requests; the last scripted response repeats
 */
import {createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {Socket} from 'node:net';

export type ScriptedResponse = {
	readonly status?: number;
	readonly statusText?: string;
	readonly headers?: Readonly<Record<string, string>>;
	readonly body?: string | Uint8Array;
	/** Sent as ETag; a request whose If-None-Match carries it gets a 304. */
	readonly etag?: string;
	/** Sent as Last-Modified; a request whose If-Modified-Since equals it gets a 304. */
	readonly lastModified?: string;
};

/** Full control, for hung headers, slow drips, resets and the like. */
export type RawHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export type Step = ScriptedResponse | RawHandler;

export type RecordedRequest = {readonly path: string; readonly headers: IncomingHttpHeaders; readonly at: number};

export type FeedServer = {
	/** http://127.0.0.1:<port> */
	readonly origin: string;
	url(path?: string): string;
	/** Scripts a path: each request takes the next step; the last one repeats. Replaces any earlier script. */
	route(path: string, ...steps: Step[]): void;
	/** Requests received for a path (all paths when omitted). */
	hits(path?: string): number;
	requests(path?: string): readonly RecordedRequest[];
	/** Closes the server and destroys open connections, hung ones included. */
	close(): Promise<void>;
};

function sendScripted(req: IncomingMessage, res: ServerResponse, step: ScriptedResponse): void {
	const headers: Record<string, string> = {...step.headers};
	if (step.etag !== undefined) headers['etag'] = step.etag;
	if (step.lastModified !== undefined) headers['last-modified'] = step.lastModified;
	const ifNoneMatch = req.headers['if-none-match'];
	const ifModifiedSince = req.headers['if-modified-since'];
	const etagMatches =
		step.etag !== undefined && ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === step.etag);
	const dateMatches = step.lastModified !== undefined && ifNoneMatch === undefined && ifModifiedSince === step.lastModified;
	if ((step.status ?? 200) === 200 && (etagMatches || dateMatches)) {
		res.writeHead(304, headers);
		res.end();
		return;
	}
	const body = step.body ?? '';
	const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
	if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
		headers['content-length'] = String(bytes.length);
	}
	if (step.statusText !== undefined) res.writeHead(step.status ?? 200, step.statusText, headers);
	else res.writeHead(step.status ?? 200, headers);
	res.end(bytes);
}

export async function startFeedServer(): Promise<FeedServer> {
	const routes = new Map<string, {steps: Step[]; next: number}>();
	const recorded: RecordedRequest[] = [];
	const sockets = new Set<Socket>();

	const server: Server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
		recorded.push({path, headers: req.headers, at: Date.now()});
		const route = routes.get(path);
		const step = route ? route.steps[Math.min(route.next, route.steps.length - 1)] : undefined;
		if (route) route.next++;
		if (step === undefined) {
			res.writeHead(404, {'content-type': 'text/plain'});
			res.end(`no route for ${path}`);
			return;
		}
		if (typeof step === 'function') {
			Promise.resolve(step(req, res)).catch(() => res.destroy());
			return;
		}
		sendScripted(req, res, step);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('feed server has no port');
	const origin = `http://127.0.0.1:${address.port}`;

	return {
		origin,
		url: (path = '/') => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
		route(path, ...steps) {
			if (steps.length === 0) throw new Error('route needs at least one step');
			routes.set(path, {steps, next: 0});
		},
		hits: (path) => (path === undefined ? recorded.length : recorded.filter((r) => r.path === path).length),
		requests: (path) => (path === undefined ? [...recorded] : recorded.filter((r) => r.path === path)),
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
