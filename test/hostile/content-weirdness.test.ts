/**
 * Hostile catalogue, group 4: content weirdness. Valid documents with
 * content that breaks naive layout and merging: enormous words and titles,
 * tens of thousands of entries, wide and combining characters, empty feeds,
 * colliding and churning ids, impossible dates, a one-column terminal. Each
 * row asserts the bound or the exact shape of what is shown.
 */
import {createElement} from 'react';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import type {ParsedBlog, ParsedEntry} from '../../src/model/blog.js';
import {mergePoll} from '../../src/model/merge.js';
import {bodyPlainText} from '../../src/model/body-text.js';
import {reduce} from '../../src/state/reducer.js';
import {initialState, type State} from '../../src/state/state.js';
import {layoutEntryText} from '../../src/text/layout.js';
import {ownText, sanitizeLine} from '../../src/text/sanitize.js';
import {lineText, lineWidth} from '../../src/text/wrap.js';
import {Screen} from '../../src/ui/screen.js';
import {makeTheme} from '../../src/ui/theme.js';
import {render} from '../helpers/render.js';
import {AT, CONTROL, fetched, firstControl, merged, parseBlog, parseFormat, renderAll, rssFeed, FORMATS} from '../helpers/hostile-payloads.js';

const next = {at: AT + 30_000, delayMs: 30_000, reason: 'fixed'} as const;

function stateWith(blog: ParsedBlog, columns = 100, rows = 30): State {
	const state = initialState([{url: 'https://news.example/feed', stored: null}], {columns, rows});
	return reduce(state, {type: 'poll-succeeded', tab: 0, at: AT, blog, sourceUrl: 'https://news.example/feed', via: null, validators: {}, next});
}

function frameOf(state: State, columns: number, rows: number): string[] {
	const view = render(createElement(Screen, {state, now: AT + 60_000, theme: makeTheme('dark', true, true)}), {columns, rows});
	try {
		return view.lines();
	} finally {
		view.unmount();
	}
}

function plainEntry(id: string, published: number | null, title: string | null = `Post ${id}`): ParsedEntry {
	return {
		id,
		title: title === null ? null : ownText(title),
		url: null,
		published,
		updated: null,
		authors: [],
		body: [{kind: 'paragraph', inlines: [{kind: 'text', text: ownText(`Body of ${id}`)}]}],
		keyEvent: false,
		pinned: false,
		summary: false,
	};
}

function parsedOf(entries: readonly ParsedEntry[]): ParsedBlog {
	return {format: 'rss', title: ownText('Big'), description: null, homeUrl: null, live: 'live', entries, coverage: {kind: 'window'}, hints: {}, skipped: 0};
}

