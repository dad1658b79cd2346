/**
 * Types for the undici files net/undici-parts.ts imports one by one (undici
 * ships types for its index only). They are the very classes and function
 * the index re-exports.
 */
declare module 'undici/lib/dispatcher/agent.js' {
	import type {Agent} from 'undici';
	const AgentClass: typeof Agent;
	export default AgentClass;
}

declare module 'undici/lib/dispatcher/env-http-proxy-agent.js' {
	import type {EnvHttpProxyAgent} from 'undici';
	const EnvHttpProxyAgentClass: typeof EnvHttpProxyAgent;
	export default EnvHttpProxyAgentClass;
}

declare module 'undici/lib/api/api-request.js' {
	import type {Dispatcher} from 'undici';
	/** Dispatcher.prototype.request, before undici's index assigns it there. */
	function request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
	export default request;
}
