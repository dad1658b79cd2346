import {describe, expect, it} from 'vitest';
import type {ParsedBlog, ParsedEntry} from '../../src/model/blog.js';
import {mergePoll} from '../../src/model/merge.js';
import {seenForSave, unseenOnRestore} from '../../src/model/unseen.js';
import {ownText} from '../../src/text/sanitize.js';

const T0 = Date.UTC(2026, 2, 1, 12);

function entry(id: string, published: number): ParsedEntry {
	return {id, title: ownText(id), url: null, published, updated: null, authors: [], body: [], keyEvent: false, pinned: false, summary: false};
}

function doc(entries: readonly ParsedEntry[]): ParsedBlog {
	return {format: 'rss', title: ownText('Live'), description: null, homeUrl: null, live: 'live', entries, coverage: {kind: 'window'}, hints: {}, skipped: 0};
}

describe('new since you last looked', () => {
	it('counts entries that arrived while closed and ones never looked at, not ones seen', () => {
		// Last run: a, b, c were there at start; d arrived and was never looked at.
		const lastRun = mergePoll(null, doc([entry('c', T0 + 2), entry('b', T0 + 1), entry('a', T0)]), 'u', T0 + 10).blog;
		const withD = mergePoll(lastRun, doc([entry('d', T0 + 3), entry('c', T0 + 2), entry('b', T0 + 1), entry('a', T0)]), 'u', T0 + 20).blog;
		const seen = seenForSave(withD, new Set(['d']));
		expect(seen).toEqual(['c', 'b', 'a']);
		// This run: the stored copy plus a poll that brings e and f.
		const merged = mergePoll(withD, doc([entry('f', T0 + 5), entry('e', T0 + 4), entry('d', T0 + 3), entry('c', T0 + 2), entry('b', T0 + 1), entry('a', T0)]), 'u', T0 + 30).blog;
		expect(unseenOnRestore({seen}, merged)).toEqual(['f', 'e', 'd']);
		expect(unseenOnRestore({seen: ['a', 'b', 'c', 'd', 'e', 'f']}, merged)).toEqual([]);
	});
});
