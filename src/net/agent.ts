/**
 * The one undici dispatcher of the process. Keep-alive connections are
 * reused across polls; timeouts are per phase (connect, headers, the gap
 * between body chunks), and fetch-document.ts adds a total deadline on top.
 *
 * No interceptors are composed in: redirects are followed by
 * fetch-document.ts (so the scheme check, the hop limit and dropping secret
 * headers across origins are ours and tested), decompression is ours (so the
 * decoded size is capped), and neither the cache interceptor (it hides 304s)
 * nor the retry interceptor (backoff belongs to schedule.ts) is wanted.
 */
import type {Dispatcher} from 'undici';
import {Agent, EnvHttpProxyAgent} from './undici-parts.js';

export type AgentTimeouts = {
	readonly connectMs: number;
	readonly headersMs: number;
	/** Between body chunks, not for the whole body. */
	readonly bodyMs: number;
};

export const DEFAULT_TIMEOUTS: AgentTimeouts = {connectMs: 10_000, headersMs: 15_000, bodyMs: 30_000};

export type AgentOptions = Partial<AgentTimeouts> & {
	/** Environment to read proxy settings from; process.env by default. */
	readonly env?: Readonly<Record<string, string | undefined>>;
};

function proxyConfigured(env: Readonly<Record<string, string | undefined>>): boolean {
	return ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'].some((name) => (env[name] ?? '') !== '');
}

/** A new dispatcher; EnvHttpProxyAgent when HTTP(S)_PROXY is set (it honours NO_PROXY). */
export function createAgent(options: AgentOptions = {}): Dispatcher {
	const timeouts = {...DEFAULT_TIMEOUTS, ...withoutUndefined(options)};
	const common = {
		connect: {timeout: timeouts.connectMs},
		headersTimeout: timeouts.headersMs,
		bodyTimeout: timeouts.bodyMs,
		keepAliveTimeout: 30_000,
	};
	const env = options.env ?? process.env;
	if (proxyConfigured(env)) {
		return new EnvHttpProxyAgent({
			...common,
			httpProxy: env['HTTP_PROXY'] ?? env['http_proxy'],
			httpsProxy: env['HTTPS_PROXY'] ?? env['https_proxy'],
			noProxy: env['NO_PROXY'] ?? env['no_proxy'],
		});
	}
	return new Agent(common);
}

function withoutUndefined(options: AgentOptions): Partial<AgentTimeouts> {
	const out: {connectMs?: number; headersMs?: number; bodyMs?: number} = {};
	if (options.connectMs !== undefined) out.connectMs = options.connectMs;
	if (options.headersMs !== undefined) out.headersMs = options.headersMs;
	if (options.bodyMs !== undefined) out.bodyMs = options.bodyMs;
	return out;
}

let shared: Dispatcher | null = null;

/** The process-wide dispatcher, created on first use. */
export function sharedAgent(): Dispatcher {
	shared ??= createAgent();
	return shared;
}

/** Closes the shared dispatcher (at exit), so keep-alive sockets do not hold the process. */
export async function closeSharedAgent(): Promise<void> {
	const agent = shared;
	shared = null;
	if (agent) await agent.close().catch(() => undefined);
}
