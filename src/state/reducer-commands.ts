/**
 * What each command does to the state. Commands with effects outside the
 * screen (refresh, pause, open, copy, quit) are carried out by the app; here
 * they change nothing.
 */
import type {EntryId} from '../model/blog.js';
import type {Action} from './actions.js';
import {SIDEBAR_FOLD_COLUMNS} from './geometry.js';
import {firstNew, marksIndex, withShownSince} from './marks-index.js';
import {paneOf, sidebarEntries, sidebarListHeight, type Pane} from './pane.js';
import {sidebarItemAt, sidebarWindow} from './sidebar.js';
import {withActive} from './tab-update.js';
import {ownText} from '../text/sanitize.js';
import {bottomPos, canScrollDown, clampPos, isFolded, rowsFrom, scrollBy, toScroll, type Pos} from './rows.js';
import type {State, TabState} from './state.js';

type CommandAction = Extract<Action, {type: 'command'}>;
type MouseAction = Extract<Action, {type: 'mouse-scrolled' | 'mouse-clicked'}>;

const MOUSE_LINES = 3;

function moveTo(state: State, pane: Pane, pos: Pos, cursor: number): State {
	const list = pane.view.list;
	const id = list.entries[cursor]?.id ?? null;
	return withActive(state, (tab) => {
		const scroll = toScroll(pos, list);
		const same = tab.cursor === id && JSON.stringify(tab.scroll) === JSON.stringify(scroll);
		return same ? tab : {...tab, scroll, cursor: id};
	});
}

function scrollLines(state: State, tab: TabState, lines: number): State {
	const pane = paneOf(state, tab);
	const pos = scrollBy(pane.pos, lines, pane.view);
	const cursor = lines > 0 ? Math.max(pane.cursor, pos.index) : pos.index;
	return moveTo(state, pane, pos, cursor);
}

function lineDown(state: State, tab: TabState): State {
	const pane = paneOf(state, tab);
	if (canScrollDown(pane.pos, pane.view)) return scrollLines(state, tab, 1);
	// At the bottom the cursor walks on through the last entries on screen.
	const last = pane.view.list.entries.length - 1;
	return moveTo(state, pane, pane.pos, Math.min(pane.cursor + 1, Math.max(0, last)));
}

function lineUp(state: State, tab: TabState): State {
	const pane = paneOf(state, tab);
	if (!canScrollDown(pane.pos, pane.view) && pane.cursor > pane.pos.index) {
		return moveTo(state, pane, pane.pos, pane.cursor - 1);
	}
	return scrollLines(state, tab, -1);
}

function jumpToEntry(state: State, id: EntryId): State {
	let s = state;
	let pane = paneOf(s, s.tabs[s.active]!);
	if (!pane.view.list.indexOf.has(id)) {
		// The entry is filtered out: leave the filter rather than jump nowhere.
		s = {...s, filter: {kind: 'none'}, keyEventsOnly: false};
		pane = paneOf(s, s.tabs[s.active]!);
	}
	const index = pane.view.list.indexOf.get(id);
	if (index === undefined) return state;
	return moveTo(s, pane, clampPos({index, offset: 0}, pane.view), index);
}

function sidebarMove(state: State, tab: TabState, delta: number | 'first' | 'last'): State {
	const total = sidebarEntries(tab).length;
	const target = delta === 'first' ? 0 : delta === 'last' ? total - 1 : tab.sidebarIndex + delta;
	const index = Math.max(0, Math.min(target, total - 1));
	return index === tab.sidebarIndex ? state : withActive(state, (t) => ({...t, sidebarIndex: index}));
}

function activate(state: State, tab: TabState): State {
	const pane = paneOf(state, tab);
	if (state.focus === 'sidebar' && pane.geometry.sidebar.kind !== 'none') {
		const target = sidebarEntries(tab)[tab.sidebarIndex];
		if (!target) return state;
		const jumped = jumpToEntry(state, target.id);
		// A full-width (narrow) sidebar makes way for the entry it jumped to.
		return pane.geometry.sidebar.kind === 'full' ? {...jumped, sidebar: 'hidden', focus: 'entries'} : jumped;
	}
	const entry = pane.view.list.entries[pane.cursor];
	if (!entry) return state;
	const expanded = new Set(tab.expanded);
	if (expanded.has(entry.id)) expanded.delete(entry.id);
	else if (isFolded(entry, pane.view)) expanded.add(entry.id);
	else return state;
	return withActive(state, (t) => ({...t, expanded}));
}

function switchTab(state: State, index: number): State {
	if (index === state.active || index < 0 || index >= state.tabs.length) return state;
	// Highlights stop counting on-screen time in the tab being left.
	const tabs = state.tabs.map((tab, i) => {
		if (i !== state.active) return tab;
		const stop = new Map<EntryId, null>();
		for (const id of marksIndex(tab.marks).shown) stop.set(id, null);
		return {...tab, marks: withShownSince(tab.marks, stop)};
	});
	return {...state, tabs, active: index};
}

function setFilterState(state: State, change: Partial<Pick<State, 'filter' | 'keyEventsOnly'>>): State {
	const tab = state.tabs[state.active]!;
	const before = paneOf(state, tab);
	const keep = before.view.list.entries[before.cursor]?.id;
	const next = {...state, ...change};
	const pane = paneOf(next, tab);
	const index = keep === undefined ? undefined : pane.view.list.indexOf.get(keep);
	if (index === undefined || next.filter.kind === 'editing') {
		return withActive(next, (t) => ({...t, scroll: {kind: 'top'}, cursor: null}));
	}
	return moveTo(next, pane, clampPos({index, offset: 0}, pane.view), index);
}