describe('content weirdness: sizes', () => {
	it('a 10,000-character word: every laid-out line fits its width (40, 7) and no character is lost', () => {
		const word = 'Ω'.repeat(5000) + 'x'.repeat(5000);
		const blog = merged(parseFormat('rss', {items: [{html: `<p>${word}</p>`}]}));
		for (const width of [40, 7]) {
			const lines = layoutEntryText(blog.entries[0]!, width);
			for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
			expect(lines.map(lineText).join('').replace(/\s/g, '')).toContain(word);
		}
		for (const line of renderAll(blog).plain.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
	});

	it('a 1 MB title: kept to 2,048 characters in the model, --json and the layout', () => {
		const title = 'Headline '.repeat(120_000);
		for (const format of ['rss', 'jsonfeed', 'guardian'] as const) {
			const blog = merged(parseFormat(format, {title, items: [{title}]}));
			expect(blog.title.length, format).toBeLessThanOrEqual(2048);
			expect(blog.entries[0]!.title!.length, format).toBeLessThanOrEqual(2048);
			const record = JSON.parse(renderAll(blog).json.split('\n')[1]!) as {title: string};
			expect(record.title.length, format).toBeLessThanOrEqual(2048);
		}
	});

	it('a 3 MB body: kept to about 1 MiB of text', () => {
		const paragraph = `<p>${'word '.repeat(200)}</p>`;
		const blog = merged(parseFormat('rss', {items: [{html: paragraph.repeat(3 * 1024)}]}));
		const text = bodyPlainText(blog.entries[0]!.body);
		expect(text.length).toBeGreaterThan(100_000);
		expect(text.length).toBeLessThanOrEqual(1024 * 1024 + 4096);
	});

	it('50,000 entries merged: 5,000 kept (the newest), and the 100×30 screen draws 29 rows', () => {
		const entries = Array.from({length: 50_000}, (_, i) => plainEntry(`e${i}`, AT - i * 60_000));
		const result = mergePoll(null, parsedOf(entries), 'https://news.example/feed', AT);
		expect(result.blog.entries).toHaveLength(5000);
		expect(result.blog.entries[0]!.id).toBe('e0');
		expect(result.blog.entries.at(-1)!.id).toBe('e4999');
		const lines = frameOf(stateWith(parsedOf(entries.slice(0, 5000))), 100, 30);
		expect(lines.length).toBeLessThanOrEqual(30);
		expect(lines.join('\n')).toContain('Post e0');
	});

	it('a JSON Feed of 50,000 items: the adapter keeps at most 5,000', () => {
		const items = Array.from({length: 50_000}, (_, i) => ({id: `i${i}`, content_text: 'x'}));
		const text = JSON.stringify({version: 'https://jsonfeed.org/version/1.1', title: 'Many', items});
		const blog = parseBlog(fetched(text, 'application/feed+json'));
		expect(blog.entries.length).toBe(5000);
	});
});

describe('content weirdness: characters', () => {
	const mixed = '速報 🚀 👩‍👩‍👧 🇩🇪 🏴󠁧󠁢󠁥󠁮󠁧󠁿 Ａ Ｂ e\u0301 ﷽ café';

	it('emoji, CJK, flags, ZWJ families, combining marks: lines fit widths 1–12 and no grapheme is split', () => {
		// The body differs from the title, or the title would be taken for a truncated body and dropped.
		const blog = merged(parseFormat('rss', {items: [{title: mixed, html: `<p>Body: ${mixed} and again ${mixed}</p>`}]}));
		const entry = blog.entries[0]!;
		expect(entry.title).toBe(mixed);
		const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});
		const graphemes = new Set([...segmenter.segment(mixed)].map((s) => s.segment).filter((g) => g.trim() !== ''));
		for (let width = 1; width <= 12; width++) {
			for (const line of layoutEntryText(entry, width)) {
				// A wide character cannot fit a 1-column line; nothing else may overflow.
				expect(lineWidth(line)).toBeLessThanOrEqual(Math.max(width, 2));
				for (const g of segmenter.segment(lineText(line))) {
					if (g.segment.trim() !== '' && !/^[\x21-\x7e]$/.test(g.segment)) expect(graphemes.has(g.segment), `width ${width}: ${JSON.stringify(g.segment)}`).toBe(true);
				}
			}
		}
	});

	it('a letter with 40 combining marks keeps at most 8, and zero-width characters do not count in width', () => {
		const zalgo = 'a' + '\u0301'.repeat(40);
		const blog = merged(parseFormat('rss', {items: [{title: `Z${zalgo}Z`, html: '<p>Zero\u200Bwidth\u2060word</p>'}]}));
		expect(blog.entries[0]!.title).toBe(`Za${'\u0301'.repeat(8)}Z`);
		expect(stringWidth(blog.entries[0]!.title!)).toBe(3);
		expect(bodyPlainText(blog.entries[0]!.body)).toBe('Zerowidthword');
	});
});

