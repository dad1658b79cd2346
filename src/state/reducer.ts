/**
 * The only place screen state changes. Pure: time arrives in the actions,
 * merging calls model/merge. An action that changes nothing returns the very
 * same State object, so a 304 or an idle tick causes no render.
 */
import {describeFailure} from '../errors.js';
import type {EntryId} from '../model/blog.js';
import {mergePoll} from '../model/merge.js';
import type {NextPoll} from '../net/poll-events.js';
import type {Action, PollAction} from './actions.js';
import {rearmOlder, reduceOlder} from './older.js';
import {reduceCommand, reduceMouse} from './reducer-commands.js';
import {nextPollText} from './format.js';
import {isKeyEvent} from './list.js';
import {copyMarks, marksIndex, withShownSince} from './marks-index.js';
import {paneOf} from './pane.js';
import {rowsFrom, visibleIds} from './rows.js';
import {initialTab, restoredTab, type Mark, type State, type StoredSnapshot, type TabState} from './state.js';
import {withActive, withTab} from './tab-update.js';

/** How long a new post must have been on screen before its highlight settles. */
export const SETTLE_MS = 10_000;

export function reduce(state: State, action: Action): State {
	const next = step(state, action);
	return next === state ? state : noteVisibility(next, action.at);
}

function step(state: State, action: Action): State {
	switch (action.type) {
		case 'poll-started':
		case 'poll-succeeded':
		case 'poll-not-modified':
		case 'poll-failed':
		case 'poll-paused':
		case 'poll-preview':
			return withTab(state, action.tab, (tab) => reducePoll(tab, action));
		case 'command':
			return rearmOlder(reduceCommand(state.notice === null ? state : {...state, notice: null}, action));
		case 'search-typed':
			if (state.filter.kind !== 'editing') return state;
			return withActive({...state, filter: {kind: 'editing', query: state.filter.query + action.text}}, (t) => ({
				...t,
				scroll: {kind: 'top'},
				cursor: null,
			}));
		case 'resized':
			if (state.viewport.columns === action.columns && state.viewport.rows === action.rows) return state;
			return {...state, viewport: {columns: action.columns, rows: action.rows}};
		case 'tick':
			return settle(state, action.at);
		case 'store-loaded':
			return withTab(state, action.tab, (tab) => (tab.blog === null ? restoredTab(tab.url, action.stored) : tab));
		case 'store-completed':
			return withTab(state, action.tab, (tab) => completeRestore(tab, action.stored));
		case 'store-failed': {
			const failed = withTab(state, action.tab, (tab) => (tab.extent.kind === 'stored-head' ? initialTab(tab.url) : tab));
			return failed === state ? state : {...failed, notice: action.message};
		}
		case 'store-written':
			return state.warning === null ? state : {...state, warning: null};
		case 'store-write-failed':
			return state.warning === action.message ? state : {...state, warning: action.message};
		case 'notice-shown':
			return state.notice === action.text ? state : {...state, notice: action.text};
		case 'mouse-scrolled':
		case 'mouse-clicked':
			return rearmOlder(reduceMouse(state, action));
		case 'older-requested':
		case 'older-loaded':
		case 'older-failed':
		case 'blog-followed':
			return reduceOlder(state, action);
	}
}

/**
 * The whole stored blog in place of its first screen. The marks were made
 * from what the head said was unseen (restoredTab), which for any file this
 * program wrote is what the whole copy says: they stay as the reader left
 * them, and nothing becomes new for arriving now. Only an entry the whole
 * copy calls unseen that the head did not is marked here (a file edited by
 * hand); a mark the whole copy does not back is dropped. The file holds this
 * very blog, so there is nothing to save.
 */
function completeRestore(tab: TabState, stored: StoredSnapshot): TabState {
	if (tab.extent.kind !== 'stored-head') return tab;
	const {unseen} = tab.extent;
	const seen = new Set(stored.seen);
	const marks = new Map<EntryId, Mark>();
	let same = true;
	for (const entry of stored.blog.entries) {
		if (seen.has(entry.id)) continue;
		const kept = tab.marks.get(entry.id);
		const mark = kept ?? (unseen.has(entry.id) ? undefined : {kind: 'new' as const, at: stored.savedAt, shownSince: null, whileAway: true});
		if (mark === undefined) continue;
		if (mark !== kept) same = false;
		marks.set(entry.id, mark);
	}
	same &&= marks.size === tab.marks.size;
	return {...tab, blog: stored.blog, fromStore: {savedAt: stored.savedAt}, marks: same ? tab.marks : marks, extent: {kind: 'whole'}};
}

/**
 * Whether the header would say the same about the next poll. An adaptive
 * schedule hands over a slightly different delay after most polls; only a
 * change the reader can see ("next in 40 s · server max-age") is worth a render.
 */
function sameNext(a: NextPoll | null, b: NextPoll): boolean {
	return a !== null && (a === b || nextPollText(a.delayMs, a.reason) === nextPollText(b.delayMs, b.reason));
}

