/**
 * The main pane and sidebar of a tab as the reducer and the selectors both
 * see them: the filtered list, the viewport, the clamped position and the
 * cursor. One function so that what a key does and what is drawn agree.
 */
import type {Entry} from '../model/blog.js';
import {geometry, type Geometry} from './geometry.js';
import {entryList, keyEvents} from './list.js';
import {clampPos, resolve, type ListView, type Pos} from './rows.js';
import type {State, TabState} from './state.js';

export type Pane = {
	readonly geometry: Geometry;
	readonly view: ListView;
	readonly pos: Pos;
	/** Index in the list of the selected entry (defaults to the top one). */
	readonly cursor: number;
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
		hit.keyEventsOnly === state.keyEventsOnly
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
	const list = entryList(tab.blog?.entries ?? noEntries, state.filter, state.keyEventsOnly);
	const view: ListView = {list, width: g.textWidth, expanded: tab.expanded, height: g.bodyHeight};
	const pos = clampPos(resolve(tab.scroll, list), view);
	const chosen = tab.cursor === null ? undefined : list.indexOf.get(tab.cursor);
	return {geometry: g, view, pos, cursor: chosen ?? pos.index};
}

export function sidebarEntries(tab: TabState): readonly Entry[] {
	return keyEvents(tab.blog?.entries ?? noEntries);
}

/** Rows the sidebar has for items (one row is its heading). */
export function sidebarListHeight(g: Geometry): number {
	return Math.max(1, g.bodyHeight - 1);
}
