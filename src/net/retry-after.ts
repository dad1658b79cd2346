/**
 * What a response says about when to ask again: Retry-After (seconds or an
 * HTTP date), Cache-Control max-age (minus Age), Expires (relative to the
 * server's Date). Pure; times in epoch ms.
 */

/** Retry-After never asks us to wait longer than this (a date far in the future is a server bug). */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

export type Freshness = {readonly ms: number; readonly reason: 'max-age' | 'expires'};

/** An HTTP date (IMF-fixdate, RFC 850 or asctime) as epoch ms, or null. */
export function parseHttpDate(value: string | undefined): number | null {
	if (value === undefined) return null;
	const trimmed = value.trim();
	// A bare number is not a date (Date.parse would read "0" as the year 2000).
	if (!/[a-z]/i.test(trimmed)) return null;
	const ms = Date.parse(trimmed);
	return Number.isFinite(ms) ? ms : null;
}

/** Retry-After as a delay from `now`, or null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
	if (value === undefined) return null;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
	const date = parseHttpDate(trimmed);
	if (date === null) return null;
	return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}

/** Cache-Control max-age in ms (no-cache/no-store count as 0), or null. */
export function parseMaxAge(cacheControl: string | undefined): number | null {
	if (cacheControl === undefined) return null;
	let result: number | null = null;
	for (const directive of cacheControl.toLowerCase().split(',')) {
		const [name = '', arg] = directive.trim().split('=', 2);
		if (name === 'no-cache' || name === 'no-store') return 0;
		if (name === 'max-age' && arg !== undefined) {
			const seconds = Number(arg.trim().replace(/^"|"$/g, ''));
			if (Number.isInteger(seconds) && seconds >= 0) result = seconds * 1000;
		}
	}
	return result;
}

/**
 * How long the response stays fresh, from its headers. max-age wins over
 * Expires (RFC 9111); Expires is measured against the server's own Date so
 * that a skewed local clock does not matter. An unreadable Expires means
 * "already expired".
 */
export function freshnessOf(headers: Readonly<Record<string, string>>, now: number): Freshness | null {
	const maxAge = parseMaxAge(headers['cache-control']);
	if (maxAge !== null) {
		const age = Number(headers['age'] ?? '0');
		const used = Number.isFinite(age) && age > 0 ? age * 1000 : 0;
		return {ms: Math.max(0, maxAge - used), reason: 'max-age'};
	}
	const expiresHeader = headers['expires'];
	if (expiresHeader === undefined) return null;
	const expires = parseHttpDate(expiresHeader);
	if (expires === null) return {ms: 0, reason: 'expires'};
	const date = parseHttpDate(headers['date']) ?? now;
	return {ms: Math.max(0, expires - date), reason: 'expires'};
}
