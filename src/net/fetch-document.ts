/**
 * One conditional GET, with everything a hostile or broken server can do
 * turned into either an outcome or a LiveblogError carrying a Failure:
 * redirects followed here (max 5, http/https only, secret headers dropped
 * across origins), sizes capped on the wire and after decompression, a total
 * deadline over undici's per-phase timeouts, and every body consumed or
 * destroyed.
 */
import {readFileSync} from 'node:fs';
import type {Dispatcher} from 'undici';
import {LiveblogError, type Failure} from '../errors.js';
import type {FetchedDocument, PollRequest} from '../sources/source.js';
import {sharedAgent} from './agent.js';
import type {Validators} from './poll-events.js';
import {destroyBody, discard, readBody} from './read-body.js';
import {parseRetryAfter} from './retry-after.js';
import {requestGet} from './undici-parts.js';
import {conditionalHeaders, hashBody, nextValidators} from './validators.js';

export const MAX_WIRE_BYTES = 20 * 1024 * 1024;
export const MAX_DECODED_BYTES = 20 * 1024 * 1024;
export const TOTAL_DEADLINE_MS = 60_000;
export const MAX_REDIRECTS = 5;
export const PROJECT_URL = 'https://github.com/liveblog-cli/liveblog';

export type FetchOptions = {
	readonly dispatcher?: Dispatcher;
	/** Aborts the request (the poller stopping); the signal's reason is rethrown. */
	readonly signal?: AbortSignal;
	/** Time source for `at`; Date.now by default. */
	readonly now?: () => number;
	readonly totalTimeoutMs?: number;
	readonly maxBytes?: number;
	readonly maxDecodedBytes?: number;
	readonly maxRedirects?: number;
};

/** What was sent and received, for the debug log. */
export type FetchTrace = {
	readonly url: string;
	readonly finalUrl: string;
	readonly status: number;
	readonly sentConditional: Readonly<Record<string, string>>;
	readonly wireBytes: number;
	readonly redirects: number;
};

export type FetchOutcome =
	| {
			readonly kind: 'modified';
			readonly at: number;
			readonly document: FetchedDocument;
			readonly validators: Validators;
			readonly trace: FetchTrace;
	  }
	| {
			readonly kind: 'not-modified';
			readonly at: number;
			readonly validators: Validators;
			/** Headers of the final response (a 304 or the unchanged 200): freshness lives here. */
			readonly headers: Readonly<Record<string, string>>;
			readonly trace: FetchTrace;
	  };

let cachedUserAgent: string | null = null;

