import {describe, expect, it} from 'vitest';
import type {Body, ParsedEntry} from '../../src/model/blog.js';
import {isTruncatedBody, normaliseTitles} from '../../src/model/key-events.js';
import {ownText} from '../../src/text/sanitize.js';

function para(text: string): Body {
	return [{kind: 'paragraph', inlines: [{kind: 'text', text: ownText(text)}]}];
}

function entry(id: string, title: string | null, body: string, flags: Partial<ParsedEntry> = {}): ParsedEntry {
	return {
		id,
		title: title === null ? null : ownText(title),
		url: null,
		published: 0,
		updated: null,
		authors: [],
		body: para(body),
		keyEvent: false,
		pinned: false,
		summary: false,
		...flags,
	};
}

const BODY = 'The river crested at 6.2 metres just after midnight, the highest level since records began in 1911.';

describe('isTruncatedBody', () => {
	it('spots a title that is the body cut off with an ellipsis', () => {
		expect(isTruncatedBody('The river crested at 6.2 metres just after…', para(BODY))).toBe(true);
		expect(isTruncatedBody('The river crested at 6.2 metres just aft...', para(BODY))).toBe(true);
	});
	it('spots a longer unmarked prefix, ignoring case, quotes and spacing', () => {
		expect(isTruncatedBody('the  river crested at 6.2 metres', para(BODY))).toBe(true);
		expect(isTruncatedBody('Officials said “we are ready”', para('Officials said "we are ready" to reporters.'))).toBe(true);
	});
	it('keeps a real headline', () => {
		expect(isTruncatedBody('River reaches record height', para(BODY))).toBe(false);
		expect(isTruncatedBody('Update', para('Update: roads are closing'))).toBe(false);
	});
	it('treats a title equal to the whole short body as truncated', () => {
		expect(isTruncatedBody('Roads closed', para('Roads closed'))).toBe(true);
	});
});

describe('normaliseTitles', () => {
	const entries = [
		entry('a', 'The river crested at 6.2 metres just after…', BODY),
		entry('b', 'Evacuation ordered for low-lying streets', 'Police went door to door from 2am.'),
		entry('c', null, 'An untitled post.'),
	];

	it('drops truncated titles and makes headlines key events when the source flags none', () => {
		const out = normaliseTitles(entries, false);
		expect(out.map(e => [e.id, e.title, e.keyEvent])).toEqual([
			['a', null, false],
			['b', 'Evacuation ordered for low-lying streets', true],
			['c', null, false],
		]);
	});

	it('leaves the flags alone when the source flags key events itself', () => {
		const flagged = [entry('x', 'Headline here', 'Body text.'), entry('y', 'Flagged one', 'Other.', {keyEvent: true})];
		const out = normaliseTitles(flagged, true);
		expect(out.map(e => e.keyEvent)).toEqual([false, true]);
	});

	it('is pure: returns the same objects where nothing changed and never mutates', () => {
		const untouched = entry('z', null, 'Nothing to do');
		const out = normaliseTitles([untouched, entries[0]!], false);
		expect(out[0]).toBe(untouched);
		expect(entries[0]!.title).toBe('The river crested at 6.2 metres just after…');
	});
});
