/**
 * Failures are plain data inside the program (state, events, output) and are
 * turned into one human line by `describeFailure`. Classes exist only at the
 * edges, where something throws: `LiveblogError` carries a Failure.
 */
import {ownText, sanitizeLine, type SafeText} from './text/sanitize.js';

export type Failure =
	| {readonly kind: 'http'; readonly status: number; readonly statusText: string; readonly host: string}
	| {readonly kind: 'rate-limited'; readonly status: number; readonly host: string; readonly retryAfterMs: number | null}
	| {readonly kind: 'auth'; readonly status: number; readonly host: string; readonly hint: string}
	| {readonly kind: 'network'; readonly code: string; readonly host: string}
	| {readonly kind: 'timeout'; readonly phase: 'connect' | 'headers' | 'body' | 'total'; readonly host: string}
	| {readonly kind: 'too-large'; readonly limitBytes: number; readonly host: string; readonly decoded: boolean}
	| {readonly kind: 'redirect'; readonly reason: 'too-many' | 'bad-scheme'; readonly host: string; readonly location: string}
	| {readonly kind: 'not-a-feed'; readonly found: string; readonly url: string}
	| {readonly kind: 'parse'; readonly message: string; readonly url: string}
	| {readonly kind: 'invalid-url'; readonly input: string};

export class LiveblogError extends Error {
	override readonly name = 'LiveblogError';
	readonly failure: Failure;
	constructor(failure: Failure, options?: {cause?: unknown}) {
		super(describeFailure(failure), options);
		this.failure = failure;
	}
}

export function isLiveblogError(error: unknown): error is LiveblogError {
	return error instanceof LiveblogError;
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

function seconds(ms: number): string {
	return `${Math.max(1, Math.round(ms / 1000))} s`;
}

/** One line, never a stack trace. Every piece that came from outside is sanitised. */
export function describeFailure(failure: Failure): SafeText {
	switch (failure.kind) {
		case 'http': {
			const text = failure.statusText ? ` ${failure.statusText}` : '';
			return sanitizeLine(`HTTP ${failure.status}${text} from ${failure.host}`);
		}
		case 'rate-limited': {
			const wait = failure.retryAfterMs === null ? '' : `, asked to wait ${seconds(failure.retryAfterMs)}`;
			return sanitizeLine(`HTTP ${failure.status}: ${failure.host} is rate-limiting us${wait}`);
		}
		case 'auth':
			return sanitizeLine(`HTTP ${failure.status} from ${failure.host}: ${failure.hint}`);
		case 'network':
			return sanitizeLine(`cannot reach ${failure.host} (${failure.code})`);
		case 'timeout':
			return sanitizeLine(
				failure.phase === 'total'
					? `${failure.host} took too long to answer (60 s deadline)`
					: `timed out waiting for ${failure.host} (${failure.phase})`,
			);
		case 'too-large':
			return sanitizeLine(
				`response from ${failure.host} is over ${Math.round(failure.limitBytes / 1024 / 1024)} MB${failure.decoded ? ' once decompressed' : ''}; refused`,
			);
		case 'redirect':
			return sanitizeLine(
				failure.reason === 'too-many'
					? `too many redirects from ${failure.host}`
					: `${failure.host} redirected to a non-http(s) address (${failure.location})`,
			);
		case 'not-a-feed':
			return sanitizeLine(`${hostOf(failure.url)} sent ${failure.found}`);
		case 'parse':
			return sanitizeLine(`could not read the feed from ${hostOf(failure.url)}: ${failure.message}`);
		case 'invalid-url':
			return sanitizeLine(`not a web address: ${failure.input}`);
	}
}

/** Anything thrown, as a Failure. Unknown errors become a parse failure with their message. */
export function toFailure(error: unknown, url: string): Failure {
	if (isLiveblogError(error)) return error.failure;
	const message = error instanceof Error ? error.message : String(error);
	return {kind: 'parse', message: ownText(message).slice(0, 200), url};
}
