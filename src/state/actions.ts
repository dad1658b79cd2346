/**
 * Everything that can happen, as past-tense events carrying their time.
 * Poll events arrive as the poller reports them, tagged with their tab.
 */
import type {Failure} from '../errors.js';
import type {ParsedBlog} from '../model/blog.js';
import type {PollEvent} from '../net/poll-events.js';
import type {SafeText} from '../text/sanitize.js';
import type {Command} from './commands.js';
import type {StoredSnapshot} from './state.js';

export type PollAction = PollEvent & {readonly tab: number};

export type Action =
	| PollAction
	| {readonly type: 'command'; readonly command: Command; readonly at: number; readonly arg?: number}
	| {readonly type: 'search-typed'; readonly text: string; readonly at: number}
	| {readonly type: 'resized'; readonly columns: number; readonly rows: number; readonly at: number}
	/** Time passed: highlights that have been on screen long enough settle. */
	| {readonly type: 'tick'; readonly at: number}
	| {readonly type: 'store-loaded'; readonly tab: number; readonly stored: StoredSnapshot; readonly at: number}
	/** The whole of a stored copy whose first screen the tab shows ('head'): it takes the place of that. */
	| {readonly type: 'store-completed'; readonly tab: number; readonly stored: StoredSnapshot; readonly at: number}
	/** The rest of that copy was damaged (and moved aside): the tab starts fresh, saying why. */
	| {readonly type: 'store-failed'; readonly tab: number; readonly message: SafeText; readonly at: number}
	| {readonly type: 'store-written'; readonly at: number}
	| {readonly type: 'store-write-failed'; readonly message: SafeText; readonly at: number}
	| {readonly type: 'notice-shown'; readonly text: SafeText; readonly at: number}
	| {readonly type: 'mouse-scrolled'; readonly lines: number; readonly x: number; readonly y: number; readonly at: number}
	| {readonly type: 'mouse-clicked'; readonly x: number; readonly y: number; readonly at: number}
	/** The app started loading posts older than the oldest held. */
	| {readonly type: 'older-requested'; readonly tab: number; readonly at: number}
	/** Older posts arrived; only `blog.entries` is used, merged as additions (nothing removed, nothing marked new). */
	| {readonly type: 'older-loaded'; readonly tab: number; readonly blog: ParsedBlog; readonly at: number}
	| {readonly type: 'older-failed'; readonly tab: number; readonly failure: Failure; readonly at: number}
	/** The tab's source moved on to the newer blog of its series (`L`): the tab starts over. */
	| {readonly type: 'blog-followed'; readonly tab: number; readonly title: SafeText; readonly at: number};
