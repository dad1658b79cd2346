import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bodyPlainText} from '../../src/model/body-text.js';
import {LiveblogError} from '../../src/errors.js';
import {jsonDepth, parseJsonSafely, readJsonFeed} from '../../src/sources/json-feed.js';
import type {SourceText} from '../../src/sources/source.js';

const URL_ = 'https://news.example.test/live/storm-idris/feed.json';

function fixture(name: string): SourceText {
	const text = readFileSync(fileURLToPath(new URL(`../fixtures/sources/${name}`, import.meta.url)), 'utf8');
	return {url: URL_, contentType: 'application/feed+json', headers: {}, text};
}

describe('JSON Feed', () => {
	const {blog, version} = readJsonFeed(fixture('jsonfeed/live.json'));

	it('reads the feed and counts the unreadable item', () => {
		expect(version).toBe('1.1');
		expect(blog.format).toBe('jsonfeed');
		expect(blog.title).toBe('Storm Idris live');
		expect(blog.homeUrl).toBe('https://news.example.test/live/storm-idris/');
		expect(blog.skipped).toBe(1);
		expect(blog.entries).toHaveLength(5);
	});

	it('coerces numeric ids, resolves relative urls against home_page_url, reads dates and authors', () => {
		const first = blog.entries[0]!;
		expect(first.id).toBe('101');
		expect(first.url).toBe('https://news.example.test/live/storm-idris/post-101');
		expect(first.published).toBe(Date.parse('2026-03-14T08:00:00Z'));
		expect(first.updated).toBe(Date.parse('2026-03-14T08:20:00.123Z'));
		expect(first.authors).toEqual(['Mari Okafor']);
		expect(JSON.stringify(first.body)).toContain('https://news.example.test/harby');
	});

	it('keeps a colliding id distinct, reads space-separated zone-less dates as UTC', () => {
		const second = blog.entries[1]!;
		expect(second.id).toMatch(/^101#[0-9a-f]{16}$/);
		expect(second.published).toBe(Date.parse('2026-03-14T07:30:00Z'));
		expect(second.authors).toEqual(['Live desk']);
	});

	it('reads content_text paragraphs, the singular author, and summary-only items', () => {
		expect(bodyPlainText(blog.entries[2]!.body)).toBe('Sirens tested at noon.\n\nNo action needed.');
		expect(blog.entries[2]!.authors).toEqual(['Tomasz Grey']);
		expect(bodyPlainText(blog.entries[3]!.body)).toBe('Only a summary here.');
	});

	it('does not let __proto__ or constructor keys pollute prototypes', () => {
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
	});

	it('hashes an item without id or url and leaves a bad date null', () => {
		const last = blog.entries[4]!;
		expect(last.id).toMatch(/^h:/);
		expect(last.title).toBe('No id, no url');
		expect(last.published).toBeNull();
	});

	it('refuses deep nesting and broken JSON with a LiveblogError', () => {
		const deep = `{"version":"https://jsonfeed.org/version/1","items":${'['.repeat(200)}${']'.repeat(200)}}`;
		expect(parseJsonSafely(deep)).toEqual({ok: false, reason: 'JSON nested deeper than 64 levels'});
		expect(() => readJsonFeed({...fixture('jsonfeed/live.json'), text: deep})).toThrow(/nested deeper/);
		expect(() => readJsonFeed({...fixture('jsonfeed/live.json'), text: '{"items": [1,'})).toThrow(LiveblogError);
		expect(() => readJsonFeed({...fixture('jsonfeed/live.json'), text: '{"version": "x"}'})).toThrow(/items/);
	});

	it('does not mistake brackets inside strings for nesting', () => {
		const text = JSON.stringify({version: 'https://jsonfeed.org/version/1', items: [{id: '1', content_text: '['.repeat(500)}]});
		expect(readJsonFeed({...fixture('jsonfeed/live.json'), text}).blog.entries).toHaveLength(1);
	});
});

describe('jsonDepth', () => {
	/** The per-character count it replaced. */
	function reference(text: string, limit: number): number {
		let depth = 0;
		let max = 0;
		let inString = false;
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (inString) {
				if (c === 0x5c) i++;
				else if (c === 0x22) inString = false;
			} else if (c === 0x22) {
				inString = true;
			} else if (c === 0x7b || c === 0x5b) {
				depth++;
				if (depth > max) {
					max = depth;
					if (max > limit) return max;
				}
			} else if (c === 0x7d || c === 0x5d) {
				depth--;
			}
		}
		return max;
	}

	it('counts as the per-character loop did, strings, escapes and stray brackets included', () => {
		const unit = fc.constantFrom('{', '}', '[', ']', '"', '\\', '\\"', ':', ',', ' ', 'a', '"x"', '"{["', '\\\\', '🌊', '<p>');
		fc.assert(
			fc.property(fc.string({unit, maxLength: 60}), fc.integer({min: 0, max: 8}), (text, limit) => {
				expect(jsonDepth(text, limit)).toBe(reference(text, limit));
			}),
			{numRuns: 5000},
		);
		expect(jsonDepth('{"a": "[[[{{", "b": [1, {"c": "\\"]]"}]}', 64)).toBe(3);
	});
});
