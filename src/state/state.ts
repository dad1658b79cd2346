/**
 * Everything the screen shows, in one value. Scroll positions are anchored to
 * an entry id plus a line offset, so posts inserted above never move what the
 * reader is reading.
 */
import type {Failure} from '../errors.js';
import type {Blog, EntryId} from '../model/blog.js';
import type {NextPoll} from '../net/poll-events.js';
import type {SafeText} from '../text/sanitize.js';

/** `top` follows the newest post; `anchor` pins a line of a given entry to the top row. */
export type Scroll =
	| {readonly kind: 'top'}
	| {readonly kind: 'anchor'; readonly id: EntryId; readonly offset: number; readonly published: number};

/** A highlight: a new or edited post the reader has not yet had on screen for long. */
export type Mark = {
	readonly kind: 'new' | 'updated';
	readonly at: number;
	/** Since when it has been on screen without interruption, or null. */
	readonly shownSince: number | null;
	/** Arrived while the program was closed ("12 new since you last looked"). */
	readonly whileAway: boolean;
};

/**
 * Older posts loaded on demand (Guardian: past the 50 newest). `exhausted`:
 * the source had nothing older; `failed` is retried once the reader leaves the
 * end of the list and comes back.
 */
export type OlderPosts =
	| {readonly kind: 'idle'}
	| {readonly kind: 'loading'}
	| {readonly kind: 'exhausted'}
	| {readonly kind: 'failed'; readonly failure: Failure};

/**
 * How much of the blog `blog` holds. Two ways of drawing a frame early leave
 * it short of the whole blog: a first load's preview (a large feed's newest
 * posts while the worker reads the rest; the poll that settles the first load
 * replaces it, as if the preview had never been) and a warm start's stored
 * head (the stored copy's first screen while store/state-decode.ts decodes the
 * rest, until 'store-completed'). They never hold at once, so they are one
 * field, not two. Until the blog is whole it is not saved (ui/save-tab.ts),
 * and while a stored head is shown keys wait and the poller is not started.
 */
export type BlogExtent =
	| {readonly kind: 'whole'}
	/** `posts`: how many the preview holds, for the status line. */
	| {readonly kind: 'first-load-preview'; readonly posts: number}
	/**
	 * `keyEvents`: the whole copy's count, for the sidebar heading; `unseen`:
	 * the entries the head said were new, for checking against the whole copy.
	 */
	| {readonly kind: 'stored-head'; readonly keyEvents: number; readonly unseen: ReadonlySet<EntryId>};

export type TabError = {readonly failure: Failure; readonly at: number; readonly next: NextPoll};

/** Posts that arrived in the last poll, for the bell, the title and notifications. */
export type Arrival = {readonly seq: number; readonly posts: number; readonly keyEvents: number; readonly title: SafeText | null};

export type TabState = {
	readonly url: string;
	readonly blog: Blog | null;
	readonly fromStore: {readonly savedAt: number} | null;
	readonly marks: ReadonlyMap<EntryId, Mark>;
	readonly error: TabError | null;
	readonly next: NextPoll | null;
	readonly paused: boolean;
	readonly via: SafeText | null;
	readonly scroll: Scroll;
	readonly cursor: EntryId | null;
	readonly sidebarIndex: number;
	readonly expanded: ReadonlySet<EntryId>;
	readonly arrival: Arrival;
	/** Bumped whenever what the store keeps (blog, seen) changes. */
	readonly storeSeq: number;
	readonly older: OlderPosts;
	readonly extent: BlogExtent;
};

export type Filter =
	| {readonly kind: 'none'}
	| {readonly kind: 'editing'; readonly query: string}
	| {readonly kind: 'kept'; readonly query: string};

export type Focus = 'entries' | 'sidebar';
export type SidebarPreference = 'auto' | 'shown' | 'hidden';

export type State = {
	readonly tabs: readonly TabState[];
	readonly active: number;
	readonly focus: Focus;
	readonly filter: Filter;
	readonly keyEventsOnly: boolean;
	readonly timeMode: 'relative' | 'absolute';
	readonly help: boolean;
	readonly sidebar: SidebarPreference;
	readonly viewport: {readonly columns: number; readonly rows: number};
	/** A one-off message for the status line (cleared by the next key). */
	readonly notice: SafeText | null;
	/** A persistent warning, e.g. the state file could not be written. */
	readonly warning: SafeText | null;
};

/** What the state file hands back at start: every StoredBlog fits. */
export type StoredSnapshot = {readonly savedAt: number; readonly blog: Blog; readonly seen: readonly EntryId[]};

/** The rest of a stored copy whose `blog` holds only its first screen: what the whole blog would give. */
export type StoredRest = {readonly unseen: readonly EntryId[]; readonly keyEvents: number};

export type TabInit = {readonly url: string; readonly stored: StoredSnapshot | null; readonly rest?: StoredRest};

export function initialTab(url: string): TabState {
	return {
		url,
		blog: null,
		fromStore: null,
		marks: new Map(),
		error: null,
		next: null,
		paused: false,
		via: null,
		scroll: {kind: 'top'},
		cursor: null,
		sidebarIndex: 0,
		expanded: new Set(),
		arrival: {seq: 0, posts: 0, keyEvents: 0, title: null},
		storeSeq: 0,
		older: {kind: 'idle'},
		extent: {kind: 'whole'},
	};
}

/**
 * A tab drawn from its stored copy: entries not seen in an earlier run are
 * new. With `rest`, the blog is only the copy's first screen, and the marks
 * are those of the whole copy all the same.
 */
export function restoredTab(url: string, stored: StoredSnapshot, rest?: StoredRest): TabState {
	const mark: Mark = {kind: 'new', at: stored.savedAt, shownSince: null, whileAway: true};
	const marks = new Map<EntryId, Mark>();
	if (rest === undefined) {
		const seen = new Set(stored.seen);
		for (const entry of stored.blog.entries) if (!seen.has(entry.id)) marks.set(entry.id, mark);
	} else {
		for (const id of rest.unseen) marks.set(id, mark);
	}
	const extent: BlogExtent = rest === undefined ? {kind: 'whole'} : {kind: 'stored-head', keyEvents: rest.keyEvents, unseen: new Set(rest.unseen)};
	return {...initialTab(url), blog: stored.blog, fromStore: {savedAt: stored.savedAt}, marks, extent};
}

export function initialState(tabs: readonly TabInit[], viewport: {columns: number; rows: number}): State {
	return {
		tabs: tabs.map((t) => (t.stored ? restoredTab(t.url, t.stored, t.rest) : initialTab(t.url))),
		active: 0,
		focus: 'entries',
		filter: {kind: 'none'},
		keyEventsOnly: false,
		timeMode: 'relative',
		help: false,
		sidebar: 'auto',
		viewport,
		notice: null,
		warning: null,
	};
}

export function activeTab(state: State): TabState {
	return state.tabs[state.active] ?? state.tabs[0]!;
}

/** Whether any tab still waits for the rest of its stored copy. */
export function restoring(state: State): boolean {
	return state.tabs.some((tab) => tab.extent.kind === 'stored-head');
}
