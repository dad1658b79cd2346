/**
 * The parts of undici liveblog uses, each imported from its own file.
 * undici's index also loads fetch, WebSocket, EventSource, the cache, the
 * mock agents and every interceptor: at start-up that doubled the time the
 * first poll waited for undici (~100 ms more on the 2-core machine), and
 * none of it is used. These are the same classes the index exports.
 */
import type {Dispatcher} from 'undici';
import AgentClass from 'undici/lib/dispatcher/agent.js';
import EnvHttpProxyAgentClass from 'undici/lib/dispatcher/env-http-proxy-agent.js';
import dispatcherRequest from 'undici/lib/api/api-request.js';

export const Agent = AgentClass;
export const EnvHttpProxyAgent = EnvHttpProxyAgentClass;

export type RequestOptions = {
	readonly dispatcher: Dispatcher;
	readonly signal: AbortSignal;
	readonly headers: Readonly<Record<string, string>>;
};

/** A GET, as undici's `request(url, {method: 'GET', ...})` makes it. */
export function requestGet(url: URL, options: RequestOptions): Promise<Dispatcher.ResponseData> {
	return dispatcherRequest.call(options.dispatcher, {
		origin: url.origin,
		path: `${url.pathname}${url.search}`,
		method: 'GET',
		signal: options.signal,
		headers: options.headers,
	});
}
