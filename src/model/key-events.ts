/**
 * Key events where the source flags none, and the truncated-title heuristic.
 * Live-blog RSS puts the first words of an untitled post in `<title>` (often
 * ending in "…" or "..."); such a title is no headline and is dropped, and a
 * post with a real headline is what a reader would call a key event.
 */
import type {Block, Body, Inline, ParsedEntry} from './blog.js';

function inlineText(inlines: readonly Inline[]): string {
	return inlines.map(inline => (inline.kind === 'break' ? ' ' : inline.text)).join('');
}

function blockText(block: Block): string {
	switch (block.kind) {
		case 'preformatted':
			return block.text;
		case 'rule':
			return '';
		default:
			return inlineText(block.inlines);
	}
}

/** The body's text as one line, as far as needed for a comparison. */
export function bodyText(body: Body, maxChars = 4000): string {
	let out = '';
	for (const block of body) {
		if (out.length >= maxChars) break;
		const text = blockText(block);
		if (text) out += (out ? ' ' : '') + text;
	}
	return out;
}

/** Case, quotes, dashes and spacing differ between a title and its body for no reason. */
function comparable(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
		.replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
		.replace(/[\u2010-\u2015]/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}

const ELLIPSIS = /(?:\u2026|\.{3,}|\[\u2026\]|\[\.\.\.\])\s*$/;

/**
 * True when the title is only the opening of its own body: its text (without
 * a trailing ellipsis) is a prefix of the body text. Very short titles count
 * only when they end in an ellipsis, so "Update" on a body starting "Update:
 * ..." is not mistaken for a truncation.
 */
export function isTruncatedBody(title: string, body: Body): boolean {
	const truncated = ELLIPSIS.test(title);
	const head = comparable(title.replace(ELLIPSIS, '')).replace(/[\s,;:.\-]+$/, '');
	if (head === '') return truncated;
	const text = comparable(bodyText(body, head.length + 4000));
	if (!text.startsWith(head)) return false;
	return truncated || head.split(' ').length >= 4 || head.length === text.length;
}

/**
 * Titles that merely repeat the start of the body become null. When the
 * source flags no key events, entries left with a real headline become key
 * events. Pure; returns new entries only where something changed.
 */
export function normaliseTitles(entries: readonly ParsedEntry[], sourceFlagsKeyEvents: boolean): ParsedEntry[] {
	return entries.map(entry => {
		const title = entry.title !== null && isTruncatedBody(entry.title, entry.body) ? null : entry.title;
		const keyEvent = sourceFlagsKeyEvents ? entry.keyEvent : entry.keyEvent || title !== null;
		return title === entry.title && keyEvent === entry.keyEvent ? entry : {...entry, title, keyEvent};
	});
}
