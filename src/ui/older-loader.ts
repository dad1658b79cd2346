/**
 * Fetches the posts older than the oldest held, for sources that can page
 * back (the Guardian API: `body:around:<oldest block>:50`). The answer lists
 * only some blocks, so it is an `additions` document: the merge removes
 * nothing because of it. Never rejects: faults come back as a Failure.
 */
import {toFailure} from '../errors.js';
import type {Blog} from '../model/blog.js';
import {fetchDocument, type FetchOptions} from '../net/fetch-document.js';
import {parseGuardianResponse} from '../sources/guardian.js';
import type {GuardianPollSource} from '../sources/guardian-source.js';
import type {PollSource} from '../sources/source.js';
import {decodeDocument} from '../text/decode.js';
import type {OlderOutcome} from './hooks/use-pollers.js';

export type OlderLoader = (blog: Blog, signal: AbortSignal) => Promise<OlderOutcome> | null;

type PagingSource = PollSource & Pick<GuardianPollSource, 'olderRequest'>;

function canPage(source: PollSource): source is PagingSource {
	return typeof (source as Partial<PagingSource>).olderRequest === 'function';
}

/** A loader for the source, or undefined when the source cannot page back. */
export function createOlderLoader(source: PollSource, fetchOptions: Omit<FetchOptions, 'signal'> = {}): OlderLoader | undefined {
	if (!canPage(source)) return undefined;
	return (blog, signal) => {
		const request = source.olderRequest(blog);
		if (request === null) return null;
		return (async (): Promise<OlderOutcome> => {
			try {
				const outcome = await fetchDocument(request, undefined, {...fetchOptions, signal});
				// Without validators a 304 cannot come back; treat one as "nothing older".
				if (outcome.kind === 'not-modified') return {kind: 'loaded', blog: {...emptyOf(blog)}};
				const parsed = parseGuardianResponse(decodeDocument(outcome.document));
				return {kind: 'loaded', blog: {...parsed, coverage: {kind: 'additions'}}};
			} catch (error) {
				return {kind: 'failed', failure: toFailure(error, request.url)};
			}
		})();
	};
}

function emptyOf(blog: Blog): Extract<OlderOutcome, {kind: 'loaded'}>['blog'] {
	return {
		format: blog.format,
		title: blog.title,
		description: blog.description,
		homeUrl: blog.homeUrl,
		live: blog.live,
		entries: [],
		coverage: {kind: 'additions'},
		hints: blog.hints,
		skipped: 0,
	};
}

/** Whether a source can follow a series to its newer blog. */
export function canFollow(source: PollSource): source is PollSource & Pick<GuardianPollSource, 'followNewer'> {
	return typeof (source as Partial<GuardianPollSource>).followNewer === 'function';
}
