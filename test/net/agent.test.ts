import {createServer, type Server} from 'node:http';
import type {Socket} from 'node:net';
import {Agent, EnvHttpProxyAgent} from 'undici';
import {afterEach, describe, expect, it} from 'vitest';
import {isLiveblogError} from '../../src/errors.js';
import {closeSharedAgent, createAgent, sharedAgent} from '../../src/net/agent.js';
import {fetchDocument} from '../../src/net/fetch-document.js';
import {startFeedServer} from '../helpers/feed-server.js';

/** A loopback "proxy" that only records what it was asked for and refuses. */
async function startRecordingProxy(): Promise<{url: string; seen: string[]; close: () => Promise<void>}> {
	const seen: string[] = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer((req, res) => {
		seen.push(`${req.method} ${req.url}`);
		res.writeHead(502).end();
	});
	server.on('connect', (req, socket: Socket) => {
		seen.push(`CONNECT ${req.url}`);
		socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
	});
	server.on('connection', (s) => sockets.add(s));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return {
		url: `http://127.0.0.1:${address.port}`,
		seen,
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			}),
	};
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('agent', () => {
	it('is a plain keep-alive Agent without proxy variables', () => {
		const agent = createAgent({env: {}});
		cleanups.push(() => agent.close());
		expect(agent).toBeInstanceOf(Agent);
	});

	it('sends requests through HTTP_PROXY and honours NO_PROXY', async () => {
		const proxy = await startRecordingProxy();
		const feeds = await startFeedServer();
		feeds.route('/feed', {body: 'direct'});
		const agent = createAgent({env: {HTTP_PROXY: proxy.url, NO_PROXY: 'localhost'}});
		cleanups.push(() => agent.close(), proxy.close, feeds.close);
		expect(agent).toBeInstanceOf(EnvHttpProxyAgent);
		const viaProxy = await fetchDocument({url: 'http://feeds.example.test/live', conditional: false, key: 'k'}, undefined, {dispatcher: agent, totalTimeoutMs: 1_000}).catch(
			(error: unknown) => error,
		);
		expect(isLiveblogError(viaProxy)).toBe(true);
		expect(proxy.seen.join(' ')).toContain('feeds.example.test');

		const bypass = createAgent({env: {HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1'}});
		cleanups.push(() => bypass.close());
		const direct = await fetchDocument({url: feeds.url('/feed'), conditional: false, key: 'k'}, undefined, {dispatcher: bypass});
		expect(direct.kind === 'modified' && Buffer.from(direct.document.bytes).toString()).toBe('direct');
		expect(proxy.seen.some((line) => line.includes('127.0.0.1'))).toBe(false);
	});

	it('shares one dispatcher per process until closed', async () => {
		const first = sharedAgent();
		expect(sharedAgent()).toBe(first);
		await closeSharedAgent();
		const second = sharedAgent();
		expect(second).not.toBe(first);
		await closeSharedAgent();
	});
});
