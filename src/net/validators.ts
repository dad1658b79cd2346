/**
 * ETag / Last-Modified in and out, and the body hash that lets a 200 with
 * unchanged bytes count as "not modified" (servers that rotate ETags per
 * request, or send none).
 */
import {createHash} from 'node:crypto';
import type {Validators} from './poll-events.js';

/** Request headers for a conditional GET. */
export function conditionalHeaders(validators: Validators | undefined): Record<string, string> {
	const headers: Record<string, string> = {};
	if (validators?.etag) headers['if-none-match'] = validators.etag;
	if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
	return headers;
}

/**
 * Validators after a response. A 304 may omit them (keep the old ones); a 200
 * without them means the server stopped sending them (drop the old ones).
 */
export function nextValidators(
	headers: Readonly<Record<string, string>>,
	previous: Validators | undefined,
	response: {readonly kind: 'not-modified'} | {readonly kind: 'modified'; readonly bodyHash: string},
): Validators {
	const etag = headers['etag'];
	const lastModified = headers['last-modified'];
	if (response.kind === 'not-modified') {
		return withDefined({
			etag: etag ?? previous?.etag,
			lastModified: lastModified ?? previous?.lastModified,
			bodyHash: previous?.bodyHash,
		});
	}
	return withDefined({etag, lastModified, bodyHash: response.bodyHash});
}

function withDefined(v: {etag: string | undefined; lastModified: string | undefined; bodyHash: string | undefined}): Validators {
	const out: {etag?: string; lastModified?: string; bodyHash?: string} = {};
	if (v.etag) out.etag = v.etag;
	if (v.lastModified) out.lastModified = v.lastModified;
	if (v.bodyHash) out.bodyHash = v.bodyHash;
	return out;
}

/** Hash of the decoded body, prefixed with the algorithm so it can change later. */
export function hashBody(bytes: Uint8Array): string {
	return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
