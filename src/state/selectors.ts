/**
 * Pure views of the State for the components: the rows on screen, the
 * header, the "new posts" line, tab labels, the status line. Every list walk
 * is bounded by the screen, not by the blog.
 */
import {describeFailure} from '../errors.js';
import type {Entry} from '../model/blog.js';
import type {SafeText} from '../text/sanitize.js';
import {ownText} from '../text/sanitize.js';
import type {Line, Segment} from '../text/wrap.js';
import {ago, dateTime, nextPollText, span} from './format.js';
import type {Geometry} from './geometry.js';
import {filterQuery} from './list.js';
import {marksIndex, newBefore} from './marks-index.js';
import {atListEnd, olderFooter} from './older.js';
import {paneOf} from './pane.js';
import {rowsFrom} from './rows.js';
import {sidebarWindow} from './sidebar.js';
import {activeTab, type Mark, type State, type TabState} from './state.js';

export type MarkKind = Mark['kind'] | null;

/**
 * A row on screen. `key` names the row within its entry ("<id>:<n>"), so a
 * row keeps its key while it scrolls and the view re-draws only what changed.
 */
export type PaneRow = (
	| {
			readonly kind: 'meta';
			readonly id: string;
			readonly time: string;
			readonly ago: string | null;
			readonly mark: MarkKind;
			readonly selected: boolean;
			readonly keyEvent: boolean;
			readonly pinned: boolean;
			readonly authors: SafeText;
	  }
	| {readonly kind: 'text'; readonly id: string; readonly line: Line; readonly mark: MarkKind}
	| {readonly kind: 'fold'; readonly id: string; readonly hidden: number; readonly mark: MarkKind}
	| {readonly kind: 'gap'; readonly id: string}
	/** Under the oldest post: "loading older posts…", "beginning of the blog". */
	| {readonly kind: 'footer'; readonly id: string; readonly text: string; readonly tone: 'muted' | 'warning'}
) & {readonly key: string};

export type PaneModel = {
	readonly rows: readonly PaneRow[];
	readonly empty: string | null;
};

/** The last highlighting of each line, so an unchanged row keeps its Line object between frames. */
const highlighted = new WeakMap<Line, {readonly query: string; readonly line: Line}>();

function highlight(line: Line, query: string): Line {
	if (query === '') return line;
	const hit = highlighted.get(line);
	if (hit?.query === query) return hit.line;
	const out = highlightLine(line, query);
	highlighted.set(line, {query, line: out});
	return out;
}

function highlightLine(line: Line, query: string): Line {
	const needle = query.toLowerCase();
	const out: Segment[] = [];
	let matched = false;
	for (const seg of line) {
		const lower = seg.text.toLowerCase();
		// Only where lower-casing kept the length, so indexes line up.
		if (lower.length !== seg.text.length || !lower.includes(needle)) {
			out.push(seg);
			continue;
		}
		matched = true;
		let from = 0;
		for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
			if (at > from) out.push({...seg, text: seg.text.slice(from, at) as SafeText});
			out.push({...seg, text: seg.text.slice(at, at + needle.length) as SafeText, style: 'match'});
			from = at + needle.length;
		}
		if (from < seg.text.length) out.push({...seg, text: seg.text.slice(from) as SafeText});
	}
	// A line without a match stays the same object, so its row is not drawn again.
	return matched ? out : line;
}

