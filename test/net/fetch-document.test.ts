import {gzipSync, brotliCompressSync, deflateSync} from 'node:zlib';
import iconv from 'iconv-lite';
import type {Dispatcher} from 'undici';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {describeFailure, isLiveblogError, type Failure} from '../../src/errors.js';
import {createAgent} from '../../src/net/agent.js';
import {failureFromError, fetchDocument, MAX_DECODED_BYTES, MAX_WIRE_BYTES, type FetchOptions} from '../../src/net/fetch-document.js';
import type {PollRequest} from '../../src/sources/source.js';
import {decodeDocument} from '../../src/text/decode.js';
import {startFeedServer, type FeedServer} from '../helpers/feed-server.js';

let agent: Dispatcher;
let server: FeedServer;

beforeAll(() => {
	// Short phase timeouts so the hung-server cases finish fast; no proxy from the environment.
	agent = createAgent({headersMs: 200, bodyMs: 1_000, connectMs: 1_000, env: {}});
});
afterAll(async () => {
	await agent.close();
});
beforeEach(async () => {
	server = await startFeedServer();
});
afterEach(async () => {
	await server.close();
});

const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);
const options = (extra: FetchOptions = {}): FetchOptions => ({dispatcher: agent, now: () => NOW, totalTimeoutMs: 1_500, ...extra});
const req = (path: string, extra: Partial<PollRequest> = {}): PollRequest => ({url: server.url(path), conditional: true, key: path, ...extra});

async function failureOf(promise: Promise<unknown>): Promise<Failure> {
	try {
		await promise;
	} catch (error) {
		if (isLiveblogError(error)) return error.failure;
		throw error;
	}
	throw new Error('expected a failure');
}

const FEED = '<rss version="2.0"><channel><title>Storm watch</title></channel></rss>';

describe('fetchDocument: conditional requests', () => {
	it('returns the document with validators and a body hash, and identifies itself', async () => {
		server.route('/feed', {body: FEED, etag: '"v1"', lastModified: 'Sun, 01 Mar 2026 11:00:00 GMT', headers: {'content-type': 'application/rss+xml'}});
		const outcome = await fetchDocument(req('/feed'), undefined, options());
		expect(outcome.kind).toBe('modified');
		if (outcome.kind !== 'modified') return;
		expect(Buffer.from(outcome.document.bytes).toString()).toBe(FEED);
		expect(outcome.document.headers['content-type']).toBe('application/rss+xml');
		expect(outcome.document.url).toBe(server.url('/feed'));
		expect(outcome.at).toBe(NOW);
		expect(outcome.validators).toEqual({etag: '"v1"', lastModified: 'Sun, 01 Mar 2026 11:00:00 GMT', bodyHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/)});
		const sent = server.requests('/feed')[0]?.headers;
		expect(sent?.['user-agent']).toMatch(/^liveblog\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/liveblog-cli\/liveblog\)$/);
		expect(sent?.['accept-encoding']).toBe('gzip, deflate, br');
		expect(sent?.['if-none-match']).toBeUndefined();
	});

	it('sends If-None-Match / If-Modified-Since and turns a 304 into not-modified', async () => {
		server.route('/feed', {body: FEED, etag: '"v1"', lastModified: 'Sun, 01 Mar 2026 11:00:00 GMT', headers: {'cache-control': 'max-age=60'}});
		const first = await fetchDocument(req('/feed'), undefined, options());
		const second = await fetchDocument(req('/feed'), first.validators, options());
		expect(second.kind).toBe('not-modified');
		expect(second.validators).toEqual(first.validators);
		if (second.kind === 'not-modified') {
			expect(second.trace.status).toBe(304);
			expect(second.headers['cache-control']).toBe('max-age=60');
			expect(second.trace.sentConditional).toEqual({'if-none-match': '"v1"', 'if-modified-since': 'Sun, 01 Mar 2026 11:00:00 GMT'});
		}
		const sent = server.requests('/feed')[1]?.headers;
		expect(sent?.['if-none-match']).toBe('"v1"');
		expect(sent?.['if-modified-since']).toBe('Sun, 01 Mar 2026 11:00:00 GMT');
	});

	it('treats a 200 with a new ETag but the same bytes as not-modified, keeping the new ETag', async () => {
		server.route('/feed', {body: FEED, etag: '"a"'}, {body: FEED, etag: '"b"'}, {body: `${FEED} `, etag: '"c"'});
		const first = await fetchDocument(req('/feed'), undefined, options());
		const second = await fetchDocument(req('/feed'), first.validators, options());
		expect(second.kind).toBe('not-modified');
		expect(second.validators.etag).toBe('"b"');
		expect(second.validators.bodyHash).toBe(first.validators.bodyHash);
		const third = await fetchDocument(req('/feed'), second.validators, options());
		expect(third.kind).toBe('modified');
		expect(third.validators.bodyHash).not.toBe(first.validators.bodyHash);
	});

	it('sends no validators when the request is not conditional, but still compares the hash', async () => {
		server.route('/feed', {body: FEED, etag: '"v1"'});
		const first = await fetchDocument(req('/feed'), undefined, options());
		const second = await fetchDocument(req('/feed', {conditional: false}), first.validators, options());
		expect(server.requests('/feed')[1]?.headers['if-none-match']).toBeUndefined();
		expect(second.kind).toBe('not-modified');
		expect(second.trace.status).toBe(200);
	});
});

