import {describe, expect, it} from 'vitest';
import type {ExportInput} from '../../src/export/common.js';
import {escapeHtml, exportHtml} from '../../src/export/html.js';
import {exportJson} from '../../src/export/json.js';
import {escapeMarkdown, exportMarkdown} from '../../src/export/markdown.js';
import {blog, entry, para, t, text} from '../output/make-blog.js';

const at = (h: number, m: number): number => Date.UTC(2026, 10, 28, h, m);

const input: ExportInput = {
	blog: blog(
		[
			entry({id: 'e3', title: null, published: at(10, 0), authors: ['Cai Osei'], body: [para('Crowds gather at the [harbour] for the *regatta*.')]}),
			entry({
				id: 'e2',
				title: 'Regatta postponed',
				keyEvent: true,
				published: at(9, 30),
				authors: ['Ana Ruiz'],
				url: 'https://example.org/live#e2',
				body: [
					para('The race committee ', {kind: 'link', text: t('announced'), href: 'https://example.org/notice'}, ' a delay.'),
					{kind: 'quote', inlines: [text('Wind first, boats second.')], cite: t('the committee')},
				],
			}),
			entry({id: 'e1', title: '# Welcome <script>alert(1)</script>', pinned: true, published: at(8, 0), body: [para('Hello & welcome.')]}),
		],
		{title: 'Harbour festival live', live: 'ended'},
	),
	exportedAt: at(12, 0),
	origin: {kind: 'live'},
};

describe('markdown export', () => {
	const md = exportMarkdown(input);

	it('lists key events first, oldest first, then every entry', () => {
		const keys = md.indexOf('## Key events');
		const all = md.indexOf('## All entries');
		expect(keys).toBeGreaterThan(0);
		expect(all).toBeGreaterThan(keys);
		const keySection = md.slice(keys, all);
		expect(keySection).toContain('- 2026-11-28 08:00 UTC+00:00 — [\\# Welcome \\<script\\>alert(1)\\</script\\>](#entry-e1)');
		expect(keySection).toContain('- 2026-11-28 09:30 UTC+00:00 — [Regatta postponed](#entry-e2)');
		expect(keySection).not.toContain('Crowds');
		const rest = md.slice(all);
		expect(rest.indexOf('Welcome')).toBeLessThan(rest.indexOf('Regatta postponed'));
		expect(rest.indexOf('Regatta postponed')).toBeLessThan(rest.indexOf('Crowds gather'));
	});

	it('gives each entry its time, author, text and link; untitled entries get their first words', () => {
		expect(md).toContain('### Regatta postponed\n\n*2026-11-28 09:30 UTC+00:00 · by Ana Ruiz · key event*\n\nThe race committee [announced](<https://example.org/notice>) a delay.\n\n> Wind first, boats second.\n>\n> — the committee\n\nLink: <https://example.org/live#e2>');
		expect(md).toContain('### Crowds gather at the \\[harbour\\] for the \\*regatta\\*.');
		expect(md).toContain('Exported 2026-11-28 12:00 UTC+00:00, fetched just now');
	});

	it('escapes feed text so it cannot become markup', () => {
		expect(escapeMarkdown('# a [b](javascript:x) *c* <d>')).toBe('\\# a \\[b\\](javascript:x) \\*c\\* \\<d\\>');
		expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
	});
});

describe('html export', () => {
	const html = exportHtml({...input, origin: {kind: 'stored', savedAt: at(11, 0)}});

	it('escapes all feed text: no tag from the feed survives', () => {
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('Hello &amp; welcome.');
		expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
	});

	it('has a no-script CSP, key events first, entries with time, author, text and link', () => {
		expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
		expect(html.indexOf('<h2>Key events</h2>')).toBeLessThan(html.indexOf('<h2>All entries, oldest first</h2>'));
		expect(html).toContain('<li>2026-11-28 09:30 UTC+00:00 — <a href="#entry-e2">Regatta postponed</a></li>');
		expect(html).toContain('<p class="meta">2026-11-28 09:30 UTC+00:00 · by Ana Ruiz · key event</p>');
		expect(html).toContain('<a href="https://example.org/notice" rel="noopener noreferrer">announced</a>');
		expect(html).toContain('<p class="link"><a href="https://example.org/live#e2"');
		expect(html).toContain('from the stored copy saved 2026-11-28 11:00 UTC+00:00');
	});
});

describe('json export', () => {
	it('is one document: blog, key event ids, entries oldest first with the --json fields', () => {
		const doc = JSON.parse(exportJson(input)) as {
			blog: {title: string; live: boolean | null};
			keyEvents: string[];
			entries: Array<{id: string; text: string; published: string; authors: string[]; url: string | null}>;
			exportedAt: string;
		};
		expect(doc.blog).toMatchObject({title: 'Harbour festival live', live: false});
		expect(doc.keyEvents).toEqual(['e1', 'e2']);
		expect(doc.entries.map(e => e.id)).toEqual(['e1', 'e2', 'e3']);
		expect(doc.entries[1]).toMatchObject({published: '2026-11-28T09:30:00.000Z', authors: ['Ana Ruiz'], url: 'https://example.org/live#e2'});
		expect(doc.entries[1]?.text).toBe('The race committee announced (https://example.org/notice) a delay.\n\n> Wind first, boats second.\n> \u2014 the committee');
		expect(doc.exportedAt).toBe('2026-11-28T12:00:00.000Z');
	});

	it('escapes separators and bidi controls', () => {
		const out = exportJson({...input, blog: blog([entry({id: 'x', title: 'a\u2028b\u202e'})])});
		expect(out).toContain('a\\u2028b\\u202e');
	});
});
