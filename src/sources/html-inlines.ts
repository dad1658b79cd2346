/**
 * The inline half of HTML-to-body conversion: raw runs of text collected by
 * the streaming converter become sanitised, whitespace-normalised `Inline`s.
 * Kept apart from html-body.ts so that file stays about the parser's events.
 */
import type {Inline} from '../model/blog.js';
import {MAX_BODY_CHARS, needsCleaning, sanitizeBody, sanitizeLine, type SafeText} from '../text/sanitize.js';

export type TextStyle = 'strong' | 'emphasis' | 'code';

/** A run as collected while parsing, before whitespace is settled. */
export type RawInline =
	| {kind: 'text'; raw: string; style: TextStyle | undefined}
	| {kind: 'link'; raw: string; href: string; owner: object}
	| {kind: 'break'};

/**
 * HTML whitespace runs other than a lone space (which would be replaced by
 * itself): the same result as replacing every run, without rebuilding every
 * string that merely has spaces between its words.
 */
const HTML_SPACE = /[ \t\n\r\f]{2,}|[\t\n\r\f]/g;

/**
 * Sanitise first, then collapse whitespace. Collapsing only replaces
 * whitespace with a single space, which cannot make safe text unsafe, so the
 * brand survives the replace.
 */
export function cleanRun(raw: string): SafeText {
	return sanitizeBody(raw).replace(HTML_SPACE, ' ') as SafeText;
}

/**
 * True when no run needs the sanitiser: one scan of the block instead of one
 * per run. Exact: a run of the joined text that needed cleaning would make
 * the whole need it (a mark run across two runs only sends the block the slow
 * way, which then cleans each run as before).
 */
function allClean(raws: readonly RawInline[]): boolean {
	let joined = '';
	for (const raw of raws) {
		if (raw.kind === 'break') continue;
		if (raw.raw.length > MAX_BODY_CHARS) return false;
		joined += raw.raw;
	}
	return !needsCleaning(joined, 'body');
}

/** An inline under construction; frozen into an `Inline` once the block is settled. */
type Draft = {kind: 'text'; text: string; style: TextStyle | undefined} | {kind: 'link'; text: string; href: string} | {kind: 'break'};

function finished(draft: Draft): Inline {
	if (draft.kind !== 'text') return draft as Inline;
	const text = draft.text as SafeText;
	return draft.style === undefined ? {kind: 'text', text} : {kind: 'text', text, style: draft.style};
}

/**
 * Settles whitespace across run boundaries: one space between words whatever
 * the markup, none at the edges of the block or around line breaks, links
 * never start or end with a space (the space goes into the text beside them),
 * at most two breaks in a row, adjacent runs of the same style merged.
 */
export function settleInlines(raws: readonly RawInline[]): Inline[] {
	// Sanitising only replaces what the scan finds, so clean text skips straight to the collapse.
	const clean = allClean(raws);
	const out: Draft[] = [];
	let last: Draft | undefined;
	let space = false;
	let breaks = 0;
	for (const raw of raws) {
		if (raw.kind === 'break') {
			space = false;
			if (last !== undefined && breaks < 2) {
				last = {kind: 'break'};
				out.push(last);
				breaks++;
			}
			continue;
		}
		let text: string = clean ? raw.raw.replace(HTML_SPACE, ' ') : cleanRun(raw.raw);
		if (text.charCodeAt(0) === 0x20) space = true;
		const trailing = text.charCodeAt(text.length - 1) === 0x20;
		text = text.trim();
		if (text === '') continue;
		if (space && last !== undefined && last.kind !== 'break') {
			if (last.kind === 'text' && last.style === undefined) {
				last.text += ' ';
			} else if (raw.kind === 'text' && raw.style === undefined) {
				text = ` ${text}`;
			} else {
				last = {kind: 'text', text: ' ', style: undefined};
				out.push(last);
			}
		}
		space = trailing;
		breaks = 0;
		if (raw.kind === 'link') {
			last = {kind: 'link', text, href: raw.href};
			out.push(last);
		} else if (last?.kind === 'text' && last.style === raw.style) {
			last.text += text;
		} else {
			last = {kind: 'text', text, style: raw.style};
			out.push(last);
		}
	}
	while (out.at(-1)?.kind === 'break') out.pop();
	return out.map(finished);
}

export function inlinesText(inlines: readonly Inline[]): string {
	let text = '';
	for (const inline of inlines) text += inline.kind === 'break' ? ' ' : inline.text;
	return text;
}

/** Link-farm and promo labels that are not part of a post. */
const LABEL = /^(read more|read more here|related|related content|related stories|related articles|see also|more on this story|sign up|sign up here|subscribe|subscribe now|advertisement|continue reading|continue reading\.\.\.|continue reading…)$/;
const LABELLED_LINK = /^(read more|related|see also|more on this story|sign up|also read)\s*:/;
const NEWSLETTER = /^sign up (to|for)\b.*\bnewsletter\b/;
/**
 * Every pattern above starts with one of these words, so text that does not
 * is settled with one anchored test instead of lower-casing and collapsing the
 * whole paragraph. Exact: no non-ASCII letter lower-cases to these ASCII words
 * (only K and İ map to ASCII at all), and `\s+` stands for the collapsed space.
 */
const BOILERPLATE_START = /^\s*(?:read\s+more|related|see\s+also|more\s+on\s+this\s+story|sign\s+up|subscribe|advertisement|continue\s+reading|also\s+read)/i;

/**
 * True for a block that is only boilerplate: a bare label ("Read more",
 * "Related", "Sign up"), a newsletter sign-up line, or "Related: <one link>".
 */
export function isBoilerplate(inlines: readonly Inline[]): boolean {
	const raw = inlinesText(inlines);
	if (!BOILERPLATE_START.test(raw)) return false;
	const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
	const bare = text.replace(/[\s:.!»›>→-]+$/u, '');
	if (LABEL.test(bare) || LABEL.test(text) || NEWSLETTER.test(bare)) return true;
	if (LABELLED_LINK.test(text)) {
		const content = inlines.filter((inline) => inline.kind !== 'break' && inline.text.trim() !== '');
		const links = content.filter((inline) => inline.kind === 'link');
		return links.length === 1 && content.length <= 2;
	}
	return false;
}

/** For comparing an image's alt text with a figcaption. */
export function comparable(text: string): string {
	return text
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/[\s.,;:!?…]+$/u, '')
		.trim();
}

export function lineOf(raw: string): SafeText {
	return sanitizeLine(raw);
}
