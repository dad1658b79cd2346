import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {bodyPlainText} from '../../src/model/body-text.js';
import {LiveblogError} from '../../src/errors.js';
import {parseAtom} from '../../src/sources/atom.js';
import type {SourceText} from '../../src/sources/source.js';

function fixture(name: string, url: string): SourceText {
	const text = readFileSync(fileURLToPath(new URL(`../fixtures/sources/${name}`, import.meta.url)), 'utf8');
	return {url, contentType: 'application/atom+xml', headers: {}, text};
}

describe('Atom content types and xml:base', () => {
	const blog = parseAtom(fixture('atom/content-types.xml', 'https://feeds.example.test/storm.atom'));

	it('reads the feed', () => {
		expect(blog.format).toBe('atom');
		expect(blog.title).toBe('Storm Idris live');
		expect(blog.description).toBe('Every update as it happens');
		expect(blog.homeUrl).toBe('https://news.example.test/live/storm-idris');
		expect(blog.entries).toHaveLength(3);
		expect(blog.skipped).toBe(1);
	});

	it('takes the alternate link, not edit or self, resolved against xml:base', () => {
		const post = blog.entries[0]!;
		expect(post.id).toBe('tag:news.example.test,2026:post-3');
		expect(post.title).toBe('Bridge closed & traffic diverted');
		expect(post.url).toBe('https://news.example.test/live/storm-idris#post-3');
		expect(post.published).toBe(Date.parse('2026-03-14T05:50:00Z'));
		expect(post.updated).toBe(Date.parse('2026-03-14T06:10:00Z'));
		expect(post.authors).toEqual(['Mari Okafor', 'Tomasz Grey']);
		expect(bodyPlainText(post.body)).toContain('The Old Bridge is shut.');
		expect(JSON.stringify(post.body)).toContain('https://news.example.test/live/maps/diversion');
	});

	it('reads xhtml title and content, with the nearest xml:base governing links', () => {
		const post = blog.entries[1]!;
		expect(post.title).toBe('Schools shut today');
		expect(post.url).toBe('https://other.example.test/live/storm-idris#post-2');
		// Only <updated>: it serves as the published date too.
		expect(post.published).toBe(Date.parse('2026-03-14T06:00:00Z'));
		expect(post.authors).toEqual(['Live desk']);
		expect(bodyPlainText(post.body)).toMatch(/^All twelve schools.* in the valley are closed./);
		expect(bodyPlainText(post.body)).toContain('Café meals are free for pupils.');
		expect(JSON.stringify(post.body)).toContain('https://other.example.test/base/inner/list.html');
	});

	it('falls back to a text summary and hashes a missing id', () => {
		const post = blog.entries[2]!;
		expect(post.id).toMatch(/^h:/);
		expect(post.url).toBeNull();
		expect(post.body.map(b => b.kind)).toEqual(['paragraph', 'paragraph']);
		expect(bodyPlainText(post.body)).toBe('Winds eased after 4am.\n\nCrews are out clearing trees.');
	});

	it('rejects a document that is not Atom with a LiveblogError', () => {
		expect(() => parseAtom({url: 'https://x.test/', contentType: null, headers: {}, text: '<rss><channel/></rss>'})).toThrow(LiveblogError);
	});

	it('reads a prefixed atom:feed', () => {
		const text =
			'<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title><a:entry><a:id>1</a:id><a:title>E</a:title><a:updated>2026-01-01T00:00:00Z</a:updated></a:entry></a:feed>';
		const prefixed = parseAtom({url: 'https://x.test/', contentType: null, headers: {}, text});
		expect(prefixed.title).toBe('P');
		expect(prefixed.entries.map(e => [e.id, e.title])).toEqual([['1', 'E']]);
	});
});