function reducePoll(tab: TabState, action: PollAction): TabState {
	switch (action.type) {
		case 'poll-started':
			return tab;
		case 'poll-paused':
			return tab.paused === action.paused ? tab : {...tab, paused: action.paused};
		case 'poll-not-modified': {
			if (tab.error === null && tab.fromStore === null && sameNext(tab.next, action.next)) return tab;
			return {...tab, error: null, fromStore: null, next: action.next};
		}
		case 'poll-failed': {
			const same =
				tab.error !== null &&
				describeFailure(tab.error.failure) === describeFailure(action.failure) &&
				sameNext(tab.next, action.next);
			return same ? tab : {...tab, error: {failure: action.failure, at: action.at, next: action.next}, next: action.next};
		}
		case 'poll-succeeded':
			return pollSucceeded(tab, action);
		case 'poll-preview':
			return pollPreview(tab, action);
	}
}

/** A first load's newest posts while the rest is read; ignored once the tab holds a blog of its own. */
function pollPreview(tab: TabState, action: Extract<PollAction, {type: 'poll-preview'}>): TabState {
	if (tab.blog !== null && tab.extent.kind !== 'first-load-preview') return tab;
	const merged = mergePoll(null, action.blog, tab.url, action.at);
	return {...tab, blog: merged.blog, extent: {kind: 'first-load-preview', posts: merged.blog.entries.length}};
}

function pollSucceeded(tab: TabState, action: Extract<PollAction, {type: 'poll-succeeded'}>): TabState {
	// A preview is not merged with: the whole first load replaces it.
	const preview = tab.extent.kind === 'first-load-preview';
	const base = preview ? null : tab.blog;
	const merged = mergePoll(base, action.blog, tab.url, action.at);
	const blogChanged = merged.blog !== tab.blog;
	if (!blogChanged && !preview && tab.error === null && tab.fromStore === null && tab.via === action.via && sameNext(tab.next, action.next)) {
		return tab;
	}
	let marks = tab.marks;
	let arrival = tab.arrival;
	let expanded = tab.expanded;
	// The very first load of a blog never seen before: nothing in it is "new".
	const firstEver = base === null;
	if (!firstEver && (merged.added.length > 0 || merged.updated.length > 0 || merged.removed.length > 0 || merged.dropped.length > 0)) {
		const m = copyMarks(marks);
		const whileAway = tab.fromStore !== null;
		for (const id of merged.added) m.set(id, {kind: 'new', at: action.at, shownSince: null, whileAway});
		for (const id of merged.updated) {
			const old = m.get(id);
			if (old?.kind !== 'new') m.set(id, {kind: 'updated', at: action.at, shownSince: null, whileAway: false});
		}
		const gone = [...merged.removed, ...merged.dropped];
		for (const id of gone) m.delete(id);
		if (gone.some((id) => expanded.has(id))) expanded = new Set([...expanded].filter((id) => !gone.includes(id)));
		marks = m;
		if (merged.added.length > 0) {
			const added = new Set<EntryId>(merged.added);
			const fresh = merged.blog.entries.filter((e) => added.has(e.id));
			arrival = {
				seq: arrival.seq + 1,
				posts: fresh.length,
				keyEvents: fresh.filter(isKeyEvent).length,
				title: fresh[0]?.title ?? null,
			};
		}
	}
	return {
		...tab,
		blog: merged.blog,
		fromStore: null,
		error: null,
		next: action.next,
		via: action.via,
		marks,
		arrival,
		expanded,
		storeSeq: blogChanged || marks !== tab.marks ? tab.storeSeq + 1 : tab.storeSeq,
		extent: preview ? {kind: 'whole'} : tab.extent,
	};
}

/**
 * Starts or stops the on-screen clock of each highlighted post in the active
 * tab. Only marks on screen now or before can change, so this walks those,
 * never every mark of a 5,000-post blog.
 */
function noteVisibility(state: State, at: number): State {
	const tab = state.tabs[state.active];
	if (!tab || tab.marks.size === 0) return state;
	const pane = paneOf(state, tab);
	const hidden = state.help || pane.geometry.sidebar.kind === 'full';
	const shown = hidden ? new Set<EntryId>() : visibleIds(rowsFrom(pane.pos, pane.view));
	const changes = new Map<EntryId, number | null>();
	for (const id of marksIndex(tab.marks).shown) if (!shown.has(id)) changes.set(id, null);
	for (const id of shown) if (tab.marks.get(id)?.shownSince === null) changes.set(id, at);
	if (changes.size === 0) return state;
	const marks = withShownSince(tab.marks, changes);
	return withActive(state, (t) => ({...t, marks}));
}

/** Highlights on screen for SETTLE_MS become ordinary entries. */
function settle(state: State, at: number): State {
	return withActive(state, (tab) => {
		let marks: Map<EntryId, Mark> | null = null;
		for (const id of marksIndex(tab.marks).shown) {
			const mark = tab.marks.get(id);
			if (mark !== undefined && mark.shownSince !== null && at - mark.shownSince >= SETTLE_MS) {
				marks ??= copyMarks(tab.marks);
				marks.delete(id);
			}
		}
		return marks === null ? tab : {...tab, marks, storeSeq: tab.storeSeq + 1};
	});
}

/** When the next highlight settles, so the app can schedule one timer instead of polling. */
export function nextSettleAt(state: State): number | null {
	const marks = state.tabs[state.active]?.marks;
	if (marks === undefined) return null;
	let soonest: number | null = null;
	for (const id of marksIndex(marks).shown) {
		const since = marks.get(id)?.shownSince ?? null;
		if (since === null) continue;
		const due = since + SETTLE_MS;
		if (soonest === null || due < soonest) soonest = due;
	}
	return soonest;
}
