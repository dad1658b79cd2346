/**
 * Older posts on demand and following a series. A Guardian answer holds the
 * 50 newest blocks; when the reader reaches the end of the list the app asks
 * for older ones (the reducer only records that it is loading: the request
 * itself is the app's effect), and they merge as additions, so nothing is
 * removed and nothing is marked new. Following a series' newer blog starts
 * the tab over.
 */
import {describeFailure} from '../errors.js';
import type {ParsedBlog} from '../model/blog.js';
import {mergePoll} from '../model/merge.js';
import {ownText} from '../text/sanitize.js';
import type {Action} from './actions.js';
import {paneOf, type Pane} from './pane.js';
import {rowsFrom} from './rows.js';
import {activeTab, initialTab, type State, type TabState} from './state.js';
import {withTab} from './tab-update.js';

type OlderAction = Extract<Action, {type: 'older-requested' | 'older-loaded' | 'older-failed' | 'blog-followed'}>;

export function reduceOlder(state: State, action: OlderAction): State {
	switch (action.type) {
		case 'older-requested':
			return withTab(state, action.tab, (tab) => (tab.older.kind === 'loading' || tab.blog === null ? tab : {...tab, older: {kind: 'loading'}}));
		case 'older-failed':
			return withTab(state, action.tab, (tab) => (tab.older.kind === 'loading' ? {...tab, older: {kind: 'failed', failure: action.failure}} : tab));
		case 'older-loaded':
			return withTab(state, action.tab, (tab) => olderLoaded(tab, action.blog, action.at));
		case 'blog-followed': {
			const next = withTab(state, action.tab, (tab) => ({...initialTab(tab.url), arrival: tab.arrival, storeSeq: tab.storeSeq}));
			return next === state ? state : {...next, notice: ownText(`following the newer live blog: ${action.title}`)};
		}
	}
}

function olderLoaded(tab: TabState, older: ParsedBlog, at: number): TabState {
	// A load that was overtaken (the tab followed a newer blog) is dropped.
	if (tab.older.kind !== 'loading' || tab.blog === null) return tab;
	const b = tab.blog;
	// Only the entries count: the blog's own fields stay as the last poll left them.
	const doc: ParsedBlog = {
		format: b.format,
		title: b.title,
		description: b.description,
		homeUrl: b.homeUrl,
		live: b.live,
		entries: older.entries,
		coverage: {kind: 'additions'},
		hints: b.hints,
		skipped: b.skipped,
		...(b.newerBlog === undefined ? {} : {newerBlog: b.newerBlog}),
	};
	const merged = mergePoll(b, doc, tab.url, at);
	// Nothing added means nothing older exists (or the entry bound is reached): stop asking.
	const exhausted = merged.added.length === 0;
	return {
		...tab,
		blog: merged.blog,
		older: exhausted ? {kind: 'exhausted'} : {kind: 'idle'},
		storeSeq: merged.blog === b ? tab.storeSeq : tab.storeSeq + 1,
	};
}

/** Whether the end of the list (the oldest post's last row) is on screen. */
export function atListEnd(pane: Pane): boolean {
	const {entries} = pane.view.list;
	if (entries.length === 0) return false;
	const last = rowsFrom(pane.pos, pane.view).at(-1);
	return last !== undefined && last.kind === 'gap' && last.entry === entries[entries.length - 1];
}

function showsWholeBlog(state: State): boolean {
	return state.filter.kind === 'none' && !state.keyEventsOnly && !state.help;
}

/** The tab whose older posts the app should load now, if any: the active one, at its end. */
export function olderWanted(state: State): number | null {
	const tab = activeTab(state);
	if (tab.blog?.format !== 'guardian' || tab.older.kind !== 'idle' || !showsWholeBlog(state)) return null;
	const pane = paneOf(state, tab);
	if (pane.geometry.sidebar.kind === 'full') return null;
	return atListEnd(pane) ? state.active : null;
}

/** The line under the oldest post while older posts load, or when there are none. */
export function olderFooter(state: State, tab: TabState): {readonly text: string; readonly tone: 'muted' | 'warning'} | null {
	if (!showsWholeBlog(state)) return null;
	if (tab.extent.kind === 'first-load-preview') {
		// After a failed read the preview stays, and says it is only part of the blog.
		return tab.error === null
			? {text: 'loading the rest of the blog…', tone: 'muted'}
			: {text: `only the newest ${tab.extent.posts} posts: the rest of the feed could not be read yet`, tone: 'warning'};
	}
	switch (tab.older.kind) {
		case 'idle':
			return null;
		case 'loading':
			return {text: 'loading older posts…', tone: 'muted'};
		case 'exhausted':
			return {text: 'beginning of the blog', tone: 'muted'};
		case 'failed':
			return {text: `older posts could not be loaded: ${describeFailure(tab.older.failure)}`, tone: 'warning'};
	}
}

/** A failed load is tried again once the reader has left the end of the list. */
export function rearmOlder(state: State): State {
	const tab = activeTab(state);
	if (tab.older.kind !== 'failed' || atListEnd(paneOf(state, tab))) return state;
	return withTab(state, state.active, (t) => ({...t, older: {kind: 'idle'}}));
}
