/** Every width and height: nothing overlaps, nothing is wider than the terminal. */
import {renderToString} from 'ink';
import {describe, expect, test} from 'vitest';
import {reduce} from '../../src/state/reducer.js';
import {initialState, type State} from '../../src/state/state.js';
import {ownText} from '../../src/text/sanitize.js';
import {displayWidth} from '../../src/text/width.js';
import {Screen} from '../../src/ui/screen.js';
import {makeTheme} from '../../src/ui/theme.js';
import {entries, parsed, T0} from '../helpers/blog-factory.js';
import {stripAnsi} from '../helpers/render.js';

const url = 'https://www.example.org/news/live/2026/nov/28/storm-updates-coastal-evacuation-bridge-closures';
const list = entries(60, (i) => ({
	keyEvent: i % 4 === 0,
	authors: i % 2 ? ['Kim Lee', '李雷'] : [],
	title: i % 3 ? `台風 update ${i}: crews 🚧 reach the harbour` : null,
	body: [
		{kind: 'paragraph', inlines: [{kind: 'text', text: ownText(`速報 ${i}：各地で停電が発生しています。 Residents report flooding near the old bridge. `)}, {kind: 'link', text: ownText(url), href: url}]},
		{kind: 'list-item', depth: 1, marker: ownText('•'), inlines: [{kind: 'text', text: ownText('x'.repeat(300))}]},
	],
}));

function stateAt(columns: number, rows: number, tabs = 2): State {
	let s = initialState(
		Array.from({length: tabs}, (_, i) => ({url: `https://example.org/feed${i}`, stored: null})),
		{columns, rows},
	);
	s = reduce(s, {type: 'poll-succeeded', tab: 0, at: T0, blog: parsed(list, {title: ownText('Typhoon 台風 live: every update from the coast and the capital')}), sourceUrl: 'x', via: null, validators: {}, next: {at: 0, delayMs: 40_000, reason: 'max-age'}});
	return s;
}

function frameLines(state: State, columns: number, color = true): string[] {
	return stripAnsi(renderToString(<Screen state={state} now={T0 + 3600_000} theme={makeTheme('dark', color, false)} />, {columns})).split('\n');
}

describe('layout matrix', () => {
	for (const columns of [40, 60, 80, 120, 200]) {
		test(`${columns} columns at 10, 24 and 60 rows`, () => {
			for (const rows of [10, 24, 60]) {
				let s = stateAt(columns, rows);
				for (const step of ['none', 'help', 'scrolled'] as const) {
					if (step === 'help') s = reduce(s, {type: 'command', command: 'help', at: T0});
					if (step === 'scrolled') s = [1, 2, 3].reduce((acc) => reduce(acc, {type: 'command', command: 'page-down', at: T0}), reduce(s, {type: 'command', command: 'close-help', at: T0}));
					const lines = frameLines(s, columns);
					expect(lines, `${columns}x${rows} ${step}`).toHaveLength(rows - 1);
					for (const line of lines) expect(displayWidth(line), `${columns}x${rows} ${step}: ${line}`).toBeLessThanOrEqual(columns);
					expect(lines[0]).toContain('LIVE');
					expect(lines[2]).toMatch(/^  1 Typhoon|^‹/);
				}
			}
		});
	}

	test('the sidebar folds under 70 columns and shows at 70', () => {
		expect(frameLines(stateAt(69, 24, 1), 69).join('\n')).not.toContain('Key events');
		expect(frameLines(stateAt(70, 24, 1), 70).join('\n')).toContain('Key events (15)');
	});

	test('a terminal resized to 1 column and back', () => {
		let s = reduce(stateAt(80, 24), {type: 'resized', columns: 1, rows: 3, at: T0});
		expect(() => frameLines(s, 1)).not.toThrow();
		s = reduce(s, {type: 'resized', columns: 80, rows: 24, at: T0});
		const lines = frameLines(s, 80);
		expect(lines).toHaveLength(23);
		expect(lines[0]).toContain('Typhoon');
	});

	test('NO_COLOR keeps the structure in text: markers and labels', () => {
		let s = stateAt(100, 30, 1);
		s = reduce(s, {type: 'poll-succeeded', tab: 0, at: T0 + 3600_000, blog: parsed([...entries(1, () => ({id: 'zz', title: 'Fresh', published: T0 + 3600_000})), ...list]), sourceUrl: 'x', via: null, validators: {}, next: {at: 0, delayMs: 40_000, reason: 'max-age'}});
		const raw = renderToString(<Screen state={s} now={T0 + 3600_000} theme={makeTheme('dark', false, false)} />, {columns: 100});
		expect(raw).not.toMatch(/\u001B\[3\dm/);
		const text = stripAnsi(raw);
		expect(text).toContain('▌›13:00 · just now NEW');
	});

	test('captures at 40 and 120 columns', () => {
		const narrow = frameLines(stateAt(40, 16, 1), 40);
		expect(narrow.slice(0, 5)).toEqual([
			' LIVE  Typhoon 台風 live: every update …',
			// No room for the poll details on line one: they lead line two.
			'updated 12:59 (1m ago) · next in 40 s ·…',
			' ›12:59 · 1m ago · Kim Lee, 李雷',
			'  台風 update 59: crews 🚧 reach the',
			'  harbour',
		]);
		const wide = frameLines(stateAt(120, 16, 1), 120);
		expect(wide[0]).toBe(' LIVE  Typhoon 台風 live: every update from the coast and the ca… updated 12:59 (1m ago) · next in 40 s · server max-age');
		expect(wide[2]).toMatch(/^ {2}Key events \(15\) +│ ›12:59 · 1m ago · Kim Lee, 李雷/);
		// Headlines that do not fit wrap to a second line under the headline (pinned when that began).
		expect(wide[3]).toMatch(/^ ›12:56 台風 update 56: crews 🚧 reach  │/);
		expect(wide[4]).toMatch(/^ {8}the harbour {21}│/);
		expect(wide[5]).toMatch(/^ {2}12:52 台風 update 52: crews 🚧 reach  │/);
		expect(wide.slice(3, 13).filter((line) => /^ {2}\d\d:\d\d /.test(line)).length).toBeGreaterThan(2);
		expect(wide.join('\n')).toMatch(/\n {2}12:48 速報 48：各地で停電が発生してい │[^\n]*\n {8}ます。 Residents report floodin…│/);
	});
});
