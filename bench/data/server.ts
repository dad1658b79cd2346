/**
 * The loopback blog server: node:http on 127.0.0.1, port 0. Static documents
 * get a strong ETag and Last-Modified and answer conditional requests with
 * 304; dynamic routes compute their document per request (the polling
 * simulation's blog changes with its injected clock). Counts what it served.
 */
import {createHash} from 'node:crypto';
import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';

export type Served = {
	readonly body: Buffer;
	readonly contentType: string;
	/** Epoch ms for Last-Modified. */
	readonly modified: number;
};

export type Route = (request: IncomingMessage) => Served | null;

export type Counts = {requests: number; notModified: number; bodyBytes: number};

export type BlogServer = {
	readonly origin: string;
	/** Serve fixed bytes at `path`. */
	put(path: string, served: Served): void;
	/** Compute the answer per request (null: 404). */
	route(path: string, route: Route): void;
	counts(path: string): Counts;
	close(): Promise<void>;
};

function etagOf(body: Buffer): string {
	return `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
}

export async function startServer(): Promise<BlogServer> {
	const routes = new Map<string, Route>();
	const etags = new WeakMap<Buffer, string>();
	const counts = new Map<string, Counts>();
	const countFor = (path: string): Counts => {
		let c = counts.get(path);
		if (c === undefined) {
			c = {requests: 0, notModified: 0, bodyBytes: 0};
			counts.set(path, c);
		}
		return c;
	};
	const server: Server = createServer((request, response) => {
		const path = (request.url ?? '/').split('?')[0]!;
		const route = routes.get(path);
		const served = route?.(request) ?? null;
		const c = countFor(path);
		c.requests++;
		if (served === null) {
			response.writeHead(404, {'content-type': 'text/plain'}).end('not found');
			return;
		}
		let etag = etags.get(served.body);
		if (etag === undefined) {
			etag = etagOf(served.body);
			etags.set(served.body, etag);
		}
		const headers = {
			etag,
			'last-modified': new Date(served.modified).toUTCString(),
			'cache-control': 'no-cache',
		};
		const inm = request.headers['if-none-match'];
		const ims = request.headers['if-modified-since'];
		const fresh =
			inm !== undefined ? inm.split(/\s*,\s*/).includes(etag) : ims !== undefined && Date.parse(ims) >= Math.floor(served.modified / 1000) * 1000;
		if (fresh) {
			c.notModified++;
			response.writeHead(304, headers).end();
			return;
		}
		c.bodyBytes += served.body.length;
		response.writeHead(200, {...headers, 'content-type': served.contentType, 'content-length': served.body.length});
		response.end(request.method === 'HEAD' ? undefined : served.body);
	});
	server.keepAliveTimeout = 5_000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		put: (path, served) => routes.set(path, () => served),
		route: (path, route) => routes.set(path, route),
		counts: (path) => ({...countFor(path)}),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