describe('content weirdness: structure', () => {
	it('an empty feed in every format: a blog with 0 entries, --once says "0 entries", the screen shows the title', () => {
		for (const format of FORMATS) {
			const parsed = parseFormat(format, {title: 'Quiet blog', items: []});
			expect(parsed.entries, format).toEqual([]);
			const blog = merged(parsed);
			expect(renderAll(blog).plain, format).toContain('0 entries');
			expect(frameOf(stateWith(parsed), 80, 24).join('\n'), format).toContain('Quiet blog');
		}
	});

	it('every guid the same (10 different posts): 10 distinct, stable ids; a re-poll adds and updates nothing', () => {
		const items = Array.from({length: 10}, (_, i) => ({id: 'same', title: `Post ${i}`, html: `<p>Text ${i}</p>`, date: `Sun, 01 Mar 2026 10:${String(i).padStart(2, '0')}:00 GMT`}));
		const doc = fetched(rssFeed({items}), 'application/rss+xml');
		const first = mergePoll(null, parseBlog(doc), 'https://news.example/feed', AT);
		expect(first.blog.entries).toHaveLength(10);
		expect(new Set(first.blog.entries.map((e) => e.id)).size).toBe(10);
		const again = mergePoll(first.blog, parseBlog(doc), 'https://news.example/feed', AT + 60_000);
		expect([again.added, again.updated, again.removed]).toEqual([[], [], []]);
	});

	it('ids that change on every poll (same 3 posts): after 10 polls still 3 posts on screen, not 30', () => {
		let blog = null;
		for (let poll = 0; poll < 10; poll++) {
			const items = [0, 1, 2].map((i) => ({id: `rand-${poll}-${i}`, title: `Post ${i}`, date: `Sun, 01 Mar 2026 10:0${i}:00 GMT`}));
			blog = mergePoll(blog, parseBlog(fetched(rssFeed({items}), 'application/rss+xml')), 'https://news.example/feed', AT + poll * 60_000).blog;
		}
		expect(blog!.entries.map((e) => e.title)).toEqual(['Post 2', 'Post 1', 'Post 0']);
	});

	it('ids that change every poll on undated posts: still 3 posts after 10 polls', () => {
		let blog = null;
		for (let poll = 0; poll < 10; poll++) {
			const feed = JSON.stringify({
				version: 'https://jsonfeed.org/version/1.1',
				title: 'Churn',
				items: [0, 1, 2].map((i) => ({id: `rand-${poll}-${i}`, title: `Post ${i}`, content_text: `Text ${i}`})),
			});
			blog = mergePoll(blog, parseBlog(fetched(feed, 'application/feed+json')), 'https://news.example/feed', AT + poll * 60_000).blog;
		}
		expect(blog!.entries.map((e) => e.title).sort()).toEqual(['Post 0', 'Post 1', 'Post 2']);
	});

	it('entries that cannot be read are skipped and counted: "(2 entries could not be read)"', () => {
		const text = `<?xml version="1.0"?><rss version="2.0"><channel><title>Mixed</title>
<item><guid>1</guid><title>Good one</title></item><item></item><item>   </item><item><guid>2</guid><title>Good two</title></item></channel></rss>`;
		const parsed = parseBlog(fetched(text, 'application/rss+xml'));
		expect(parsed.entries.map((e) => e.title)).toEqual(['Good one', 'Good two']);
		expect(parsed.skipped).toBe(2);
		expect(renderAll(merged(parsed)).plain).toContain('(2 entries could not be read)');
	});
});

describe('content weirdness: dates', () => {
	type DateRow = {name: string; raw: string; expected: 'first-seen' | number};
	const rows: readonly DateRow[] = [
		{name: 'year 0', raw: '0000-01-01T00:00:00Z', expected: 'first-seen'},
		{name: 'year 9999', raw: '9999-12-31T23:59:00Z', expected: Date.UTC(9999, 11, 31, 23, 59)},
		{name: '30 February (V8 would say 2 March)', raw: 'Mon, 30 Feb 2026 10:00:00 GMT', expected: 'first-seen'},
		{name: 'year 275760 (toISOString throws)', raw: '+275760-09-13T00:00:01Z', expected: 'first-seen'},
		{name: 'garbage', raw: 'yesterday-ish', expected: 'first-seen'},
		{name: 'hour 25', raw: '2026-03-01T25:00:00Z', expected: 'first-seen'},
	];

	it.each(rows.map((row) => [row.name, row] as const))('%s: published is %s; --once and --json print valid times', (_name, row) => {
		const blog = merged(parseFormat('rss', {items: [{id: 'd', date: row.raw}]}));
		const entry = blog.entries[0]!;
		if (row.expected === 'first-seen') {
			expect(entry.dated).toBe('first-seen');
			expect(entry.published).toBe(AT);
		} else {
			expect(entry.dated).toBe('source');
			expect(entry.published).toBe(row.expected);
		}
		const out = renderAll(blog);
		expect(out.plain).not.toMatch(/NaN|Invalid Date|\?\?\?\?/);
		const record = JSON.parse(out.json.split('\n')[1]!) as {published: string};
		expect(Number.isNaN(Date.parse(record.published))).toBe(false);
		expect(firstControl(out.plain, CONTROL)).toBeNull();
	});

	it('an Atom entry with only impossible dates and a JSON Feed one: first-seen time, no throw', () => {
		for (const format of ['atom', 'jsonfeed', 'guardian', 'jsonld'] as const) {
			const blog = merged(parseFormat(format, {items: [{date: '+275760-09-13T00:00:01Z'}]}));
			expect(blog.entries[0]!.published, format).toBe(AT);
		}
	});
});

