/**
 * The sidebar's rows: each key event is its time and headline, wrapped to at
 * most two lines at grapheme boundaries (a second line that still does not
 * fit ends in "…"). Items are one or two rows tall, so the window that keeps
 * the selected item in view, and the mapping of a click to an item, are both
 * worked out here, for the view and the reducer alike.
 */
import type {Entry} from '../model/blog.js';
import {ownText, type SafeText} from '../text/sanitize.js';
import {truncateToWidth} from '../text/width.js';
import {lineText, wrapRuns} from '../text/wrap.js';
import {clockTime} from './format.js';
import type {Geometry} from './geometry.js';
import {sidebarEntries, sidebarListHeight} from './pane.js';
import type {TabState} from './state.js';

export const SIDEBAR_MAX_LINES = 2;
/** Columns before an item's text: the new-post marker and the selection pointer. */
export const SIDEBAR_GUTTER = 2;

export function headlineOf(entry: Entry): SafeText {
	if (entry.title !== null && entry.title !== '') return entry.title;
	for (const block of entry.body) {
		if (block.kind === 'rule' || block.kind === 'preformatted') continue;
		const text = block.inlines.map((i) => (i.kind === 'break' ? ' ' : i.text)).join('');
		if (text.trim() !== '') return ownText(text.trim());
	}
	return ownText('(untitled)');
}

const memo = new WeakMap<Entry, Map<number, readonly string[]>>();

/** "12:25 Headline…" in at most two lines of `width` columns; the second hangs under the headline. */
export function itemLines(entry: Entry, width: number): readonly string[] {
	let perWidth = memo.get(entry);
	const hit = perWidth?.get(width);
	if (hit) return hit;
	const time = clockTime(entry.published);
	const text = `${time} ${headlineOf(entry).replace(/\s+/g, ' ')}`;
	let lines: string[];
	if (width <= 0) lines = [''];
	else {
		const indent = width >= time.length + 1 + 8 ? ' '.repeat(time.length + 1) : '';
		const wrapped = wrapRuns([{text, style: 'text'}], width, [], indent === '' ? [] : [{text: ownText(indent), style: 'text'}]).map(lineText);
		if (wrapped.length <= SIDEBAR_MAX_LINES) lines = wrapped;
		else {
			const rest = wrapped
				.slice(1)
				.map((l) => l.trimStart())
				.join(' ');
			lines = [wrapped[0]!, indent + truncateToWidth(rest, width - indent.length)];
		}
	}
	perWidth ??= new Map();
	if (perWidth.size > 4) perWidth.clear();
	perWidth.set(width, lines);
	memo.set(entry, perWidth);
	return lines;
}

export type SidebarSlot = {readonly entry: Entry; readonly index: number; readonly lines: readonly string[]};

export type SidebarWindow = {readonly slots: readonly SidebarSlot[]; readonly total: number; readonly selected: number};

export function sidebarTextWidth(g: Geometry): number {
	const width = g.sidebar.kind === 'side' ? g.sidebar.width : g.columns;
	return Math.max(0, width - SIDEBAR_GUTTER);
}

/**
 * The items on screen: the selected one roughly centred, whole items only
 * (an item that does not fit is left out rather than cut), walking no more
 * items than fit on the screen.
 */
export function sidebarWindow(tab: TabState, g: Geometry): SidebarWindow {
	const all = sidebarEntries(tab);
	const height = sidebarListHeight(g);
	const width = sidebarTextWidth(g);
	const total = all.length;
	if (total === 0) return {slots: [], total, selected: 0};
	const selected = Math.min(Math.max(0, tab.sidebarIndex), total - 1);
	const lines = (i: number): readonly string[] => itemLines(all[i]!, width);
	const h = (i: number): number => lines(i).length;
	const own = Math.min(h(selected), height);
	let used = own;
	let start = selected;
	const above = Math.min(Math.floor(height / 2), height - own);
	let rowsAbove = 0;
	while (start > 0 && rowsAbove + h(start - 1) <= above) {
		start--;
		rowsAbove += h(start);
	}
	used += rowsAbove;
	let end = selected + 1;
	while (end < total && used + h(end) <= height) {
		used += h(end);
		end++;
	}
	// Near the end of the list the room left goes to items above.
	while (start > 0 && used + h(start - 1) <= height) {
		start--;
		used += h(start);
	}
	const slots: SidebarSlot[] = [];
	// The cached lines themselves unless cut: the view compares them by identity to skip unchanged items.
	for (let i = start; i < end; i++) slots.push({entry: all[i]!, index: i, lines: i === selected && own < h(i) ? lines(i).slice(0, own) : lines(i)});
	return {slots, total, selected};
}

/** The item drawn at a row of the sidebar's list (row 0 is its first item row), if any. */
export function sidebarItemAt(window: SidebarWindow, row: number): number | null {
	let top = 0;
	for (const slot of window.slots) {
		if (row >= top && row < top + slot.lines.length) return slot.index;
		top += slot.lines.length;
	}
	return null;
}
