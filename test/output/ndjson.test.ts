import {describe, expect, it} from 'vitest';
import {blogLine, entryLines, entryRecord, isoDate} from '../../src/output/ndjson.js';
import {blog, entry, para, t} from './make-blog.js';

describe('ndjson', () => {
	it('writes the blog line with live as true/false/null', () => {
		expect(JSON.parse(blogLine(blog([], {live: 'live'})))).toEqual({type: 'blog', url: 'https://example.org/live/feed.xml', title: 'Harbour festival live', live: true});
		expect(JSON.parse(blogLine(blog([], {live: 'ended'}))).live).toBe(false);
		expect(JSON.parse(blogLine(blog([], {live: 'unknown'}))).live).toBeNull();
	});

	it('writes every entry field in the order the issue lists, with nulls where absent', () => {
		const record = entryRecord(
			entry({id: 'e1', title: null, authors: ['Ana Ruiz', 'Ben Ode'], published: Date.UTC(2026, 10, 28, 9, 30), body: [para('First.'), para('Second.')]}),
			'initial',
		);
		expect(Object.keys(record)).toEqual(['type', 'event', 'id', 'title', 'url', 'published', 'updated', 'authors', 'keyEvent', 'pinned', 'text']);
		expect(record).toEqual({
			type: 'entry',
			event: 'initial',
			id: 'e1',
			title: null,
			url: null,
			published: '2026-11-28T09:30:00.000Z',
			updated: null,
			authors: ['Ana Ruiz', 'Ben Ode'],
			keyEvent: false,
			pinned: false,
			text: 'First.\n\nSecond.',
		});
	});

	it('prints entries oldest first, one JSON object per line', () => {
		const lines = entryLines(
			[entry({id: 'new', published: 3000}), entry({id: 'old', published: 1000}), entry({id: 'mid', published: 2000, keyEvent: true, pinned: true})],
			'new',
		)
			.trimEnd()
			.split('\n')
			.map(line => JSON.parse(line) as {id: string; event: string; keyEvent: boolean});
		expect(lines.map(l => l.id)).toEqual(['old', 'mid', 'new']);
		expect(lines.every(l => l.event === 'new')).toBe(true);
		expect(lines[1]).toMatchObject({keyEvent: true, pinned: true});
	});

	it('escapes separators and bidi controls that JSON.stringify leaves raw', () => {
		const line = entryLines([entry({id: 'x', title: 'a\u2028b\u202ec', body: [para('p\u0085q')]})], 'initial');
		expect(line).toContain('a\\u2028b\\u202ec');
		expect(line).toContain('p\\u0085q');
		expect(line.trimEnd()).not.toMatch(/[\u0080-\u009f\u2028\u2029\u202a-\u202e]/);
	});

	it('dates that cannot be written as ISO become null rather than throwing', () => {
		expect(isoDate(8.64e15 + 1)).toBeNull();
		expect(isoDate(0)).toBe('1970-01-01T00:00:00.000Z');
		expect(entryRecord(entry({id: 'u', updated: 8.64e15 + 5}), 'updated').updated).toBeNull();
		expect(t('x')).toBe('x');
	});
});
