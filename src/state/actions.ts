/**
 * Everything that can happen, as past-tense events carrying their time.
 * Poll events arrive as the poller reports them, tagged with their tab.
 */
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
	| {readonly type: 'store-written'; readonly at: number}
	| {readonly type: 'store-write-failed'; readonly message: SafeText; readonly at: number}
	| {readonly type: 'notice-shown'; readonly text: SafeText; readonly at: number}
	| {readonly type: 'mouse-scrolled'; readonly lines: number; readonly x: number; readonly y: number; readonly at: number}
	| {readonly type: 'mouse-clicked'; readonly x: number; readonly y: number; readonly at: number};
