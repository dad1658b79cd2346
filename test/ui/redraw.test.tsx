/**
 * Frames drawn one after another (rows, sidebar items and marker columns
 * skipped when their memo says nothing changed) are exactly the frames the
 * same states draw from scratch.
 */
import {renderToString} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import type {Action} from '../../src/state/actions.js';
import type {Command} from '../../src/state/commands.js';
import {reduce} from '../../src/state/reducer.js';
import {initialState, type State} from '../../src/state/state.js';
import {ownText} from '../../src/text/sanitize.js';
import {Screen} from '../../src/ui/screen.js';
import {makeTheme} from '../../src/ui/theme.js';
import {entries, entry, parsed, T0} from '../helpers/blog-factory.js';

const link = 'https://news.example.org/storm?ref=live';
const list = entries(40, (i) => ({
	keyEvent: i % 3 === 0,
	authors: i % 2 ? ['Kim Lee', '李雷'] : ['Mara Quill'],
	title: i % 4 ? `Update ${i} — crews 🚧 reach the “harbour”` : null,
	body: [
		{kind: 'paragraph', inlines: [{kind: 'text', text: ownText(`速報 ${i}：停電。 Flooding near the old bridge · tide ${i}. `)}, {kind: 'link', text: ownText('Read more'), href: link}]},
		{kind: 'list-item', depth: 1, marker: ownText('•'), inlines: [{kind: 'text', text: ownText('Sandbags at the hall. '.repeat(1 + (i % 5)))}]},
	],
}));

const ok = (tab: number, at: number, items = list): Action => ({
	type: 'poll-succeeded',
	tab,
	at,
	blog: parsed(items, {title: ownText('Storm — live')}),
	sourceUrl: 'x',
	via: null,
	validators: {},
	next: {at: at + 30_000, delayMs: 30_000, reason: 'fixed'},
});

function script(columns: number, rows: number): State[] {
	let at = T0 + 41 * 60_000;
	let s = initialState([{url: 'https://example.org/a', stored: null}, {url: 'https://example.org/b', stored: null}], {columns, rows});
	s = reduce(s, ok(0, at));
	s = reduce(s, ok(1, at, list.slice(10)));
	const states = [s];
	const act = (action: Action): void => {
		s = reduce(s, action);
		states.push(s);
	};
	const cmd = (command: Command, times = 1): void => {
		for (let i = 0; i < times; i++) act({type: 'command', command, at: (at += 300)});
	};
	cmd('line-down', 8);
	cmd('line-up', 2);
	// New posts arrive above a scrolled reader, then settle once on screen.
	act(ok(0, (at += 1000), [entry({id: 'n2', title: 'Bridge closed', published: at}), entry({id: 'n1', published: at - 1}), ...list]));
	cmd('newest-unseen');
	cmd('line-down', 4);
	act({type: 'tick', at: (at += 11_000)});
	cmd('bottom');
	cmd('line-up', 2);
	cmd('top');
	cmd('toggle-focus');
	cmd('line-down', 6);
	cmd('activate');
	cmd('toggle-focus');
	cmd('search');
	for (const text of ['b', 'r', 'i']) act({type: 'search-typed', text, at: (at += 100)});
	cmd('line-down', 2);
	cmd('search-cancel');
	cmd('key-events-only');
	cmd('line-down', 3);
	cmd('key-events-only');
	cmd('next-tab');
	cmd('line-down', 5);
	cmd('prev-tab');
	cmd('toggle-sidebar');
	cmd('toggle-sidebar');
	act({type: 'resized', columns: columns - 17, rows: rows - 3, at: (at += 100)});
	cmd('line-down', 2);
	act({type: 'resized', columns, rows, at: (at += 100)});
	return states;
}

describe('redrawing frame after frame', () => {
	for (const [columns, rows] of [
		[100, 30],
		[40, 16],
	] as const) {
		test(`${columns}x${rows}: every frame equals the same state drawn from scratch`, () => {
			const theme = makeTheme('dark', true, true);
			const states = script(columns, rows);
			let now = T0 + 45 * 60_000;
			const app = render(<Screen state={states[0]!} now={now} theme={theme} />);
			states.forEach((state, i) => {
				// A minute passes now and then, as the app's clock ticks.
				if (i % 9 === 8) now += 60_000;
				app.rerender(<Screen state={state} now={now} theme={theme} />);
				expect(app.lastFrame(), `frame ${i}`).toBe(renderToString(<Screen state={state} now={now} theme={theme} />, {columns: state.viewport.columns}));
			});
			app.unmount();
		});
	}
});