export function reduceCommand(state: State, action: CommandAction): State {
	const tab = state.tabs[state.active];
	if (!tab) return state;
	const pane = (): Pane => paneOf(state, tab);
	const inSidebar = state.focus === 'sidebar' && pane().geometry.sidebar.kind !== 'none';
	const page = (): number => Math.max(1, (inSidebar ? sidebarListHeight(pane().geometry) : pane().geometry.bodyHeight) - 1);
	switch (action.command) {
		case 'line-down':
			return inSidebar ? sidebarMove(state, tab, 1) : lineDown(state, tab);
		case 'line-up':
			return inSidebar ? sidebarMove(state, tab, -1) : lineUp(state, tab);
		case 'page-down':
			return inSidebar ? sidebarMove(state, tab, page()) : scrollLines(state, tab, page());
		case 'page-up':
			return inSidebar ? sidebarMove(state, tab, -page()) : scrollLines(state, tab, -page());
		case 'top':
			return inSidebar ? sidebarMove(state, tab, 'first') : moveTo(state, pane(), {index: 0, offset: 0}, 0);
		case 'bottom': {
			if (inSidebar) return sidebarMove(state, tab, 'last');
			const p = pane();
			return moveTo(state, p, bottomPos(p.view), Math.max(0, p.view.list.entries.length - 1));
		}
		case 'toggle-focus': {
			const placement = pane().geometry.sidebar.kind;
			if (placement === 'none') return {...state, sidebar: 'shown', focus: 'sidebar'};
			if (state.focus === 'sidebar') {
				return placement === 'full' ? {...state, sidebar: 'hidden', focus: 'entries'} : {...state, focus: 'entries'};
			}
			return {...state, focus: 'sidebar'};
		}
		case 'activate':
			return activate(state, tab);
		case 'newest-unseen': {
			const p = pane();
			const best = firstNew(tab.marks, p.view.list);
			if (best === undefined) return {...state, notice: ownText('no unseen posts')};
			return moveTo(state, p, clampPos({index: best, offset: 0}, p.view), best);
		}
		case 'toggle-sidebar': {
			const shown = pane().geometry.sidebar.kind !== 'none';
			const wide = state.viewport.columns >= SIDEBAR_FOLD_COLUMNS;
			if (shown) return {...state, sidebar: wide ? 'hidden' : 'auto', focus: 'entries'};
			return {...state, sidebar: 'shown', focus: wide ? state.focus : 'sidebar'};
		}
		case 'search':
			return setFilterState(state, {filter: {kind: 'editing', query: ''}});
		case 'search-accept':
			if (state.filter.kind !== 'editing') return state;
			return {...state, filter: state.filter.query.trim() === '' ? {kind: 'none'} : {kind: 'kept', query: state.filter.query}};
		case 'search-cancel':
		case 'clear-filter':
			if (state.filter.kind === 'none') return state.keyEventsOnly && action.command === 'clear-filter' ? setFilterState(state, {keyEventsOnly: false}) : state;
			return setFilterState(state, {filter: {kind: 'none'}});
		case 'search-backspace': {
			if (state.filter.kind !== 'editing') return state;
			const query = [...state.filter.query].slice(0, -1).join('');
			return setFilterState(state, {filter: {kind: 'editing', query}});
		}
		case 'key-events-only':
			return setFilterState(state, {keyEventsOnly: !state.keyEventsOnly});
		case 'mark-all-seen':
			return tab.marks.size === 0 ? state : withActive(state, (t) => ({...t, marks: new Map(), storeSeq: t.storeSeq + 1}));
		case 'toggle-time':
			return {...state, timeMode: state.timeMode === 'relative' ? 'absolute' : 'relative'};
		case 'goto-tab':
			return switchTab(state, (action.arg ?? 1) - 1);
		case 'prev-tab':
			return switchTab(state, (state.active - 1 + state.tabs.length) % state.tabs.length);
		case 'next-tab':
			return switchTab(state, (state.active + 1) % state.tabs.length);
		case 'help':
			return {...state, help: !state.help};
		case 'close-help':
			return state.help ? {...state, help: false} : state;
		case 'refresh':
		case 'toggle-pause':
		case 'follow-newer':
		case 'open-link':
		case 'copy-link':
		case 'quit':
			return state;
	}
}

export function reduceMouse(state: State, action: MouseAction): State {
	const tab = state.tabs[state.active];
	if (!tab || state.help) return state;
	const p = paneOf(state, tab);
	const g = p.geometry;
	const row = action.y - 1 - g.bodyTop;
	if (row < 0 || row >= g.bodyHeight) return state;
	const overSidebar = g.sidebar.kind === 'full' || (g.sidebar.kind === 'side' && action.x - 1 < g.sidebar.width);
	if (action.type === 'mouse-scrolled') {
		if (overSidebar) return sidebarMove(state, tab, Math.sign(action.lines) * MOUSE_LINES);
		return scrollLines(state, tab, action.lines * MOUSE_LINES);
	}
	if (overSidebar) {
		const index = row === 0 ? null : sidebarItemAt(sidebarWindow(tab, g), row - 1);
		if (index === null) return state;
		const selected = withActive({...state, focus: 'sidebar'}, (t) => ({...t, sidebarIndex: index}));
		return activate(selected, selected.tabs[selected.active]!);
	}
	const clicked = rowsFrom(p.pos, p.view)[row];
	if (!clicked) return state;
	const index = p.view.list.indexOf.get(clicked.entry.id) ?? p.cursor;
	return moveTo({...state, focus: 'entries'}, p, p.pos, index);
}
