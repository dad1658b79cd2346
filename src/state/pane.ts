/**
 * The main pane and sidebar of a tab as the reducer and the selectors both
 * see them: the filtered list, the viewport, the clamped position and the
 * cursor. One function so that what a key does and what is drawn agree.
 */
import type {Entry} from '../model/blog.js';
import {geometry, type Geometry} from './geometry.js';
import {entryList, keyEvents, leadingList, searchDone, type EntryList} from './list.js';
import {clampPos, entryHeight, resolve, type ListView, type Pos} from './rows.js';
import type {State, TabState} from './state.js';

export type Pane = {
	readonly geometry: Geometry;
	readonly view: ListView;
	readonly pos: Pos;
	/** Index in the list of the selected entry (defaults to the top one). */
	readonly cursor: number;
	/**
	 * False while a query is typed and only the start of its list is known:
	 * enough to fill two screens from the top, which is all the pane can
	 * show before the reader leaves the search line.
	 */
	readonly complete: boolean;
};

const noEntries: readonly Entry[] = [];

type Memo = {
	readonly blog: TabState['blog'];
	readonly cursor: TabState['cursor'];
	readonly expanded: TabState['expanded'];
	readonly viewport: State['viewport'];
	readonly sidebar: State['sidebar'];
	readonly tabCount: number;
	readonly filter: State['filter'];
	readonly keyEventsOnly: boolean;
	readonly pane: Pane;
};

/**
 * The last pane worked out for each scroll position. One key asks for the
 * same pane many times (the command, the visibility bookkeeping, the header,
 * the rows), often of a tab that differs only in its marks; every input is
 * compared, so a hit is always the pane paneOf would build.
 */
const memo = new WeakMap<TabState['scroll'], Memo>();

export function paneOf(state: State, tab: TabState): Pane {
	const hit = memo.get(tab.scroll);
	if (
		hit !== undefined &&
		hit.blog === tab.blog &&
		hit.cursor === tab.cursor &&
		hit.expanded === tab.expanded &&
		hit.viewport === state.viewport &&
		hit.sidebar === state.sidebar &&
		hit.tabCount === state.tabs.length &&
		hit.filter === state.filter &&
		hit.keyEventsOnly === state.keyEventsOnly &&
		(hit.pane.complete || !searchDone(tab.blog?.entries ?? noEntries, state.filter, state.keyEventsOnly))
	) {
		return hit.pane;
	}
	const pane = buildPane(state, tab);
	memo.set(tab.scroll, {
		blog: tab.blog,
		cursor: tab.cursor,
		expanded: tab.expanded,
		viewport: state.viewport,
		sidebar: state.sidebar,
		tabCount: state.tabs.length,
		filter: state.filter,
		keyEventsOnly: state.keyEventsOnly,
		pane,
	});
	return pane;
}

function buildPane(state: State, tab: TabState): Pane {
	const g = geometry(state);
	const all = tab.blog?.entries ?? noEntries;
	const shape = {width: g.textWidth, expanded: tab.expanded, height: g.bodyHeight};
	const {list, complete} = typing(state, tab)
		? screensOf(all, state, shape)
		: {list: entryList(all, state.filter, state.keyEventsOnly), complete: true};
	const view: ListView = {list, ...shape};
	const pos = clampPos(resolve(tab.scroll, list), view);
	const chosen = tab.cursor === null ? undefined : list.indexOf.get(tab.cursor);
	return {geometry: g, view, pos, cursor: chosen ?? pos.index, complete};
}

/** While a query is typed the pane sits at the top of its list (until the mouse moves it). */
function typing(state: State, tab: TabState): boolean {
	return state.filter.kind === 'editing' && tab.scroll.kind === 'top' && tab.cursor === null;
}

/** The first entries of the filtered list that fill two screens, or the whole list when it is shorter. */
function screensOf(all: readonly Entry[], state: State, shape: Omit<ListView, 'list'>): {readonly list: EntryList; readonly complete: boolean} {
	for (let wanted = 8; ; wanted *= 2) {
		const leading = leadingList(all, state.filter, state.keyEventsOnly, wanted);
		if (leading.complete) return leading;
		const view: ListView = {list: leading.list, ...shape};
		let rows = 0;
		for (const entry of leading.list.entries) rows += entryHeight(entry, view);
		if (rows >= 2 * shape.height) return leading;
	}
}

export function sidebarEntries(tab: TabState): readonly Entry[] {
	return keyEvents(tab.blog?.entries ?? noEntries);
}

/** Rows the sidebar has for items (one row is its heading). */
export function sidebarListHeight(g: Geometry): number {
	return Math.max(1, g.bodyHeight - 1);
}