describe('fetchDocument: content coding and size caps', () => {
	it.each([
		['gzip', gzipSync],
		['deflate', deflateSync],
		['br', brotliCompressSync],
	] as const)('decodes %s bodies and hashes the decoded bytes', async (encoding, compress) => {
		server.route('/feed', {body: compress(Buffer.from(FEED)), headers: {'content-encoding': encoding}});
		const outcome = await fetchDocument(req('/feed'), undefined, options());
		expect(outcome.kind === 'modified' && Buffer.from(outcome.document.bytes).toString()).toBe(FEED);
		expect(outcome.trace.wireBytes).toBeLessThan(FEED.length + 30);
	});

	it('refuses a gzip bomb once the decoded size passes 20 MB', async () => {
		const member = gzipSync(Buffer.alloc(10 * 1024 * 1024), {level: 9});
		const bomb = Buffer.concat(Array.from({length: 30}, () => member)); // 300 MB decoded, ~300 KB on the wire
		server.route('/feed', {body: bomb, headers: {'content-encoding': 'gzip'}});
		const failure = await failureOf(fetchDocument(req('/feed'), undefined, options()));
		expect(failure).toEqual({kind: 'too-large', limitBytes: MAX_DECODED_BYTES, host: new URL(server.origin).host, decoded: true});
		expect(describeFailure(failure)).toContain('once decompressed');
	});

	it('refuses a 30 MB body by its Content-Length without reading it', async () => {
		let written = 0;
		server.route('/big', (_req, res) => {
			res.writeHead(200, {'content-length': String(30 * 1024 * 1024)});
			res.on('error', () => undefined);
			const chunk = Buffer.alloc(64 * 1024, 0x61);
			// Only the first chunk is offered; a client that reads it all would hang and time out.
			written += chunk.length;
			res.write(chunk);
		});
		const failure = await failureOf(fetchDocument(req('/big'), undefined, options()));
		expect(failure).toMatchObject({kind: 'too-large', limitBytes: MAX_WIRE_BYTES, decoded: false});
		expect(written).toBe(64 * 1024);
	});

	it('stops reading a chunked 30 MB body at the 20 MB wire cap', async () => {
		server.route('/big', (_req, res) => {
			res.writeHead(200, {'content-type': 'application/rss+xml'});
			const chunk = Buffer.alloc(256 * 1024, 0x61);
			let sent = 0;
			const pump = (): void => {
				while (sent < 30 * 1024 * 1024 && !res.destroyed) {
					sent += chunk.length;
					if (!res.write(chunk)) {
						res.once('drain', pump);
						return;
					}
				}
				res.end();
			};
			res.on('error', () => undefined);
			pump();
		});
		const failure = await failureOf(fetchDocument(req('/big'), undefined, options({totalTimeoutMs: 5_000})));
		expect(failure).toMatchObject({kind: 'too-large', limitBytes: MAX_WIRE_BYTES, decoded: false});
	});

	it('rejects an unknown content-encoding as unreadable, not as garbage text', async () => {
		server.route('/feed', {body: 'xx', headers: {'content-encoding': 'compress'}});
		const failure = await failureOf(fetchDocument(req('/feed'), undefined, options()));
		expect(failure).toMatchObject({kind: 'parse', message: 'unsupported content-encoding "compress"'});
	});

	it('reports a corrupt gzip body as a decompression failure', async () => {
		server.route('/feed', {body: Buffer.from('this is not gzip at all'), headers: {'content-encoding': 'gzip'}});
		const failure = await failureOf(fetchDocument(req('/feed'), undefined, options()));
		expect(failure).toMatchObject({kind: 'parse', message: 'the response could not be decompressed (gzip)'});
	});
});

