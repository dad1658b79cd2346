import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {formatBlog, formatEntry, localTime, outputWidth} from '../../src/output/plain.js';
import {wrapParagraph, wrapText} from '../../src/output/wrap.js';
import {blog, entry, para, t, text} from './make-blog.js';

const noEscapes = /[\u001b\u009b]/;

describe('wrap', () => {
	it('wraps words greedily within the width', () => {
		expect(wrapParagraph('the quick brown fox jumps over the lazy dog', 15)).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog']);
	});

	it('counts CJK and emoji as two columns', () => {
		const lines = wrapParagraph('速報 速報 速報 速報 🚀🚀', 10);
		expect(lines).toEqual(['速報 速報', '速報 速報', '🚀🚀']);
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(10);
	});

	it('cuts a word longer than the line between graphemes', () => {
		const url = 'https://example.org/' + 'a'.repeat(50);
		const lines = wrapParagraph(url, 20);
		expect(lines.join('')).toBe(url);
		expect(lines.every(line => stringWidth(line) <= 20)).toBe(true);
	});

	it('applies hanging prefixes', () => {
		expect(wrapText('one two three four', 9, '• ', '  ')).toEqual(['• one two', '  three', '  four']);
	});
});

describe('plain output', () => {
	it('uses $COLUMNS when sensible, else 80', () => {
		expect(outputWidth('120')).toBe(120);
		expect(outputWidth(undefined)).toBe(80);
		expect(outputWidth('5')).toBe(80);
		expect(outputWidth('wide')).toBe(80);
	});

	it('formats local time with the date (TZ=UTC in tests)', () => {
		expect(localTime(Date.UTC(2026, 10, 28, 9, 5))).toBe('2026-11-28 09:05');
	});

	it('prints time, author, flags, title, wrapped body and link for an entry', () => {
		const e = entry({
			id: 'a',
			title: 'Ferry cancelled',
			authors: ['Al Roe'],
			keyEvent: true,
			url: 'https://example.org/live#a',
			body: [
				para('All sailings to the island are off until Thursday morning at the earliest, the operator says.'),
				{kind: 'list-item', depth: 0, marker: t('•'), inlines: [text('The clinic has stocked up for a week of isolation and more.')]},
				{kind: 'list-item', depth: 0, marker: t('•'), inlines: [text('Shops too.')]},
				{kind: 'quote', inlines: [text('We will manage.')], cite: t('a shopkeeper')},
			],
		});
		expect(formatEntry(e, 40)).toBe(
			[
				'2026-11-28 14:05 · Al Roe · [key event]',
				'Ferry cancelled',
				'',
				'All sailings to the island are off until',
				'Thursday morning at the earliest, the',
				'operator says.',
				'',
				'• The clinic has stocked up for a week',
				'  of isolation and more.',
				'• Shops too.',
				'',
				'> We will manage.',
				'> — a shopkeeper',
				'',
				'https://example.org/live#a',
				'',
				'',
			].join('\n'),
		);
	});

	it('keeps a long link whole on its own line, so it can be copied or clicked', () => {
		const url = `https://example.org/live/2026/nov/28/storm?page=with:block-${'a'.repeat(60)}#block-${'a'.repeat(60)}`;
		const lines = formatEntry(entry({id: 'l', url}), 40).split('\n');
		expect(lines).toContain(url);
	});

	it('labels new, updated and removed entries in follow mode', () => {
		expect(formatEntry(entry({id: 'n'}), 80, 'new').split('\n')[0]).toBe('2026-11-28 14:05 · [NEW]');
		expect(formatEntry(entry({id: 'u', pinned: true}), 80, 'updated').split('\n')[0]).toBe('2026-11-28 14:05 · [UPDATED, pinned]');
		expect(formatEntry(entry({id: 'r', title: 'Gone'}), 80, 'removed')).toBe('2026-11-28 14:05 · [REMOVED]\nGone\n(removed by the source)\n\n');
	});

	it('prints the blog header then entries oldest first, with no escape sequences', () => {
		const out = formatBlog(
			blog([entry({id: 'late', title: 'Late', published: 2_000_000}), entry({id: 'early', title: 'Early', published: 1_000_000})], {skipped: 2}),
			80,
		);
		expect(out.indexOf('Early')).toBeLessThan(out.indexOf('Late'));
		expect(out).toContain('Harbour festival live\nLIVE · 2 entries\nhttps://example.org/live/feed.xml\n(2 entries could not be read)');
		expect(out).not.toMatch(noEscapes);
	});

	it('never exceeds the width, CJK included', () => {
		const e = entry({id: 'w', title: '東京で大雨 '.repeat(10), body: [para('大雨警報が発表されました。'.repeat(8)), para('word '.repeat(40))]});
		for (const width of [40, 80]) {
			for (const line of formatEntry(e, width).split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
		}
	});
});
