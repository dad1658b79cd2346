import {describe, expect, test} from 'vitest';
import type {Block} from '../../src/model/blog.js';
import {createLayoutCache, layoutBody, layoutEntryText, Lru} from '../../src/text/layout.js';
import {ownText} from '../../src/text/sanitize.js';
import {displayWidth} from '../../src/text/width.js';
import {lineText, lineWidth, wrapRuns} from '../../src/text/wrap.js';
import {entry, para} from '../helpers/blog-factory.js';

const text = (lines: readonly (readonly {text: string}[])[]): string[] => lines.map((l) => l.map((s) => s.text).join(''));

const url = 'https://www.example.org/news/live/2026/nov/28/storm-updates-coastal-evacuation-bridge-closures?page=with:block-6763a1b2c3d4e5f6';

const storm = entry({
	id: 's1',
	title: 'Storm makes landfall near the coast with winds over 150 km/h',
	body: [
		para('Crews are standing by across the region. Residents are asked to stay indoors until the all-clear is given.'),
		{kind: 'paragraph', inlines: [{kind: 'text', text: ownText('Live map: ')}, {kind: 'link', text: ownText(url), href: url}]},
		{kind: 'list-item', depth: 1, marker: ownText('•'), inlines: [{kind: 'text', text: ownText('Evacuation centres are open in all coastal districts tonight')}]},
		{kind: 'list-item', depth: 1, marker: ownText('•'), inlines: [{kind: 'text', text: ownText('Schools closed')}]},
		{kind: 'quote', inlines: [{kind: 'text', text: ownText('We have never seen water this high in the harbour.')}], cite: ownText('a harbour master')},
		{kind: 'caption', inlines: [{kind: 'text', text: ownText('Waves over the sea wall on Saturday. Photo: staff')}]},
	],
});

describe('entry layout at fixed widths', () => {
	test('40 columns', () => {
		expect(text(layoutEntryText(storm, 40))).toEqual([
			'Storm makes landfall near the coast with',
			'winds over 150 km/h',
			'Crews are standing by across the region.',
			'Residents are asked to stay indoors',
			'until the all-clear is given.',
			'',
			'Live map:',
			'https://www.example.org/news/live/2026/n',
			'ov/28/storm-updates-coastal-evacuation-b',
			'ridge-closures?page=with:block-6763a1b2c',
			'3d4e5f6',
			'',
			'• Evacuation centres are open in all',
			'  coastal districts tonight',
			'• Schools closed',
			'',
			'│ We have never seen water this high in',
			'│ the harbour.',
			'│ — a harbour master',
			'',
			'Waves over the sea wall on Saturday.',
			'Photo: staff',
		]);
	});

	test('80 columns', () => {
		expect(text(layoutEntryText(storm, 80))).toEqual([
			'Storm makes landfall near the coast with winds over 150 km/h',
			'Crews are standing by across the region. Residents are asked to stay indoors',
			'until the all-clear is given.',
			'',
			'Live map:',
			'https://www.example.org/news/live/2026/nov/28/storm-updates-coastal-evacuation-b',
			'ridge-closures?page=with:block-6763a1b2c3d4e5f6',
			'',
			'• Evacuation centres are open in all coastal districts tonight',
			'• Schools closed',
			'',
			'│ We have never seen water this high in the harbour.',
			'│ — a harbour master',
			'',
			'Waves over the sea wall on Saturday. Photo: staff',
		]);
	});

	test('120 columns', () => {
		expect(text(layoutEntryText(storm, 120))).toEqual([
			'Storm makes landfall near the coast with winds over 150 km/h',
			'Crews are standing by across the region. Residents are asked to stay indoors until the all-clear is given.',
			'',
			'Live map:',
			// 128 characters: longer than the line, so it is cut at the width.
			url.slice(0, 120),
			url.slice(120),
			'',
			'• Evacuation centres are open in all coastal districts tonight',
			'• Schools closed',
			'',
			'│ We have never seen water this high in the harbour.',
			'│ — a harbour master',
			'',
			'Waves over the sea wall on Saturday. Photo: staff',
		]);
	});

	test('styles: title bold, link keeps its href, captions muted, list markers and quote bars marked', () => {
		const lines = layoutEntryText(storm, 80);
		expect(lines[0]![0]!.style).toBe('title');
		const link = lines.flat().find((s) => s.style === 'link');
		expect(link?.href).toBe(url);
		expect(lines.at(-1)![0]!.style).toBe('muted');
		expect(lines.flat().filter((s) => s.style === 'marker').map((s) => s.text)).toEqual(['• ', '• ']);
		expect(lines.flat().filter((s) => s.style === 'quote-bar')).toHaveLength(2);
	});
});