describe('content weirdness: the terminal', () => {
	it('resized to 1 column and back to 100: the 1-column frame is drawn, and the 100-column frame equals a fresh one', () => {
		const parsed = parseFormat('rss', {title: 'Resize', items: [{title: '速報 Headline 🚀'}, {title: 'Second'}]});
		const fresh = frameOf(stateWith(parsed, 100, 30), 100, 30);
		let state = stateWith(parsed, 100, 30);
		state = reduce(state, {type: 'resized', columns: 1, rows: 30, at: AT + 1});
		const narrow = frameOf(state, 1, 30);
		for (const line of narrow) expect(stringWidth(line)).toBeLessThanOrEqual(2);
		state = reduce(state, {type: 'resized', columns: 100, rows: 30, at: AT + 2});
		expect(frameOf(state, 100, 30)).toEqual(fresh);
		expect(fresh.join('\n')).toContain('速報 Headline 🚀');
	});

	it('1 row and 0 rows tall: no throw, at most that many lines', () => {
		const parsed = parseFormat('rss', {items: [{title: 'Tiny'}]});
		for (const rows of [1, 2]) {
			const state = reduce(stateWith(parsed), {type: 'resized', columns: 40, rows, at: AT + 1});
			expect(frameOf(state, 40, rows).length).toBeLessThanOrEqual(Math.max(rows, 1));
		}
	});

	it('two tabs whose feeds reuse the same entry id (JSON Feed "1", "2"): each tab shows its own text', () => {
		const feed = (name: string): ParsedBlog =>
			parseBlog(
				fetched(
					JSON.stringify({
						version: 'https://jsonfeed.org/version/1.1',
						title: `${name} blog`,
						items: [{id: '1', title: `${name} headline`, content_text: `${name} body text`, date_published: '2026-03-01T10:00:00Z'}],
					}),
					'application/feed+json',
				),
			);
		let state = initialState(
			[
				{url: 'https://alpha.example/feed', stored: null},
				{url: 'https://beta.example/feed', stored: null},
			],
			{columns: 100, rows: 30},
		);
		for (const [tab, name] of [[0, 'Alpha'], [1, 'Beta']] as const) {
			state = reduce(state, {type: 'poll-succeeded', tab, at: AT, blog: feed(name), sourceUrl: `https://${name}.example/feed`, via: null, validators: {}, next});
		}
		expect(frameOf(state, 100, 30).join('\n')).toContain('Alpha body text');
		state = reduce(state, {type: 'command', command: 'next-tab', at: AT + 1});
		const beta = frameOf(state, 100, 30).join('\n');
		expect(beta).toContain('Beta body text');
		expect(beta).not.toContain('Alpha body text');
	});

	it('a status line built from a 1 MB hostile error stays one line at 40 columns', () => {
		// Its own id: the layout cache is process-wide (see the two-tabs case above).
		const parsed = parseFormat('rss', {items: [{id: 'status-line-case', title: 'Kept'}]});
		let state = stateWith(parsed, 40, 12);
		state = reduce(state, {type: 'poll-failed', tab: 0, at: AT + 1, failure: {kind: 'parse', message: sanitizeLine('x'.repeat(1_000_000)), url: 'https://news.example/feed'}, next});
		const lines = frameOf(state, 40, 12);
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(40);
		expect(lines.join('\n')).toContain('Kept');
	});
});

