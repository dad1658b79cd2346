/**
 * Property-based fuzzing (fast-check) of every adapter entry point and of
 * the sanitiser + layout. Properties:
 *  1. Nothing but LiveblogError (kind 'parse') leaves an adapter or
 *     parseDocument, whatever the bytes or the near-valid structure.
 *  2. No rendered output — layout lines, --json lines, --once text, error
 *     and "not a blog" messages — contains a control byte (\n allowed in
 *     bodies; nothing at all in one-line fields).
 * Run counts are fixed (NUM_RUNS below) so the file runs in a few seconds;
 * LIVEBLOG_FUZZ_SCALE multiplies them for a longer hunt;
 * a failure prints fast-check's seed and the shrunk counterexample.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {describeFailure, isLiveblogError} from '../../src/errors.js';
import type {Block, ParsedBlog} from '../../src/model/blog.js';
import {jsonLine} from '../../src/output/json-escape.js';
import {parseAtom} from '../../src/sources/atom.js';
import {discoverFeeds} from '../../src/sources/autodiscovery.js';
import {parseGuardianResponse, parseGuardianSearch} from '../../src/sources/guardian.js';
import {htmlToBody} from '../../src/sources/html-body.js';
import {parseDocument, type ForcedSource} from '../../src/sources/index.js';
import {parseJsonFeed} from '../../src/sources/json-feed.js';
import {parseJsonLdPage} from '../../src/sources/json-ld.js';
import {parseRss} from '../../src/sources/rss.js';
import type {SourceText} from '../../src/sources/source.js';
import {layoutBody} from '../../src/text/layout.js';
import {MAX_LINE_CHARS, sanitizeBody, sanitizeLine} from '../../src/text/sanitize.js';
import {lineText, lineWidth} from '../../src/text/wrap.js';
import {
	BEL,
	CONTENT_TYPES,
	CONTROL,
	ESC,
	FORMATS,
	LINE_CONTROL,
	ST,
	feedText,
	fetched,
	firstControl,
	lineFields,
	merged,
	renderAll,
	type Format,
	type HostileFeed,
} from '../helpers/hostile-payloads.js';

/** LIVEBLOG_FUZZ_SCALE=20 multiplies every run count, for a long local hunt. */
const SCALE = Math.max(1, Number(process.env['LIVEBLOG_FUZZ_SCALE'] ?? '1') || 1);
const base = {bytes: 60, structured: 40, adapters: 60, sanitizer: 300, layout: 150, json: 200};
/** Runs per property; reported in the closing note of issue 5. */
export const NUM_RUNS: Readonly<typeof base> = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, v * SCALE])) as typeof base;

const FORCES: readonly ForcedSource[] = ['auto', 'rss', 'atom', 'rdf', 'jsonfeed', 'jsonld', 'guardian'];

const nasty = [ESC, BEL, ST, '\u009B', '\u009D', '\u009C', '\u202E', '\u2066', '\u200B', '\uFEFF', '\u00AD', '\u0000', '\b', '\r', '\u007F', '\u2028', '\u0301', '\u{E0041}', '🏴', '速', '&#27;', '&#x9b;', '&amp;', '&lt;', ']]>', '<', '>', '"', "'", '&', '[', '2J', ']52;c;', 'javascript:', 'https://', ' ', '\n', '\t', 'a', 'Z'];

/** Strings built from the worst characters and fragments, plus arbitrary code points. */
const hostileString = fc.oneof(
	fc.string({unit: fc.constantFrom(...nasty), maxLength: 24}),
	fc.string({unit: 'binary', maxLength: 40}),
	fc.constantFrom(`${ESC}]52;c;aGk=${BEL}`, `${ESC}[2J`, `${ESC}Ptmux;${ESC}${ESC}]0;x${BEL}${ST}`, '\u009B6n', 'abc\u202Edef', '', '   '),
);

/** Markup fragments that break structure when inserted raw (unescaped). */
const rawFragment = fc.constantFrom('<item>', '</item>', '</channel>', '<entry>', '<![CDATA[', ']]>', '<!DOCTYPE x [<!ENTITY a "b">]>', '&a;', '<title>', '<', '&', '<script type="application/ld+json">', '</script>', '{', '}', '[', '"', ',', '\u0000');