export function paneModel(state: State, now: number): PaneModel {
	const tab = activeTab(state);
	const pane = paneOf(state, tab);
	const cursorId = pane.view.list.entries[pane.cursor]?.id;
	const query = filterQuery(state.filter);
	// The first entry on screen starts `offset` rows into its own rows.
	let n = pane.pos.offset - 1;
	let last: Entry | null = null;
	const keys = new Set<string>();
	const rows: PaneRow[] = rowsFrom(pane.pos, pane.view).map((row, i): PaneRow => {
		const id = row.entry.id;
		n = last === null || row.entry === last ? n + 1 : 0;
		last = row.entry;
		// Ids are unique after the merge; should two ever meet, the row number keeps keys apart.
		let key = `${id}:${n}`;
		if (keys.has(key)) key = `${key}:${i}`;
		keys.add(key);
		const mark = tab.marks.get(id)?.kind ?? null;
		switch (row.kind) {
			case 'meta':
				return metaRow(row.entry, state, now, mark, id === cursorId, key);
			case 'text':
				return {kind: 'text', id, key, line: highlight(row.line, query), mark};
			case 'fold':
				return {kind: 'fold', id, key, hidden: row.hidden, mark};
			case 'gap':
				return {kind: 'gap', id, key};
		}
	});
	const footer = olderFooter(state, tab);
	if (footer !== null && atListEnd(pane)) {
		// The oldest post's closing blank row carries it, or the row after a short list.
		const row: PaneRow = {kind: 'footer', id: 'older-footer', key: 'older-footer', ...footer};
		if (rows.length < pane.view.height) rows.push(row);
		else rows[rows.length - 1] = row;
	}
	let empty: string | null = null;
	if (rows.length === 0) {
		if (tab.blog === null) empty = tab.error ? 'Nothing to show yet.' : 'Loading…';
		else if (tab.blog.entries.length === 0) empty = 'This blog has no posts yet.';
		else empty = 'No posts match.';
	}
	return {rows, empty};
}

function metaRow(entry: Entry, state: State, now: number, mark: MarkKind, selected: boolean, key: string): PaneRow {
	const relative = state.timeMode === 'relative';
	return {
		kind: 'meta',
		id: entry.id,
		key,
		time: dateTime(entry.published, now),
		ago: relative ? ago(entry.published, now) : null,
		mark,
		selected,
		keyEvent: entry.keyEvent || entry.summary,
		pinned: entry.pinned,
		authors: ownText(entry.authors.join(', ')),
	};
}

/** A key event in the sidebar: one or two lines (time and headline, wrapped). */
export type SidebarItem = {readonly id: string; readonly lines: readonly string[]; readonly selected: boolean; readonly mark: MarkKind};
export type SidebarModel = {readonly items: readonly SidebarItem[]; readonly total: number; readonly focused: boolean};

export function sidebarModel(state: State, g: Geometry): SidebarModel {
	const tab = activeTab(state);
	const window = sidebarWindow(tab, g);
	const items = window.slots.map((slot) => ({
		id: slot.entry.id,
		lines: slot.lines,
		selected: slot.index === window.selected,
		mark: tab.marks.get(slot.entry.id)?.kind ?? null,
	}));
	const total = tab.extent.kind === 'stored-head' ? tab.extent.keyEvents : window.total;
	return {items, total, focused: state.focus === 'sidebar'};
}

export function unseenCount(tab: TabState): number {
	return marksIndex(tab.marks).newIds.length;
}

/** New posts above what the reader is reading (they never push it down). */
export function newAboveCount(state: State): number {
	const tab = activeTab(state);
	if (tab.marks.size === 0) return 0;
	const pane = paneOf(state, tab);
	return newBefore(tab.marks, pane.view.list, pane.pos.index);
}

export type Tone = 'new' | 'muted' | 'warning' | 'filter';
export type Note = {readonly text: string; readonly tone: Tone};
export type HeaderModel = {
	readonly title: SafeText;
	readonly badge: 'LIVE' | 'ENDED' | '?';
	readonly right: string;
	readonly notes: readonly Note[];
};

function latestUpdate(tab: TabState): number | null {
	let latest: number | null = null;
	for (const entry of tab.blog?.entries ?? []) {
		const t = Math.max(entry.published, entry.updated ?? 0);
		if (latest === null || t > latest) latest = t;
		// Entries are newest first after pinned ones; the first few decide.
		if (!entry.pinned && latest !== null) break;
	}
	return latest;
}

