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
	// NFKC leaves ASCII as it is; skipping it there saves a copy through ICU.
	return (NON_ASCII.test(text) ? text.normalize('NFKC') : text)
		.toLowerCase()
		.replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
		.replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
		.replace(/[\u2010-\u2015]/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}

const NON_ASCII = /[^\x00-\x7f]/;

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
	// Most bodies run far past their title, so first compare only their start.
	// That start is exact: it is the text below cut just before a space (bodyText
	// with a smaller bound stops where a space joins the next block), and
	// `comparable` of a string cut before a space is a prefix of `comparable` of
	// the whole (NFKC, lower-casing and the replacements do not act across a
	// space; the collapse and trim only change the space itself). Once it is
	// longer than the title, it decides the prefix test, and the body cannot
	// equal the title.
	const fullBound = head.length + 4000;
	const startBound = Math.min(2 * head.length + 80, fullBound);
	const opening = bodyText(body, startBound);
	const space = opening.indexOf(' ', startBound);
	const start = comparable(space === -1 ? opening : opening.slice(0, space));
	if (start.length > head.length) return start.startsWith(head) && (truncated || head.split(' ').length >= 4);
	const text = comparable(bodyText(body, fullBound));
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