const hostileItem = fc.record(
	{
		id: hostileString,
		title: hostileString,
		author: hostileString,
		html: fc.oneof(hostileString, hostileString.map((s) => `<p>${s}</p><a href="${s}">${s}</a><ul><li>${s}</li></ul><blockquote>${s}</blockquote>`)),
		link: fc.oneof(hostileString, fc.constantFrom('https://ok.example/p', 'javascript:alert(1)', 'file:///etc/passwd', '/relative#x')),
		date: fc.oneof(hostileString, fc.constantFrom('2026-03-01T10:00:00Z', 'Mon, 30 Feb 2026 10:00:00 GMT', '+275760-09-13T00:00:01Z', '0000-01-01T00:00:00Z')),
	},
	{requiredKeys: []},
);

const hostileFeed: fc.Arbitrary<HostileFeed> = fc.record({title: hostileString, items: fc.array(hostileItem, {maxLength: 4})});

/** A near-valid document: a builder's output, sometimes cut or with a raw fragment spliced in. */
const nearValid = fc
	.tuple(fc.constantFrom(...FORMATS), hostileFeed, fc.option(fc.tuple(fc.double({min: 0, max: 1, noNaN: true}), rawFragment)), fc.option(fc.double({min: 0, max: 1, noNaN: true})))
	.map(([format, feed, splice, cut]) => {
		let text = feedText(format, feed);
		if (splice !== null) {
			const at = Math.floor(splice[0] * text.length);
			text = text.slice(0, at) + splice[1] + text.slice(at);
		}
		if (cut !== null) text = text.slice(0, Math.floor(cut * text.length));
		return {format, text};
	});

/** JSON sources with arbitrary values where strings are expected. */
const wrongJson = fc.oneof(
	fc.record({version: fc.constant('https://jsonfeed.org/version/1.1'), title: fc.anything(), home_page_url: fc.anything(), items: fc.oneof(fc.anything(), fc.array(fc.anything(), {maxLength: 4}))}),
	fc.record({response: fc.record({status: fc.anything(), content: fc.record({id: fc.anything(), webUrl: fc.anything(), fields: fc.anything(), blocks: fc.record({body: fc.array(fc.anything(), {maxLength: 4}), requestedBodyBlocks: fc.anything()}, {requiredKeys: []})}, {requiredKeys: []})}, {requiredKeys: []})}),
	fc.record({'@type': fc.constantFrom('LiveBlogPosting', ['LiveBlogPosting']), headline: fc.anything(), liveBlogUpdate: fc.oneof(fc.anything(), fc.array(fc.anything(), {maxLength: 4})), '@graph': fc.anything()}, {requiredKeys: ['@type']}),
);

type Problem = string | null;

/** Property 2 on a parsed blog: every output clean. */
function checkBlog(blog: ParsedBlog): Problem {
	for (const field of lineFields(blog)) {
		const bad = firstControl(field, LINE_CONTROL);
		if (bad) return `one-line field: ${bad}`;
		if (field.length > MAX_LINE_CHARS) return `one-line field longer than ${MAX_LINE_CHARS}`;
	}
	const out = renderAll(merged(blog));
	for (const [name, text] of [['plain', out.plain], ['json', out.json], ['layout', out.layout.join('\n')]] as const) {
		const bad = firstControl(text, CONTROL);
		if (bad) return `${name}: ${bad}`;
	}
	for (const line of out.lines) for (const segment of line) if (segment.href !== undefined && !/^https?:\/\/[\x21-\x7e]+$/.test(segment.href)) return `href ${JSON.stringify(segment.href)}`;
	return null;
}

