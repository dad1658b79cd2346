import {describe, expect, test} from 'vitest';
import type {Action} from '../../src/state/actions.js';
import {reduce} from '../../src/state/reducer.js';
import {headerModel} from '../../src/state/selectors.js';
import {initialState, type State} from '../../src/state/state.js';
import {entries, parsed, T0} from '../helpers/blog-factory.js';

const next = (delayMs: number, reason: 'fixed' | 'max-age' = 'max-age', at = T0) => ({at: at + delayMs, delayMs, reason}) as const;
const loaded = (): State =>
	reduce(initialState([{url: 'https://example.org/feed', stored: null}], {columns: 100, rows: 30}), {
		type: 'poll-succeeded',
		tab: 0,
		at: T0,
		blog: parsed(entries(10)),
		sourceUrl: 'https://example.org/feed',
		via: null,
		validators: {},
		next: next(40_000),
	});
const notModified = (at: number, delayMs: number, reason?: 'fixed' | 'max-age'): Action => ({type: 'poll-not-modified', tab: 0, at, next: next(delayMs, reason, at)});

describe('a poll the reader cannot see changes nothing', () => {
	test('a 304 whose next delay reads the same keeps the very same State', () => {
		const s = loaded();
		expect(reduce(s, notModified(T0 + 40_000, 40_300))).toBe(s);
		expect(reduce(s, notModified(T0 + 80_000, 39_700))).toBe(s);
	});

	test('a 304 whose next delay reads differently is shown', () => {
		const s = loaded();
		const later = reduce(s, notModified(T0 + 40_000, 120_000));
		expect(later).not.toBe(s);
		expect(headerModel(later, T0 + 40_000).right).toContain('next in 2 min');
		const fixed = reduce(s, notModified(T0 + 40_000, 40_000, 'fixed'));
		expect(fixed).not.toBe(s);
		expect(headerModel(fixed, T0).right).toContain('next in 40 s');
	});
});
