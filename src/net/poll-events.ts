/**
 * What the poller reports. The TUI reducer, follow mode, --json and the bench
 * all consume these; none of them fetches anything itself.
 */
import type {Failure} from '../errors.js';
import type {ParsedBlog} from '../model/blog.js';
import type {SafeText} from '../text/sanitize.js';

export type NextPollReason =
	| 'fixed'
	| 'interval'
	| 'max-age'
	| 'expires'
	| 'ttl'
	| 'update-period'
	| 'pace'
	| 'ended'
	| 'backoff'
	| 'retry-after'
	| 'startup-jitter';

export type NextPoll = {
	/** Epoch ms when the next request is due. */
	readonly at: number;
	readonly delayMs: number;
	readonly reason: NextPollReason;
};

/** ETag / Last-Modified as last received, per request key. */
export type Validators = {
	readonly etag?: string;
	readonly lastModified?: string;
	readonly bodyHash?: string;
};

export type PollEvent =
	| {readonly type: 'poll-started'; readonly at: number; readonly url: string}
	| {
			readonly type: 'poll-succeeded';
			readonly at: number;
			readonly blog: ParsedBlog;
			/** The URL the blog was read from (after autodiscovery and redirects). */
			readonly sourceUrl: string;
			/** e.g. "via feed 'Live updates'" after autodiscovery, or null. */
			readonly via: SafeText | null;
			readonly validators: Readonly<Record<string, Validators>>;
			readonly next: NextPoll;
	  }
	/** 304, or a 200 whose body hashed the same as the last: nothing changed. */
	| {
			readonly type: 'poll-not-modified';
			readonly at: number;
			readonly next: NextPoll;
			/** The validators after this poll (a 304 or an unchanged 200 may bring a new ETag), for the store. */
			readonly validators?: Readonly<Record<string, Validators>>;
	  }
	| {readonly type: 'poll-failed'; readonly at: number; readonly failure: Failure; readonly next: NextPoll}
	/**
	 * The newest posts of a large document while the rest of it is still
	 * being read; the event that settles the same poll follows. Only the
	 * first-poll worker reports it (first-poll.ts), never the poller itself.
	 */
	| {readonly type: 'poll-preview'; readonly at: number; readonly blog: ParsedBlog}
	| {readonly type: 'poll-paused'; readonly at: number; readonly paused: boolean};