/** Property 1 + 2 around any adapter call. */
function guard(run: () => ParsedBlog | null | {kind: string; blog?: ParsedBlog; found?: string; reason?: string}): Problem {
	let result;
	try {
		result = run();
	} catch (error) {
		if (!isLiveblogError(error)) return `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
		if (error.failure.kind !== 'parse') return `LiveblogError of kind ${error.failure.kind}`;
		return firstControl(error.message, LINE_CONTROL) ? `error message: ${firstControl(error.message, LINE_CONTROL)}` : null;
	}
	if (result === null) return null;
	if ('format' in result) return checkBlog(result as ParsedBlog);
	if (result.kind === 'blog' && result.blog) return checkBlog(result.blog);
	if (result.kind === 'not-a-blog' && result.found !== undefined) {
		// `found` is shown through describeFailure (which sanitises); that line is what reaches the terminal.
		const shown = describeFailure({kind: 'not-a-feed', found: result.found, url: 'https://news.example/feed'});
		return firstControl(shown, LINE_CONTROL) ? `found: ${firstControl(shown, LINE_CONTROL)}` : null;
	}
	if (result.kind === 'follow' && result.reason !== undefined) return firstControl(result.reason, LINE_CONTROL) ? `reason: ${firstControl(result.reason, LINE_CONTROL)}` : null;
	return null;
}

const contentType = fc.constantFrom<string | null>(null, ...Object.values(CONTENT_TYPES), 'text/plain', 'application/octet-stream', 'text/html; charset=utf-16', 'application/xml; charset=windows-1252', 'text/xml; charset=bogus');

function sourceText(text: string, ct: string | null): SourceText {
	return {url: 'https://news.example/feed', contentType: ct?.split(';')[0] ?? null, headers: ct === null ? {} : {'content-type': ct}, text};
}

const adapters: readonly [string, (input: SourceText) => ReturnType<Parameters<typeof guard>[0]>][] = [
	['parseRss', parseRss],
	['parseAtom', parseAtom],
	['parseJsonFeed', parseJsonFeed],
	['parseGuardianResponse', parseGuardianResponse],
	['parseJsonLdPage', parseJsonLdPage],
	[
		'parseGuardianSearch',
		(input) => {
			const hit = parseGuardianSearch(input);
			if (hit && firstControl(hit.title, LINE_CONTROL)) throw new Error(`search title has ${firstControl(hit.title, LINE_CONTROL)}`);
			return null;
		},
	],
	[
		'discoverFeeds',
		(input) => {
			for (const feed of discoverFeeds(input.text, input.url)) {
				if (feed.title && firstControl(feed.title, LINE_CONTROL)) throw new Error(`feed title has ${firstControl(feed.title, LINE_CONTROL)}`);
				if (!/^https?:\/\/[\x21-\x7e]+$/.test(feed.url)) throw new Error(`feed url ${JSON.stringify(feed.url)}`);
			}
			return null;
		},
	],
];

describe('fuzz: adapters never throw anything but LiveblogError, outputs never carry a control byte', () => {
	it.each(FORCES.map((force) => [force] as const))(`arbitrary bytes through parseDocument, force=%s (${NUM_RUNS.bytes} runs)`, (force) => {
		fc.assert(
			fc.property(fc.uint8Array({maxLength: 600}), contentType, (bytes, ct) => {
				expect(guard(() => parseDocument(fetched(bytes, ct), {force}))).toBeNull();
			}),
			{numRuns: NUM_RUNS.bytes},
		);
	});

	it.each(FORCES.map((force) => [force] as const))(`near-valid hostile documents through parseDocument, force=%s (${NUM_RUNS.structured} runs)`, (force) => {
		fc.assert(
			fc.property(nearValid, fc.boolean(), ({format, text}, typed) => {
				const ct = typed ? CONTENT_TYPES[format as Format] : null;
				expect(guard(() => parseDocument(fetched(text, ct), {force}))).toBeNull();
			}),
			{numRuns: NUM_RUNS.structured},
		);
	});

	it(`JSON sources with arbitrary values where strings belong (${NUM_RUNS.structured * 3} runs)`, () => {
		fc.assert(
			fc.property(wrongJson, fc.constantFrom<ForcedSource>('auto', 'jsonfeed', 'guardian'), (value, force) => {
				expect(guard(() => parseDocument(fetched(JSON.stringify(value) ?? 'null', 'application/json'), {force}))).toBeNull();
			}),
			{numRuns: NUM_RUNS.structured * 3},
		);
	});

	it(`JSON-LD pages with arbitrary postings (${NUM_RUNS.structured * 2} runs)`, () => {
		fc.assert(
			fc.property(wrongJson, hostileString, (value, junk) => {
				const page = `<html><head><script type="application/ld+json">${(JSON.stringify(value) ?? '').replace(/</g, '\\u003c')}</script><script type="application/ld+json">${junk}</script></head></html>`;
				expect(guard(() => parseDocument(fetched(page, 'text/html'), {}))).toBeNull();
			}),
			{numRuns: NUM_RUNS.structured * 2},
		);
	});

	it.each(adapters.map(([name, adapter]) => [name, adapter] as const))(`per-format adapter %s on near-valid and arbitrary text (${NUM_RUNS.adapters} runs)`, (_name, adapter) => {
		fc.assert(
			fc.property(fc.oneof(nearValid.map((d) => d.text), fc.string({unit: 'binary', maxLength: 300})), contentType, (text, ct) => {
				expect(guard(() => adapter(sourceText(text, ct)))).toBeNull();
			}),
			{numRuns: NUM_RUNS.adapters},
		);
	});

	it(`htmlToBody on hostile markup: blocks carry no control, hrefs only http(s) (${NUM_RUNS.adapters} runs)`, () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(hostileString, rawFragment, fc.constantFrom('<p>', '</p>', '<a href="javascript:x">', '<a href="https://ok.example/">', '</a>', '<pre>', '</pre>', '<img alt="', '">', '<h2>', '<li>', '<br>')), {maxLength: 30}), (parts) => {
				const body = htmlToBody(parts.join(''), 'https://news.example/');
				const texts = body.flatMap((block: Block) => ('inlines' in block ? block.inlines.flatMap((i) => (i.kind === 'break' ? [] : [i.text])) : block.kind === 'preformatted' ? [block.text] : []));
				for (const text of texts) expect(firstControl(text, CONTROL)).toBeNull();
				for (const block of body) if ('inlines' in block) for (const i of block.inlines) if (i.kind === 'link') expect(i.href).toMatch(/^https?:\/\/[\x21-\x7e]+$/);
			}),
			{numRuns: NUM_RUNS.adapters},
		);
	});
});

describe('fuzz: sanitiser, layout and JSON escaping', () => {
	const anyText = fc.oneof(fc.string({unit: 'binary', maxLength: 200}), fc.string({unit: fc.constantFrom(...nasty), maxLength: 60}));

	it(`sanitizeLine: no control, no line break, ≤ 2048 chars, idempotent (${NUM_RUNS.sanitizer} runs)`, () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const line = sanitizeLine(text);
				expect(firstControl(line, LINE_CONTROL)).toBeNull();
				expect(line).not.toMatch(/[\n\u2028\u2029\u200B\uFEFF]/);
				expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
				expect(sanitizeLine(line)).toBe(line);
			}),
			{numRuns: NUM_RUNS.sanitizer},
		);
	});

	it(`sanitizeBody: no control but \\n, no tab, no more than two blank lines (${NUM_RUNS.sanitizer} runs)`, () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const body = sanitizeBody(text);
				expect(firstControl(body, CONTROL)).toBeNull();
				expect(body).not.toContain('\t');
				expect(body).not.toMatch(/\n{4,}/);
			}),
			{numRuns: NUM_RUNS.sanitizer},
		);
	});

	// Below 4 columns a quote bar or list marker alone fills the line; there only "no control, no throw" is asked.
	it(`layoutBody of sanitised text at widths 1–120: no control; lines fit from 4 columns up (${NUM_RUNS.layout} runs)`, () => {
		fc.assert(
			fc.property(fc.array(anyText, {minLength: 1, maxLength: 4}), fc.integer({min: 1, max: 120}), (texts, width) => {
				const body: Block[] = texts.map((text, i) =>
					i % 3 === 2
						? {kind: 'preformatted', text: sanitizeBody(text)}
						: {kind: i % 3 === 0 ? 'paragraph' : 'quote', inlines: [{kind: 'text', text: sanitizeBody(text)}, {kind: 'link', text: sanitizeLine(text), href: 'https://ok.example/x'}]},
				);
				for (const line of layoutBody(body, width)) {
					if (width >= 4) expect(lineWidth(line)).toBeLessThanOrEqual(width);
					expect(firstControl(lineText(line), LINE_CONTROL)).toBeNull();
				}
			}),
			{numRuns: NUM_RUNS.layout},
		);
	});

	it(`jsonLine: valid JSON, round-trips, no raw DEL/C1/U+2028/U+2029/bidi (${NUM_RUNS.json} runs)`, () => {
		fc.assert(
			fc.property(fc.jsonValue(), anyText, (value, text) => {
				const line = jsonLine({value, text});
				expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
				expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify({value, text})));
			}),
			{numRuns: NUM_RUNS.json},
		);
	});
});