export function headerModel(state: State, now: number): HeaderModel {
	const tab = activeTab(state);
	const blog = tab.blog;
	const badge = blog?.live === 'live' ? 'LIVE' : blog?.live === 'ended' ? 'ENDED' : '?';
	const parts: string[] = [];
	const updated = latestUpdate(tab);
	if (updated !== null) parts.push(`updated ${dateTime(updated, now)} (${ago(updated, now)})`);
	if (tab.paused) parts.push('paused');
	else if (tab.next) parts.push(nextPollText(tab.next.delayMs, tab.next.reason));
	else parts.push('loading…');
	const notes: Note[] = [];
	const above = newAboveCount(state);
	if (above > 0) notes.push({text: `▲ ${above} new post${above === 1 ? '' : 's'}, press n`, tone: 'new'});
	if (blog?.newerBlog) notes.push({text: `A new live blog started: ${blog.newerBlog.title} — press L`, tone: 'new'});
	if (state.filter.kind !== 'none' && filterQuery(state.filter) !== '') {
		const pane = paneOf(state, tab);
		const total = blog?.entries.length ?? 0;
		// While the rest of the list is still being searched its length is not known yet.
		const found = pane.complete ? `${pane.view.list.entries.length} of ${total}` : `searching ${total}…`;
		notes.push({text: `filter: ${filterQuery(state.filter)} (${found})`, tone: 'filter'});
	}
	if (state.keyEventsOnly) notes.push({text: 'key events only', tone: 'filter'});
	const away = marksIndex(tab.marks).away;
	if (away > 0) notes.push({text: `${away} new since you last looked`, tone: 'new'});
	if (tab.fromStore) notes.push({text: `from store, ${span(now - tab.fromStore.savedAt)} old`, tone: 'muted'});
	if (blog && blog.skipped > 0) notes.push({text: `${blog.skipped} entries could not be read`, tone: 'warning'});
	if (tab.via) notes.push({text: tab.via, tone: 'muted'});
	if (notes.length === 0) notes.push({text: hostOf(blog?.homeUrl ?? tab.url), tone: 'muted'});
	return {title: blog?.title ?? ownText(hostOf(tab.url)), badge, right: parts.join(' · '), notes};
}

function hostOf(url: string): SafeText {
	try {
		return ownText(new URL(url).host);
	} catch {
		return ownText(url.replace(/[^\x20-\x7e]/g, '?'));
	}
}

export type TabLabel = {readonly label: SafeText; readonly unseen: number; readonly active: boolean; readonly number: number};

export function tabLabels(state: State): TabLabel[] {
	return state.tabs.map((tab, i) => ({
		label: tab.blog?.title ?? hostOf(tab.url),
		unseen: unseenCount(tab),
		active: i === state.active,
		number: i + 1,
	}));
}

export type StatusModel =
	| {readonly kind: 'search'; readonly query: string}
	| {readonly kind: 'notice' | 'warning' | 'error' | 'loading'; readonly text: SafeText}
	| {readonly kind: 'keys'};

export function statusModel(state: State): StatusModel {
	if (state.filter.kind === 'editing') return {kind: 'search', query: state.filter.query};
	if (state.notice !== null) return {kind: 'notice', text: state.notice};
	const tab = activeTab(state);
	if (tab.error) {
		const retry = tab.paused ? 'paused' : `retrying in ${span(tab.error.next.delayMs)}`;
		return {kind: 'error', text: ownText(`${describeFailure(tab.error.failure)}, ${retry}`)};
	}
	if (state.warning !== null) return {kind: 'warning', text: state.warning};
	if (tab.extent.kind === 'first-load-preview') return {kind: 'loading', text: ownText(`loading… ${tab.extent.posts} newest posts so far`)};
	return {kind: 'keys'};
}

/** OSC 2 title: "(3) Storm live" while posts are unseen. */
export function terminalTitle(state: State): string {
	const tab = activeTab(state);
	const total = state.tabs.reduce((n, t) => n + unseenCount(t), 0);
	const title = tab.blog?.title ?? hostOf(tab.url);
	return total > 0 ? `(${total}) ${title}` : `${title}`;
}

/** The selected entry (for o, y): its URL if it has one. */
export function selectedEntry(state: State): Entry | null {
	const tab = activeTab(state);
	const pane = paneOf(state, tab);
	return pane.view.list.entries[pane.cursor] ?? null;
}
