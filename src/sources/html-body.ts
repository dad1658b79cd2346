/**
 * HTML → structured Body, on htmlparser2's streaming parser (no DOM is built,
 * so memory stays proportional to the output, not the page).
 *
 * Entities: htmlparser2 decodes them as browsers do, legacy forms included:
 * `&amp` and `&copy 2024` in text become `&` and `©`, while `&copy=2` inside
 * an href stays literal (the HTML spec's attribute rule). Everything decoded
 * goes through the sanitiser before it becomes a Block.
 *
 * Bounds: at most MAX_INPUT_CHARS of HTML are read, the output stops after
 * about MAX_BODY_CHARS of text, and nesting deeper than MAX_DEPTH is treated
 * as flat, so a hostile megabyte page costs tens of milliseconds.
 */
import type {Block, Body} from '../model/blog.js';
import {ownText, sanitizeBody, sanitizeLine, type SafeText} from '../text/sanitize.js';
import {Converter} from './html-converter.js';
import {inlinesText, settleInlines, type RawInline} from './html-inlines.js';
import {BoundedParser} from './html-parser.js';

export {BoundedParser} from './html-parser.js';

const MAX_INPUT_CHARS = 4 * 1024 * 1024;
const CHUNK_CHARS = 64 * 1024;

function parserFor(converter: Converter): BoundedParser {
	return new BoundedParser(
		{
			onopentag: (name, attribs) => converter.open(name, attribs),
			onclosetag: (name) => converter.close(name),
			ontext: (data) => converter.text(data),
		},
		{decodeEntities: true},
	);
}

/**
 * One parser serves every body (a feed has thousands, and building a parser,
 * tokenizer and entity decoder for each cost more than a short post's
 * parse); it is reset before each and speaks to whichever converter is
 * current. A body converted while another is (not done today) gets its own.
 */
let current: Converter | null = null;
let shared: BoundedParser | null = null;

function sharedParser(): BoundedParser {
	shared ??= new BoundedParser(
		{
			onopentag: (name, attribs) => current?.open(name, attribs),
			onclosetag: (name) => current?.close(name),
			ontext: (data) => current?.text(data),
		},
		{decodeEntities: true},
	);
	shared.reset();
	return shared;
}

/** Converts an HTML fragment (or page) into body blocks; links resolve against `baseUrl`. */
export function htmlToBody(html: string, baseUrl: string | null): Body {
	const converter = new Converter(baseUrl);
	if (current !== null) return convert(html, converter, parserFor(converter));
	current = converter;
	try {
		return convert(html, converter, sharedParser());
	} finally {
		current = null;
	}
}

function convert(html: string, converter: Converter, parser: BoundedParser): Body {
	const input = html.length > MAX_INPUT_CHARS ? html.slice(0, MAX_INPUT_CHARS) : html;
	for (let offset = 0; offset < input.length && !converter.stopped; offset += CHUNK_CHARS) {
		parser.write(input.slice(offset, offset + CHUNK_CHARS));
	}
	if (!converter.stopped) {
		parser.end();
		converter.flush();
	}
	while (converter.blocks.at(-1)?.kind === 'rule') converter.blocks.pop();
	while (converter.blocks[0]?.kind === 'rule') converter.blocks.shift();
	return converter.blocks;
}

const BULLET_LINE = /^\s*[-*•]\s+/;

/**
 * Plain text → body: blank lines separate paragraphs, single newlines are line
 * breaks, and a paragraph whose every line starts with "- ", "* " or "• " is a list.
 */
export function textToBody(text: string): Body {
	const clean = sanitizeBody(text);
	const blocks: Block[] = [];
	for (const paragraph of clean.split(/\n[ \t]*\n/)) {
		const lines = paragraph.split('\n').filter((line) => line.trim() !== '');
		if (lines.length === 0) continue;
		if (lines.every((line) => BULLET_LINE.test(line))) {
			for (const line of lines) {
				const inlines = settleInlines([{kind: 'text', raw: line.replace(BULLET_LINE, ''), style: undefined}]);
				if (inlines.length > 0) blocks.push({kind: 'list-item', inlines, depth: 0, marker: ownText('•')});
			}
			continue;
		}
		const raws: RawInline[] = [];
		lines.forEach((line, index) => {
			if (index > 0) raws.push({kind: 'break'});
			raws.push({kind: 'text', raw: line, style: undefined});
		});
		const inlines = settleInlines(raws);
		if (inlines.length > 0) blocks.push({kind: 'paragraph', inlines});
	}
	return blocks;
}

/** Heuristic for fields that may hold either (JSON-LD articleBody, JSON Feed summaries). */
export function looksLikeHtml(text: string): boolean {
	return /<\/?[a-z][a-z0-9]*[\s/>]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(text);
}

/** Text that may be HTML or plain, as a body. */
export function bodyFromMarkup(text: string, baseUrl: string | null): Body {
	return looksLikeHtml(text) ? htmlToBody(text, baseUrl) : textToBody(text);
}

/**
 * A one-line field that may carry markup or entities (a JSON-LD headline, a
 * Guardian standfirst): tags dropped, entities decoded, then sanitised.
 */
export function htmlToLine(text: string): SafeText {
	if (!looksLikeHtml(text)) return sanitizeLine(text);
	const parts: string[] = [];
	for (const block of htmlToBody(text, null)) {
		parts.push(block.kind === 'preformatted' ? block.text : block.kind === 'rule' ? '' : inlinesText(block.inlines));
	}
	return sanitizeLine(parts.filter((part) => part !== '').join(' '));
}