/** `liveblog/<version> (+<project url>)`, the version read from package.json once. */
export function userAgent(): string {
	if (cachedUserAgent === null) {
		let version = '0.0.0';
		try {
			const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
			if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') version = pkg.version;
		} catch {
			// A missing package.json (bundled build) still gets a usable agent string.
		}
		cachedUserAgent = `liveblog/${version} (+${PROJECT_URL})`;
	}
	return cachedUserAgent;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function fail(failure: Failure, cause?: unknown): LiveblogError {
	return new LiveblogError(failure, cause === undefined ? undefined : {cause});
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(raw)) {
		if (value === undefined) continue;
		out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

function parseHttpUrl(raw: string): URL | null {
	try {
		const url = new URL(raw);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
	} catch {
		return null;
	}
}

function errorCode(error: unknown): string | null {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
		if ('code' in current && typeof current.code === 'string') return current.code;
		current = 'cause' in current ? current.cause : null;
	}
	return null;
}

/** undici and socket errors as a Failure, matched by error.code. */
export function failureFromError(error: unknown, host: string): Failure {
	const code = errorCode(error);
	switch (code) {
		case 'UND_ERR_CONNECT_TIMEOUT':
			return {kind: 'timeout', phase: 'connect', host};
		case 'UND_ERR_HEADERS_TIMEOUT':
			return {kind: 'timeout', phase: 'headers', host};
		case 'UND_ERR_BODY_TIMEOUT':
			return {kind: 'timeout', phase: 'body', host};
		case 'UND_ERR_SOCKET':
		case 'UND_ERR_CLOSED':
			return {kind: 'network', code: 'connection closed', host};
		case null:
			return {kind: 'network', code: error instanceof Error ? error.name : 'unknown error', host};
		default:
			return {kind: 'network', code, host};
	}
}

function statusFailure(status: number, statusText: string, headers: Record<string, string>, host: string, now: number): Failure {
	const retryAfterMs = parseRetryAfter(headers['retry-after'], now);
	if (status === 429 || (status === 503 && retryAfterMs !== null)) return {kind: 'rate-limited', status, host, retryAfterMs};
	if (status === 401) {
		return {kind: 'auth', status, host, hint: 'the server wants credentials; check the API key if this source uses one'};
	}
	if (status === 403) {
		return {kind: 'auth', status, host, hint: 'access refused; the API key may be wrong or over its limit, or the page is not public'};
	}
	// Raw on purpose: describeFailure sanitises it where it is shown.
	return {kind: 'http', status, statusText: statusText.slice(0, 200), host};
}

export async function fetchDocument(
	pollRequest: PollRequest,
	validators: Validators | undefined,
	options: FetchOptions = {},
): Promise<FetchOutcome> {
	const now = options.now ?? Date.now;
	const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
	const limits = {maxBytes: options.maxBytes ?? MAX_WIRE_BYTES, maxDecodedBytes: options.maxDecodedBytes ?? MAX_DECODED_BYTES};
	const start = parseHttpUrl(pollRequest.url);
	if (!start) throw fail({kind: 'invalid-url', input: pollRequest.url.slice(0, 500)});

	const deadline = new AbortController();
	const timer = setTimeout(() => deadline.abort(new Error('total deadline')), options.totalTimeoutMs ?? TOTAL_DEADLINE_MS);
	const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
	const sentConditional = pollRequest.conditional ? conditionalHeaders(validators) : {};
	let url = start;
	let secretHeaders: Readonly<Record<string, string>> = pollRequest.headers ?? {};
	let redirects = 0;
	try {
		for (;;) {
			const response = await requestGet(url, {
				dispatcher: options.dispatcher ?? sharedAgent(),
				signal,
				headers: {
					...secretHeaders,
					...sentConditional,
					'user-agent': userAgent(),
					accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
					'accept-encoding': 'gzip, deflate, br',
				},
			});
			const headers = flattenHeaders(response.headers);
			const status = response.statusCode;
			const host = url.host;
			const trace = (wireBytes: number): FetchTrace => ({
				url: pollRequest.url,
				finalUrl: url.href,
				status,
				sentConditional,
				wireBytes,
				redirects,
			});

			if (REDIRECT_STATUSES.has(status) && headers['location'] !== undefined) {
				await discard(response.body);
				const location = headers['location'];
				if (redirects >= maxRedirects) throw fail({kind: 'redirect', reason: 'too-many', host, location: location.slice(0, 500)});
				let target: URL | null = null;
				try {
					target = new URL(location, url);
				} catch {
					target = null;
				}
				if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:')) {
					throw fail({kind: 'redirect', reason: 'bad-scheme', host, location: location.slice(0, 500)});
				}
				// API keys travel in the extra headers; another origin must not see them.
				if (target.origin !== url.origin) secretHeaders = {};
				url = target;
				redirects++;
				continue;
			}

			if (status === 304) {
				await discard(response.body);
				return {
					kind: 'not-modified',
					at: now(),
					validators: nextValidators(headers, validators, {kind: 'not-modified'}),
					headers,
					trace: trace(0),
				};
			}

			if (status < 200 || status > 299) {
				await discard(response.body);
				throw fail(statusFailure(status, response.statusText ?? '', headers, host, now()));
			}

			const declared = Number(headers['content-length']);
			if (headers['content-length'] !== undefined && Number.isFinite(declared) && declared > limits.maxBytes) {
				destroyBody(response.body);
				throw fail({kind: 'too-large', limitBytes: limits.maxBytes, host, decoded: false});
			}
			const body = await readBody(response.body, headers['content-encoding'], limits, url);
			const bodyHash = hashBody(body.bytes);
			if (validators?.bodyHash === bodyHash) {
				return {
					kind: 'not-modified',
					at: now(),
					validators: nextValidators(headers, validators, {kind: 'modified', bodyHash}),
					headers,
					trace: trace(body.wireBytes),
				};
			}
			return {
				kind: 'modified',
				at: now(),
				document: {url: url.href, status, headers, bytes: new Uint8Array(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength)},
				validators: nextValidators(headers, validators, {kind: 'modified', bodyHash}),
				trace: trace(body.wireBytes),
			};
		}
	} catch (error) {
		if (error instanceof LiveblogError) throw error;
		if (options.signal?.aborted) throw options.signal.reason;
		if (deadline.signal.aborted) throw fail({kind: 'timeout', phase: 'total', host: url.host}, error);
		throw fail(failureFromError(error, url.host), error);
	} finally {
		clearTimeout(timer);
	}
}
