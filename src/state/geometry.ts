/**
 * Where everything sits for a given terminal size. The reducer (to scroll by
 * a page, to map a click) and the view use the same numbers, so they agree.
 */
import type {State} from './state.js';

export const HEADER_ROWS = 2;
export const STATUS_ROWS = 1;
export const SIDEBAR_MIN = 24;
/** Below this width the sidebar folds away unless asked for. */
export const SIDEBAR_FOLD_COLUMNS = 70;
/** Columns left of the entry text: the new-post marker and a space. */
export const GUTTER = 2;

export type SidebarPlacement = {readonly kind: 'none'} | {readonly kind: 'side'; readonly width: number} | {readonly kind: 'full'};

export type Geometry = {
	readonly columns: number;
	/** Rows Ink draws: one fewer than the terminal, so Ink never clears the screen per frame. */
	readonly height: number;
	readonly tabRows: number;
	readonly sidebar: SidebarPlacement;
	readonly paneX: number;
	readonly paneWidth: number;
	readonly textWidth: number;
	/** First row of the list/sidebar area, counted from the top of the frame. */
	readonly bodyTop: number;
	readonly bodyHeight: number;
};

export function sidebarPlacement(state: Pick<State, 'sidebar' | 'viewport'>): SidebarPlacement {
	const {columns} = state.viewport;
	const wide = columns >= SIDEBAR_FOLD_COLUMNS;
	const shown = state.sidebar === 'shown' || (state.sidebar === 'auto' && wide);
	if (!shown) return {kind: 'none'};
	if (!wide) return {kind: 'full'};
	return {kind: 'side', width: Math.max(SIDEBAR_MIN, Math.floor(columns / 3))};
}

export function geometry(state: Pick<State, 'sidebar' | 'viewport' | 'tabs'>): Geometry {
	const columns = Math.max(1, state.viewport.columns);
	const height = Math.max(1, state.viewport.rows - 1);
	const tabRows = state.tabs.length > 1 ? 1 : 0;
	const sidebar = sidebarPlacement(state);
	const paneX = sidebar.kind === 'side' ? sidebar.width + 1 : 0;
	const paneWidth = sidebar.kind === 'side' ? columns - paneX : columns;
	const bodyTop = HEADER_ROWS + tabRows;
	return {
		columns,
		height,
		tabRows,
		sidebar,
		paneX,
		paneWidth,
		textWidth: Math.max(1, paneWidth - GUTTER),
		bodyTop,
		bodyHeight: Math.max(1, height - bodyTop - STATUS_ROWS),
	};
}