describe('wide and odd text', () => {
	const cjk = para('速報：台風が上陸しました。各地で停電が発生しています。 Read more at the site.');

	test.each([
		[40, ['速報：台風が上陸しました。各地で停電が発', '生しています。 Read more at the site.']],
		[20, ['速報：台風が上陸しま', 'した。各地で停電が発', '生しています。 Read', 'more at the site.']],
		[9, ['速報：台', '風が上陸', 'しました', '。各地で', '停電が発', '生してい', 'ます。', 'Read more', 'at the', 'site.']],
	])('CJK breaks between characters at %i columns, never wider than the line', (width, expected) => {
		const lines = layoutBody([cjk], width);
		expect(text(lines)).toEqual(expected);
		for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
	});

	test('a 10,000-character word is hard-broken into full lines', () => {
		const lines = layoutBody([para('x'.repeat(10_000))], 80);
		expect(lines).toHaveLength(125);
		expect(lines.every((l) => lineText(l).length === 80)).toBe(true);
	});

	test('emoji, combining marks and zero-width joiners are never cut mid-character', () => {
		const word = '👩‍👩‍👧e\u0301🇩🇪'.repeat(10);
		const lines = layoutBody([para(word)], 7);
		expect(lines.map(lineText).join('')).toBe(word);
		for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(7);
		expect(displayWidth('👩‍👩‍👧')).toBe(2);
		expect(displayWidth('e\u0301')).toBe(1);
		expect(displayWidth('a\u200Db')).toBe(2);
	});

	test('a hanging indent for nested list items, and lines broken on explicit breaks', () => {
		const blocks: Block[] = [
			{kind: 'list-item', depth: 2, marker: ownText('1.'), inlines: [{kind: 'text', text: ownText('first line of a numbered item that wraps')}]},
			{kind: 'paragraph', inlines: [{kind: 'text', text: ownText('one')}, {kind: 'break'}, {kind: 'text', text: ownText('two')}]},
		];
		expect(text(layoutBody(blocks, 24))).toEqual(['  1. first line of a', '     numbered item that', '     wraps', '', 'one', 'two']);
	});

	test('styled runs glued inside a word stay together', () => {
		const lines = wrapRuns(
			[
				{text: 'aaaa bbbb ', style: 'text'},
				{text: 'Upd', style: 'strong'},
				{text: 'ate:', style: 'text'},
			],
			12,
		);
		expect(lines.map(lineText)).toEqual(['aaaa bbbb', 'Update:']);
	});

	test('one column still lays out without looping', () => {
		expect(text(layoutBody([para('ab 速')], 1))).toEqual(['a', 'b', '速']);
	});
});

describe('the layout cache', () => {
	test('lays an entry out once per revision and width', () => {
		const cache = createLayoutCache();
		cache.lines(storm, 80);
		cache.lines(storm, 80);
		expect(cache.height(storm, 80)).toBe(15);
		expect(cache.stats.layouts).toBe(1);
		cache.lines(storm, 40);
		cache.lines({...storm, revision: 2}, 80);
		expect(cache.stats.layouts).toBe(3);
	});

	test('is bounded', () => {
		const lru = new Lru<number, number>(3);
		for (let i = 0; i < 10; i++) lru.set(i, i);
		expect(lru.size).toBe(3);
		expect(lru.get(0)).toBeUndefined();
		expect(lru.get(9)).toBe(9);
	});
});
