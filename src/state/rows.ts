/**
 * The virtual list: which rows of which entries are on screen. Positions are
 * (entry index, line offset); every walk stops once the screen is full, so
 * the cost follows the screen size, never the blog's length. Heights come
 * from a per-(entry, revision, width) cache.
 */
import type {Entry, EntryId} from '../model/blog.js';
import {createLayoutCache, type LayoutCache, type Line} from '../text/layout.js';
import type {EntryList} from './list.js';
import type {Scroll} from './state.js';

/** Entries longer than this many text lines are shown folded … */
export const FOLD_OVER = 30;
/** … to this many lines plus a "more" line, until Enter expands them. */
export const FOLD_SHOW = 12;

let cache: LayoutCache = createLayoutCache();

/** Test hook: a fresh cache, and its miss counter. */
export function resetLayoutCache(): LayoutCache {
	cache = createLayoutCache();
	return cache;
}

export function layoutCache(): LayoutCache {
	return cache;
}

export type Row =
	| {readonly kind: 'meta'; readonly entry: Entry}
	| {readonly kind: 'text'; readonly entry: Entry; readonly line: Line}
	| {readonly kind: 'fold'; readonly entry: Entry; readonly hidden: number}
	| {readonly kind: 'gap'; readonly entry: Entry};

export type Pos = {readonly index: number; readonly offset: number};

export type ListView = {
	readonly list: EntryList;
	readonly width: number;
	readonly expanded: ReadonlySet<EntryId>;
	readonly height: number;
};

function textRows(entry: Entry, view: ListView): number {
	const n = cache.height(entry, view.width);
	return n > FOLD_OVER && !view.expanded.has(entry.id) ? FOLD_SHOW + 1 : n;
}

/** Rows an entry takes: its time line, its text, and a blank line after it. */
export function entryHeight(entry: Entry, view: ListView): number {
	return 1 + textRows(entry, view) + 1;
}

export function isFolded(entry: Entry, view: ListView): boolean {
	return cache.height(entry, view.width) > FOLD_OVER && !view.expanded.has(entry.id);
}

/** Where a scroll anchor points in this list; a vanished anchor falls back by date. */
export function resolve(scroll: Scroll, list: EntryList): Pos {
	if (scroll.kind === 'top' || list.entries.length === 0) return {index: 0, offset: 0};
	const index = list.indexOf.get(scroll.id);
	if (index !== undefined) return {index, offset: scroll.offset};
	const after = list.entries.findIndex((e) => !e.pinned && e.published <= scroll.published);
	return {index: after === -1 ? list.entries.length - 1 : after, offset: 0};
}

export function toScroll(pos: Pos, list: EntryList): Scroll {
	const entry = list.entries[pos.index];
	if (!entry || (pos.index === 0 && pos.offset === 0)) return {kind: 'top'};
	return {kind: 'anchor', id: entry.id, offset: pos.offset, published: entry.published};
}

/** The lowest position that still fills the screen: the end of the list at the bottom row. */
export function bottomPos(view: ListView): Pos {
	const {entries} = view.list;
	let need = view.height;
	for (let i = entries.length - 1; i >= 0; i--) {
		const h = entryHeight(entries[i]!, view);
		if (h >= need) return {index: i, offset: h - need};
		need -= h;
	}
	return {index: 0, offset: 0};
}

function before(a: Pos, b: Pos): boolean {
	return a.index < b.index || (a.index === b.index && a.offset < b.offset);
}

/** Keeps a position within the list and never past the bottom. */
export function clampPos(pos: Pos, view: ListView): Pos {
	const {entries} = view.list;
	if (entries.length === 0) return {index: 0, offset: 0};
	let index = Math.min(Math.max(0, pos.index), entries.length - 1);
	let offset = Math.max(0, pos.offset);
	const h = entryHeight(entries[index]!, view);
	if (offset >= h) offset = h - 1;
	// Does the rest of the list fill the screen from here? Walk at most a screen.
	let rows = h - offset;
	for (let i = index + 1; i < entries.length && rows < view.height; i++) rows += entryHeight(entries[i]!, view);
	if (rows >= view.height) return {index, offset};
	const bottom = bottomPos(view);
	return before(bottom, {index, offset}) ? bottom : {index, offset};
}

/** Moves by `lines` rows (negative: up). */
export function scrollBy(pos: Pos, lines: number, view: ListView): Pos {
	const {entries} = view.list;
	let {index, offset} = pos;
	offset += lines;
	while (offset < 0 && index > 0) {
		index--;
		offset += entryHeight(entries[index]!, view);
	}
	if (offset < 0) return {index: 0, offset: 0};
	while (index < entries.length - 1) {
		const h = entryHeight(entries[index]!, view);
		if (offset < h) break;
		offset -= h;
		index++;
	}
	return clampPos({index, offset}, view);
}

export function canScrollDown(pos: Pos, view: ListView): boolean {
	const next = scrollBy(pos, 1, view);
	return next.index !== pos.index || next.offset !== pos.offset;
}

function entryRows(entry: Entry, view: ListView): Row[] {
	const lines = cache.lines(entry, view.width);
	const rows: Row[] = [{kind: 'meta', entry}];
	const folded = lines.length > FOLD_OVER && !view.expanded.has(entry.id);
	const shown = folded ? lines.slice(0, FOLD_SHOW) : lines;
	for (const line of shown) rows.push({kind: 'text', entry, line});
	if (folded) rows.push({kind: 'fold', entry, hidden: lines.length - FOLD_SHOW});
	rows.push({kind: 'gap', entry});
	return rows;
}

/** The last rows worked out per view: a key asks for the same screen's rows several times. */
const screens = new WeakMap<ListView, {readonly pos: Pos; readonly rows: readonly Row[]}>();

/** The rows on screen from `pos`: only these entries are laid out. */
export function rowsFrom(pos: Pos, view: ListView): readonly Row[] {
	const hit = screens.get(view);
	if (hit !== undefined && hit.pos.index === pos.index && hit.pos.offset === pos.offset) return hit.rows;
	const rows = screenRows(pos, view);
	screens.set(view, {pos, rows});
	return rows;
}

function screenRows(pos: Pos, view: ListView): Row[] {
	const out: Row[] = [];
	const {entries} = view.list;
	for (let i = pos.index; i < entries.length && out.length < view.height; i++) {
		const rows = entryRows(entries[i]!, view);
		out.push(...(i === pos.index ? rows.slice(pos.offset) : rows).slice(0, view.height - out.length));
	}
	return out;
}

/** Ids of entries with at least one row on screen. */
export function visibleIds(rows: readonly Row[]): Set<EntryId> {
	const ids = new Set<EntryId>();
	for (const row of rows) if (row.kind !== 'gap') ids.add(row.entry.id);
	return ids;
}
