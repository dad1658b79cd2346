/**
 * Plain text for --once and follow mode: no escape sequences, ever. Entries
 * are printed oldest first, so that follow mode reads like `tail -f`: what
 * --once prints, followed by each post as it arrives.
 */
import type {Block, Blog, Entry} from '../model/blog.js';
import {inlinesPlainText} from '../model/body-text.js';
import {textWidth, wrapParagraph, wrapText} from './wrap.js';

export type PlainEvent = 'initial' | 'new' | 'updated' | 'removed';

export const DEFAULT_WIDTH = 80;
const MIN_WIDTH = 20;

/** $COLUMNS when it is a sensible number, else 80 (a pipe has no width of its own). */
export function outputWidth(columns: string | undefined): number {
	const n = Number(columns);
	return Number.isInteger(n) && n >= MIN_WIDTH ? Math.min(n, 1000) : DEFAULT_WIDTH;
}

function two(n: number): string {
	return String(n).padStart(2, '0');
}

/** Local time as YYYY-MM-DD HH:MM: a live blog spans days, so the date matters. */
export function localTime(ms: number): string {
	const d = new Date(ms);
	if (Number.isNaN(d.getTime())) return '????-??-?? ??:??';
	return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function liveLabel(blog: Blog): string {
	return blog.live === 'live' ? 'LIVE' : blog.live === 'ended' ? 'ENDED' : 'live status unknown';
}

function rule(width: number): string {
	return '='.repeat(Math.min(width, 80));
}

export function formatBlogHeader(blog: Blog, width: number): string {
	const count = blog.entries.length;
	const lines = [
		rule(width),
		...wrapText(blog.title, width),
		...wrapText(`${liveLabel(blog)} · ${count} ${count === 1 ? 'entry' : 'entries'}`, width),
		// URLs stay whole on a line of their own, so they can be copied or clicked.
		blog.url,
	];
	if (blog.skipped > 0) lines.push(`(${blog.skipped} ${blog.skipped === 1 ? 'entry' : 'entries'} could not be read)`);
	lines.push(rule(width));
	return lines.join('\n') + '\n';
}

function blockLines(block: Block, width: number): string[] {
	switch (block.kind) {
		case 'paragraph':
			return wrapText(inlinesPlainText(block.inlines), width);
		case 'heading':
			return wrapText(inlinesPlainText(block.inlines).toUpperCase(), width);
		case 'caption': {
			const text = inlinesPlainText(block.inlines);
			return text === '' ? [] : wrapText(`[${text}]`, width);
		}
		case 'list-item': {
			const text = inlinesPlainText(block.inlines);
			if (text === '') return [];
			const indent = '  '.repeat(Math.max(0, Math.min(block.depth, 8)));
			const lead = `${indent}${block.marker} `;
			return wrapText(text, width, lead, ' '.repeat(textWidth(lead)));
		}
		case 'quote': {
			const lines = wrapText(inlinesPlainText(block.inlines), width, '> ');
			if (block.cite !== undefined && block.cite !== '') lines.push(...wrapParagraph(`\u2014 ${block.cite}`, width, '> '));
			return lines;
		}
		case 'preformatted':
			return block.text.replace(/\n+$/, '').split('\n');
		case 'rule':
			return ['* * *'];
	}
}

export function formatBody(entry: Pick<Entry, 'body'>, width: number): string[] {
	const out: string[] = [];
	let previous: Block['kind'] | null = null;
	for (const block of entry.body) {
		const lines = blockLines(block, width);
		if (lines.length === 0) continue;
		// List items sit together; every other block is a paragraph of its own.
		if (previous !== null && !(previous === 'list-item' && block.kind === 'list-item')) out.push('');
		out.push(...lines);
		previous = block.kind;
	}
	return out;
}

function eventLabel(event: PlainEvent): string | null {
	switch (event) {
		case 'initial':
			return null;
		case 'new':
			return 'NEW';
		case 'updated':
			return 'UPDATED';
		case 'removed':
			return 'REMOVED';
	}
}

export function formatEntry(entry: Entry, width: number, event: PlainEvent = 'initial'): string {
	const meta = [localTime(entry.published)];
	if (entry.authors.length > 0) meta.push(entry.authors.join(', '));
	const flags = [eventLabel(event), entry.pinned ? 'pinned' : null, entry.keyEvent ? 'key event' : null].filter(
		(flag): flag is string => flag !== null,
	);
	if (flags.length > 0) meta.push(`[${flags.join(', ')}]`);
	const lines = [...wrapText(meta.join(' · '), width)];
	if (entry.title !== null && entry.title !== '') lines.push(...wrapText(entry.title, width));
	if (event === 'removed') {
		lines.push('(removed by the source)');
	} else {
		const body = formatBody(entry, width);
		if (body.length > 0) lines.push('', ...body);
		if (entry.url !== null) lines.push('', entry.url);
	}
	return lines.join('\n') + '\n\n';
}

/** Entries in reading order for a log: oldest first. */
export function chronological(entries: readonly Entry[]): Entry[] {
	return [...entries].sort((a, b) => a.published - b.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function formatEntries(entries: readonly Entry[], width: number, event: PlainEvent): string {
	return chronological(entries)
		.map(entry => formatEntry(entry, width, event))
		.join('');
}

/** What --once prints: the header, then every entry oldest first. */
export function formatBlog(blog: Blog, width: number): string {
	return formatBlogHeader(blog, width) + '\n' + formatEntries(blog.entries, width, 'initial');
}
