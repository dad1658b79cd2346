/**
 * A body as plain text, for everything that is not the TUI's own layout:
 * --json `text`, --once and follow mode, search, export. Unwrapped: each
 * consumer wraps (or not) for its own width.
 *
 * The result is SafeText because it is assembled only from SafeText pieces,
 * hrefs (http(s) URLs that safeHttpUrl produced, printable ASCII) and our own
 * literals.
 */
import type {Block, Body, Entry, Inline} from './blog.js';
import type {SafeText} from '../text/sanitize.js';

const RULE = '* * *';

export function bodyPlainText(body: Body): SafeText {
	let out = '';
	let previous: Block['kind'] | null = null;
	for (const block of body) {
		const text = blockText(block);
		if (text === '') continue;
		if (previous !== null) out += previous === 'list-item' && block.kind === 'list-item' ? '\n' : '\n\n';
		out += text;
		previous = block.kind;
	}
	return out as SafeText;
}

/** Title (when there is one), a blank line, then the body: what search and export read. */
export function entryPlainText(entry: Pick<Entry, 'title' | 'body'>): SafeText {
	const body = bodyPlainText(entry.body);
	if (entry.title === null || entry.title === '') return body;
	return (body === '' ? entry.title : `${entry.title}\n\n${body}`) as SafeText;
}

export function inlinesPlainText(inlines: readonly Inline[]): string {
	let out = '';
	for (const inline of inlines) {
		switch (inline.kind) {
			case 'text':
				out += inline.text;
				break;
			case 'link':
				out += linkText(inline.text, inline.href);
				break;
			case 'break':
				out += '\n';
				break;
		}
	}
	return tidy(out);
}

function linkText(text: string, href: string): string {
	const label = text.trim();
	if (label === '' || sameUrl(label, href)) return href;
	return `${text} (${href})`;
}

/** The URL parser adds a slash to bare hosts, so "https://example.org" names "https://example.org/". */
function sameUrl(label: string, href: string): boolean {
	return label === href || `${label}/` === href || label === `${href}/`;
}

function blockText(block: Block): string {
	switch (block.kind) {
		case 'paragraph':
		case 'heading':
			return inlinesPlainText(block.inlines);
		case 'caption': {
			const text = inlinesPlainText(block.inlines);
			return text === '' ? '' : `[${text}]`;
		}
		case 'list-item': {
			const text = inlinesPlainText(block.inlines);
			if (text === '') return '';
			const indent = '  '.repeat(Math.max(0, Math.min(block.depth, 8)));
			// An empty marker continues the item above (a second paragraph in one
			// <li>): it sits under that item's text, assuming a one-column bullet.
			const lead = block.marker === '' ? `${indent}  ` : `${indent}${block.marker} `;
			// Continuation lines line up under the text, not under the marker.
			return lead + text.split('\n').join(`\n${' '.repeat(lead.length)}`);
		}
		case 'quote': {
			const text = inlinesPlainText(block.inlines);
			const lines = text === '' ? [] : text.split('\n');
			if (block.cite !== undefined && block.cite !== '') lines.push(`\u2014 ${block.cite}`);
			return lines.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
		}
		case 'preformatted':
			return block.text.replace(/\n+$/, '');
		case 'rule':
			return RULE;
	}
}

/** Trailing spaces on a line and blank lines at either end carry nothing in plain text. */
function tidy(text: string): string {
	return text.replace(/[ \t]+\n/g, '\n').trim();
}
