import {describe, expect, test} from 'vitest';
import {geometry} from '../../src/state/geometry.js';
import {sidebarListHeight} from '../../src/state/pane.js';
import {itemLines, sidebarItemAt, sidebarWindow} from '../../src/state/sidebar.js';
import {initialState, type State} from '../../src/state/state.js';
import {reduce} from '../../src/state/reducer.js';
import {displayWidth} from '../../src/text/width.js';
import {entries, entry, parsed, T0} from '../helpers/blog-factory.js';

describe('sidebar items', () => {
	test('a headline that fits is one line; a longer one wraps under the headline; a still longer one ends in …', () => {
		expect(itemLines(entry({id: 'a', title: 'Short one', published: T0}), 30)).toEqual(['12:00 Short one']);
		expect(itemLines(entry({id: 'b', title: 'Ferries stay in port as the gale builds', published: T0}), 30)).toEqual([
			'12:00 Ferries stay in port as',
			'      the gale builds',
		]);
		const long = itemLines(entry({id: 'c', title: 'word '.repeat(60), published: T0}), 30);
		expect(long).toHaveLength(2);
		expect(long[1]).toMatch(/^ {6}word.*…$/);
		for (const line of long) expect(displayWidth(line)).toBeLessThanOrEqual(30);
	});

	test('wide characters and unbroken words are cut at grapheme boundaries, never wider than the column', () => {
		for (const title of ['台風'.repeat(40), `👩‍👩‍👧${'x'.repeat(200)}`, 'é'.repeat(90), '🇩🇪 '.repeat(30)]) {
			for (const width of [7, 12, 22, 31]) {
				const lines = itemLines(entry({id: `t${title.length}-${width}`, title, published: T0}), width);
				expect(lines.length).toBeGreaterThanOrEqual(1);
				expect(lines.length).toBeLessThanOrEqual(2);
				for (const line of lines) {
					expect(displayWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
					expect(line).not.toMatch(/\uFFFD/);
				}
			}
		}
		// An untitled post is headed by the start of its text.
		expect(itemLines(entry({id: 'u', title: null, body: 'Police close the bridge.', published: T0}), 40)).toEqual(['12:00 Police close the bridge.']);
	});
});

describe('the sidebar window', () => {
	const stateWith = (rows: number, select: number): State => {
		// Every other key event has a long headline: items of one and two rows.
		const list = entries(20, (i) => ({keyEvent: true, title: i % 2 ? `Crews reach the harbour at last, ${i}` : `Update ${i}`}));
		let s = initialState([{url: 'x', stored: null}], {columns: 100, rows});
		s = reduce(s, {type: 'poll-succeeded', tab: 0, at: T0, blog: parsed(list), sourceUrl: 'x', via: null, validators: {}, next: {at: 0, delayMs: 1, reason: 'fixed'}});
		s = reduce(s, {type: 'command', command: 'toggle-focus', at: T0});
		for (let i = 0; i < select; i++) s = reduce(s, {type: 'command', command: 'line-down', at: T0});
		return s;
	};

	test('keeps the selected item whole and in view, with only whole items, filling the height', () => {
		for (const select of [0, 5, 10, 19]) {
			const s = stateWith(16, select);
			const g = geometry(s);
			const window = sidebarWindow(s.tabs[0]!, g);
			const height = sidebarListHeight(g);
			const used = window.slots.reduce((n, slot) => n + slot.lines.length, 0);
			expect(window.selected).toBe(select);
			expect(window.slots.some((slot) => slot.index === select)).toBe(true);
			expect(used).toBeLessThanOrEqual(height);
			expect(used).toBeGreaterThanOrEqual(height - 1);
			const indexes = window.slots.map((slot) => slot.index);
			expect(indexes).toEqual(indexes.map((_, i) => indexes[0]! + i));
			for (const slot of window.slots) expect(slot.lines).toEqual(itemLines(slot.entry, g.sidebar.kind === 'side' ? g.sidebar.width - 2 : 0));
		}
	});

	test('maps a row to the item drawn there, both rows of a two-line item included', () => {
		const s = stateWith(16, 0);
		const window = sidebarWindow(s.tabs[0]!, geometry(s));
		// e19 (two rows), e18 (one), e17 (two) …
		expect(window.slots.slice(0, 3).map((slot) => slot.lines.length)).toEqual([2, 1, 2]);
		expect([0, 1, 2, 3, 4, 5].map((row) => sidebarItemAt(window, row))).toEqual([0, 0, 1, 2, 2, 3]);
		expect(sidebarItemAt(window, 99)).toBeNull();
	});

	test('a list one row high shows the first line of the selected item', () => {
		const s = stateWith(5, 1);
		const g = geometry(s);
		expect(sidebarListHeight(g)).toBe(1);
		const window = sidebarWindow(s.tabs[0]!, g);
		expect(window.slots).toHaveLength(1);
		expect(window.slots[0]!.index).toBe(1);
		expect(window.slots[0]!.lines).toHaveLength(1);
	});
});