describe('fetchDocument: slow, hung and broken servers', () => {
	it('ends a slow drip at the total deadline', async () => {
		const timers: NodeJS.Timeout[] = [];
		server.route('/drip', (_req, res) => {
			res.writeHead(200, {'content-type': 'application/rss+xml'});
			res.on('error', () => undefined);
			// One byte every 20 ms never trips the between-chunks body timeout.
			timers.push(setInterval(() => res.write('a'), 20));
		});
		try {
			const failure = await failureOf(fetchDocument(req('/drip'), undefined, options({totalTimeoutMs: 300})));
			expect(failure).toEqual({kind: 'timeout', phase: 'total', host: new URL(server.origin).host});
		} finally {
			for (const timer of timers) clearInterval(timer);
		}
	});

	it('times out a server that never sends headers', async () => {
		server.route('/hang', () => undefined);
		const failure = await failureOf(fetchDocument(req('/hang'), undefined, options()));
		expect(failure).toMatchObject({kind: 'timeout', phase: 'headers'});
	});

	it('reports a connection reset mid-body as a network failure', async () => {
		server.route('/reset', (request, res) => {
			res.writeHead(200, {'content-length': '5000'});
			res.write(Buffer.alloc(1000, 0x62), () => setTimeout(() => request.socket.destroy(), 10));
		});
		const failure = await failureOf(fetchDocument(req('/reset'), undefined, options()));
		expect(failure.kind).toBe('network');
		expect(describeFailure(failure)).toMatch(/^cannot reach 127\.0\.0\.1:\d+ \(/);
	});

	it('reports a refused connection with its code', async () => {
		const closed = await startFeedServer();
		const url = closed.url('/feed');
		await closed.close();
		const failure = await failureOf(fetchDocument({url, conditional: true, key: 'x'}, undefined, options()));
		expect(failure).toMatchObject({kind: 'network', code: 'ECONNREFUSED'});
	});

	it('rethrows the caller abort reason instead of a failure', async () => {
		server.route('/hang', () => undefined);
		const controller = new AbortController();
		const reason = new Error('stopped');
		const pending = fetchDocument(req('/hang'), undefined, options({signal: controller.signal}));
		setTimeout(() => controller.abort(reason), 20);
		await expect(pending).rejects.toBe(reason);
	});

	it('maps undici timeout codes to phases', () => {
		const withCode = (code: string): Error => Object.assign(new Error('x'), {code});
		expect(failureFromError(withCode('UND_ERR_CONNECT_TIMEOUT'), 'h')).toEqual({kind: 'timeout', phase: 'connect', host: 'h'});
		expect(failureFromError(withCode('UND_ERR_BODY_TIMEOUT'), 'h')).toEqual({kind: 'timeout', phase: 'body', host: 'h'});
		expect(failureFromError(new Error('wrapped', {cause: withCode('ENOTFOUND')}), 'h')).toEqual({kind: 'network', code: 'ENOTFOUND', host: 'h'});
	});

	it('refuses non-http URLs before any request', async () => {
		expect(await failureOf(fetchDocument({url: 'file:///etc/passwd', conditional: true, key: 'x'}, undefined, options()))).toEqual({
			kind: 'invalid-url',
			input: 'file:///etc/passwd',
		});
	});
});

describe('fetchDocument: redirects', () => {
	it('follows up to five redirects and reports the final URL', async () => {
		for (let i = 1; i <= 5; i++) server.route(`/r${i}`, {status: 302, headers: {location: i === 5 ? '/feed' : `/r${i + 1}`}});
		server.route('/feed', {body: FEED});
		const outcome = await fetchDocument(req('/r1'), undefined, options());
		expect(outcome.kind === 'modified' && outcome.document.url).toBe(server.url('/feed'));
		expect(outcome.trace.redirects).toBe(5);
	});

	it('treats the sixth redirect as an error (redirect loop)', async () => {
		server.route('/loop', {status: 302, headers: {location: '/loop'}});
		const failure = await failureOf(fetchDocument(req('/loop'), undefined, options()));
		expect(failure).toMatchObject({kind: 'redirect', reason: 'too-many', location: '/loop'});
		expect(server.hits('/loop')).toBe(6);
	});

	it('refuses a redirect to file:', async () => {
		server.route('/feed', {status: 301, headers: {location: 'file:///etc/passwd'}});
		const failure = await failureOf(fetchDocument(req('/feed'), undefined, options()));
		expect(failure).toMatchObject({kind: 'redirect', reason: 'bad-scheme', location: 'file:///etc/passwd'});
		expect(describeFailure(failure)).toContain('non-http(s) address');
	});

	it('drops the extra (secret) headers on a cross-origin redirect but keeps them on the same origin', async () => {
		const other = await startFeedServer();
		try {
			other.route('/feed', {body: FEED});
			server.route('/same', {status: 307, headers: {location: '/away'}});
			server.route('/away', {status: 302, headers: {location: other.url('/feed')}});
			const outcome = await fetchDocument(req('/same', {headers: {'x-api-key': 'secret-key'}}), undefined, options());
			expect(outcome.kind).toBe('modified');
			expect(server.requests('/away')[0]?.headers['x-api-key']).toBe('secret-key');
			expect(other.requests('/feed')[0]?.headers['x-api-key']).toBeUndefined();
			expect(other.requests('/feed')[0]?.headers['user-agent']).toMatch(/^liveblog\//);
		} finally {
			await other.close();
		}
	});
});

describe('fetchDocument: status codes', () => {
	it('reads Retry-After in seconds on a 429', async () => {
		server.route('/feed', {status: 429, headers: {'retry-after': '120'}});
		expect(await failureOf(fetchDocument(req('/feed'), undefined, options()))).toMatchObject({kind: 'rate-limited', status: 429, retryAfterMs: 120_000});
	});

	it('reads Retry-After as an HTTP date on a 503', async () => {
		server.route('/feed', {status: 503, headers: {'retry-after': new Date(NOW + 90_000).toUTCString()}});
		expect(await failureOf(fetchDocument(req('/feed'), undefined, options()))).toMatchObject({kind: 'rate-limited', status: 503, retryAfterMs: 90_000});
	});

	it('reports 401/403 as auth failures with a plain hint, and 404 as http', async () => {
		server.route('/a', {status: 401});
		server.route('/b', {status: 403});
		expect(await failureOf(fetchDocument(req('/a'), undefined, options()))).toMatchObject({kind: 'auth', status: 401, hint: expect.stringContaining('API key')});
		expect(await failureOf(fetchDocument(req('/b'), undefined, options()))).toMatchObject({kind: 'auth', status: 403});
		expect(await failureOf(fetchDocument(req('/missing'), undefined, options()))).toMatchObject({kind: 'http', status: 404, statusText: 'Not Found'});
	});

	it('keeps a hostile status text raw in the Failure and sanitised in its description', async () => {
		server.route('/feed', (request) => {
			request.socket.end('HTTP/1.1 503 Busy\x1b]52;c;SGVsbG8=\x07now\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
		});
		const failure = await failureOf(fetchDocument(req('/feed'), undefined, options()));
		expect(failure).toMatchObject({kind: 'http', status: 503, statusText: 'Busy\x1b]52;c;SGVsbG8=\x07now'});
		const line = describeFailure(failure);
		expect(line).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
		expect(line).toContain('HTTP 503 Busy␛]52;c;SGVsbG8=');
	});
});

describe('fetchDocument + decodeDocument: legacy charsets over the wire', () => {
	it('reads a windows-1252 feed with curly quotes and the euro sign', async () => {
		const xml = '<?xml version="1.0" encoding="windows-1252"?><rss><channel><title>“Price” €5 … done</title></channel></rss>';
		server.route('/feed', {body: iconv.encode(xml, 'windows-1252'), headers: {'content-type': 'application/rss+xml'}});
		const outcome = await fetchDocument(req('/feed'), undefined, options());
		if (outcome.kind !== 'modified') throw new Error('expected a document');
		expect(outcome.document.bytes.includes(0x93)).toBe(true);
		expect(decodeDocument(outcome.document).text).toBe(xml);
	});

	it('reads a UTF-16 feed (little- and big-endian) by its BOM', async () => {
		const xml = '<?xml version="1.0" encoding="UTF-16"?><feed><title>Eilmeldung: “Sturm” 速報</title></feed>';
		const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
		const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(xml, 'utf16le').swap16()]);
		server.route('/le', {body: le, headers: {'content-type': 'application/atom+xml'}});
		server.route('/be', {body: be, headers: {'content-type': 'application/atom+xml'}});
		for (const path of ['/le', '/be']) {
			const outcome = await fetchDocument(req(path), undefined, options());
			if (outcome.kind !== 'modified') throw new Error('expected a document');
			expect(decodeDocument(outcome.document)).toMatchObject({text: xml, contentType: 'application/atom+xml'});
		}
	});
});
