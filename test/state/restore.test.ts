/** The whole stored copy taking the place of its first screen ('store-completed'). */
import {describe, expect, it} from 'vitest';
import {reduce} from '../../src/state/reducer.js';
import {initialState, type StoredSnapshot} from '../../src/state/state.js';
import {blog, entries, T0} from '../helpers/blog-factory.js';

const all = entries(40);
const whole: StoredSnapshot = {savedAt: T0, blog: blog(all), seen: all.map((e) => e.id).filter((id) => id !== 'e39' && id !== 'e2')};
const head: StoredSnapshot = {...whole, blog: blog(all.slice(0, 10))};

function marks(state: ReturnType<typeof initialState>): string[] {
	return [...state.tabs[0]!.marks.keys()];
}

describe('store-completed', () => {
	it('keeps the very marks the head made when the whole copy agrees with it', () => {
		const start = initialState([{url: 'u', stored: head, rest: {unseen: ['e39', 'e2'], keyEvents: 0}}], {columns: 100, rows: 30});
		const done = reduce(start, {type: 'store-completed', tab: 0, stored: whole, at: T0 + 1});
		expect(done.tabs[0]!.blog).toBe(whole.blog);
		expect(done.tabs[0]!.extent).toEqual({kind: 'whole'});
		expect(marks(done)).toEqual(['e39', 'e2']);
		// e39 is on screen: its clock keeps running from the first frame's action on.
		expect(done.tabs[0]!.marks.get('e39')).toMatchObject({kind: 'new', shownSince: T0 + 1});
	});

	it('follows the whole copy where an edited head said otherwise, and never twice', () => {
		// The head claimed e39 and e30 were unseen; the whole copy says e39 and e2.
		const start = initialState([{url: 'u', stored: head, rest: {unseen: ['e39', 'e30'], keyEvents: 0}}], {columns: 100, rows: 30});
		const done = reduce(start, {type: 'store-completed', tab: 0, stored: whole, at: T0 + 1});
		expect(marks(done).sort()).toEqual(['e2', 'e39']);
		expect(done.tabs[0]!.marks.get('e2')).toMatchObject({kind: 'new', whileAway: true});
		expect(reduce(done, {type: 'store-completed', tab: 0, stored: whole, at: T0 + 2})).toBe(done);
	});
});
