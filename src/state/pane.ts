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

export function paneOf(state: State, tab: TabState): Pane {
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
