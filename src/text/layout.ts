/**
 * Lays out an entry's title and body (the part that depends only on the
 * entry and the width) into lines of styled segments, and caches the result
 * per (entry id, revision, width) in a bounded LRU. The time/label line above
 * each entry depends on the clock and is built by the selectors, uncached.
 */
import type {Block, Body, Entry, Inline} from '../model/blog.js';
import {ownText} from './sanitize.js';
import {displayWidth} from './width.js';
import {wrapRuns, type Line, type Run, type Segment, type SegmentStyle} from './wrap.js';

export type {Line, Segment, SegmentStyle} from './wrap.js';

const MIN_WIDTH = 1;

function inlineRuns(inlines: readonly Inline[], base: SegmentStyle): Run[] {
	const runs: Run[] = [];
	for (const inline of inlines) {
		switch (inline.kind) {
			case 'text': {
				const style: SegmentStyle = base !== 'text' ? base : inline.style ?? 'text';
				runs.push({text: inline.text, style});
				break;
			}
			case 'link':
				runs.push({text: inline.text.trim() === '' ? inline.href : inline.text, style: 'link', href: inline.href});
				break;
			case 'break':
				runs.push({text: '\n', style: base});
				break;
		}
	}
	return runs;
}

function seg(text: string, style: SegmentStyle): Segment {
	return {text: ownText(text), style};
}

function blockLines(block: Block, width: number): Line[] {
	switch (block.kind) {
		case 'paragraph':
			return wrapRuns(inlineRuns(block.inlines, 'text'), width);
		case 'heading':
			return wrapRuns(inlineRuns(block.inlines, 'heading'), width);
		case 'caption':
			return wrapRuns(inlineRuns(block.inlines, 'muted'), width);
		case 'list-item': {
			const indent = '  '.repeat(Math.max(0, Math.min(block.depth - 1, 4)));
			const marker = block.marker === '' ? '•' : block.marker;
			const first = [seg(indent, 'text'), seg(`${marker} `, 'marker')];
			const rest = [seg(indent + ' '.repeat(displayWidth(marker) + 1), 'text')];
			// A hanging indent only while there is room to read beside it.
			const hang = displayWidth(indent) + displayWidth(marker) + 1 < width / 2;
			return wrapRuns(inlineRuns(block.inlines, 'text'), width, first, hang ? rest : []);
		}
		case 'quote': {
			const bar = [seg('│ ', 'quote-bar')];
			const lines = wrapRuns(inlineRuns(block.inlines, 'emphasis'), width, bar);
			if (block.cite !== undefined && block.cite !== '') {
				lines.push(...wrapRuns([{text: `— ${block.cite}`, style: 'muted'}], width, bar));
			}
			return lines;
		}
		case 'preformatted': {
			const lines: Line[] = [];
			for (const raw of block.text.split('\n')) {
				// Keep leading spaces of code: wrap each source line as one run.
				lines.push(...wrapRuns([{text: raw.replace(/ /g, '\u00a0'), style: 'code'}], width));
			}
			return lines;
		}
		case 'rule':
			return [[seg('─'.repeat(Math.min(width, 24)), 'muted')]];
	}
}

/** The body at `width` columns, blocks separated by a blank line (list items kept together). */
export function layoutBody(body: Body, width: number): Line[] {
	const w = Math.max(MIN_WIDTH, width);
	const lines: Line[] = [];
	let previous: Block['kind'] | null = null;
	for (const block of body) {
		const own = blockLines(block, w);
		if (own.length === 0 || (own.length === 1 && own[0]!.every((s) => s.text.trim() === ''))) continue;
		if (previous !== null && !(previous === 'list-item' && block.kind === 'list-item')) lines.push([]);
		lines.push(...own);
		previous = block.kind;
	}
	return lines;
}

/** Title (bold) and body of one entry. */
export function layoutEntryText(entry: Pick<Entry, 'title' | 'body'>, width: number): Line[] {
	const w = Math.max(MIN_WIDTH, width);
	const lines: Line[] = [];
	if (entry.title !== null && entry.title !== '') lines.push(...wrapRuns([{text: entry.title, style: 'title'}], w));
	lines.push(...layoutBody(entry.body, w));
	return lines;
}

/** A bounded least-recently-used map. */
export class Lru<K, V> {
	readonly #max: number;
	readonly #map = new Map<K, V>();
	constructor(max: number) {
		this.#max = max;
	}
	get(key: K): V | undefined {
		const value = this.#map.get(key);
		if (value !== undefined) {
			this.#map.delete(key);
			this.#map.set(key, value);
		}
		return value;
	}
	set(key: K, value: V): void {
		this.#map.delete(key);
		this.#map.set(key, value);
		if (this.#map.size > this.#max) {
			const oldest = this.#map.keys().next();
			if (!oldest.done) this.#map.delete(oldest.value);
		}
	}
	get size(): number {
		return this.#map.size;
	}
}

export type LayoutCache = {
	/** Lines of an entry's title and body at `width` (cached). */
	lines(entry: Entry, width: number): readonly Line[];
	/** Only the count of those lines; kept longer than the lines themselves. */
	height(entry: Entry, width: number): number;
	/** Cache misses so far: how many entries were actually laid out. */
	readonly stats: {layouts: number};
};

export function createLayoutCache(options: {maxLines?: number; maxHeights?: number} = {}): LayoutCache {
	const lineCache = new Lru<string, readonly Line[]>(options.maxLines ?? 1500);
	const heightCache = new Lru<string, number>(options.maxHeights ?? 50_000);
	const stats = {layouts: 0};
	// Keyed on the entry object, not its id and revision: ids are unique only
	// within one blog (two tabs may both hold an entry "1" at revision 0), while
	// entries are immutable and the merge makes a new object for every edit and
	// keeps the old one when nothing changed, so identity is exactly "same text".
	const serials = new WeakMap<Entry, number>();
	let nextSerial = 0;
	const keyOf = (entry: Entry, width: number): string => {
		let serial = serials.get(entry);
		if (serial === undefined) {
			serial = nextSerial++;
			serials.set(entry, serial);
		}
		return `${serial}\u0000${width}`;
	};
	const lines = (entry: Entry, width: number): readonly Line[] => {
		const key = keyOf(entry, width);
		const hit = lineCache.get(key);
		if (hit) return hit;
		stats.layouts++;
		const laid = layoutEntryText(entry, width);
		lineCache.set(key, laid);
		heightCache.set(key, laid.length);
		return laid;
	};
	return {
		lines,
		height(entry, width) {
			const hit = heightCache.get(keyOf(entry, width));
			return hit ?? lines(entry, width).length;
		},
		stats,
	};
}
