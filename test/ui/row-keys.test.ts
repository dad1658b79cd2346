import {describe, expect, test} from 'vitest';
import {assignRowKeys, noRowKeys, type RowKeys} from '../../src/ui/row-keys.js';

const rows = (from: number, count: number): string[] => Array.from({length: count}, (_, i) => `e${from + i}:0`);
const unique = (keys: RowKeys): boolean => new Set(keys.used).size === keys.used.length;

describe('assignRowKeys', () => {
	test('the first screen uses the rows own keys; the same rows again give the same object', () => {
		const first = assignRowKeys(rows(0, 5), noRowKeys);
		expect(first.used).toEqual(rows(0, 5));
		expect(assignRowKeys(rows(0, 5), first)).toBe(first);
	});

	test('a scroll by a line keeps the key of every row still on screen', () => {
		const first = assignRowKeys(rows(0, 5), noRowKeys);
		const next = assignRowKeys(rows(1, 5), first);
		expect(next.used.slice(0, 4)).toEqual(first.used.slice(1));
		expect(next.used[4]).toBe('e5:0');
		expect(unique(next)).toBe(true);
	});

	test('a jump that keeps no row hands the old keys on slot by slot, and back again', () => {
		const top = assignRowKeys(rows(0, 5), noRowKeys);
		const bottom = assignRowKeys(rows(100, 5), top);
		expect(bottom.used).toEqual(top.used);
		expect(bottom.own).toEqual(rows(100, 5));
		expect(assignRowKeys(rows(0, 5), bottom).used).toEqual(top.used);
	});

	test('keys stay unique when a row comes back whose own key another slot holds', () => {
		// After the jump, slot 0 holds "e0:0" for row e100; then a scroll brings row e0 back beside it.
		const top = assignRowKeys(rows(0, 3), noRowKeys);
		const jumped = assignRowKeys(rows(100, 3), top);
		const mixed = assignRowKeys(['e101:0', 'e102:0', 'e0:0', 'e1:0'], jumped);
		expect(mixed.used.slice(0, 2)).toEqual(jumped.used.slice(1));
		expect(unique(mixed)).toBe(true);
		expect(mixed.used).toHaveLength(4);
	});

	test('a longer or shorter screen after a jump', () => {
		const top = assignRowKeys(rows(0, 3), noRowKeys);
		const longer = assignRowKeys(rows(50, 6), top);
		expect(longer.used.slice(0, 3)).toEqual(top.used);
		expect(unique(longer)).toBe(true);
		const shorter = assignRowKeys(rows(90, 2), longer);
		expect(shorter.used).toEqual(longer.used.slice(0, 2));
	});
});
