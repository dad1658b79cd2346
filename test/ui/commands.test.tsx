/** Every command in the keymap, driven by its keys through the real App. */
import {cleanup} from 'ink-testing-library';
import {afterAll, afterEach, describe, expect, test} from 'vitest';
import {commandNames, type Command} from '../../src/state/commands.js';
import {ownText} from '../../src/text/sanitize.js';
import {entries, entry, para, T0} from '../helpers/blog-factory.js';
import {renderApp, succeeded} from '../helpers/app-harness.js';
import {keys} from '../helpers/keys.js';

afterEach(() => cleanup());

const covered = new Set<Command>();
const cover = (...commands: Command[]): void => {
	for (const c of commands) covered.add(c);
};

const list = () => entries(30, (i) => ({keyEvent: i % 5 === 0, title: `Update ${i}`, body: `Report ${i} from the coast as the wind keeps rising.`}));
const pane = (app: ReturnType<typeof renderApp>, row = 2): string => app.lines()[row]!.split('│').at(-1)!;

describe('keys', () => {
	test('paging: space/PgDn and b/PgUp, g/G and Home/End', async () => {
		cover('page-down', 'page-up', 'top', 'bottom', 'line-down', 'line-up');
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.press(' ');
		const afterSpace = pane(app);
		expect(afterSpace).not.toContain('12:29');
		await app.press('b');
		expect(pane(app)).toContain('12:29');
		await app.press(keys.pageDown);
		expect(pane(app)).toBe(afterSpace);
		await app.press(keys.pageUp, keys.end);
		expect(app.frame()).toContain('Update 0');
		await app.press(keys.home);
		expect(pane(app)).toContain('12:29');
		await app.press('j', 'k');
		expect(pane(app)).toContain('12:29');
	});

	test('Tab focuses the sidebar where j/k choose; s hides and shows it', async () => {
		cover('toggle-focus', 'toggle-sidebar', 'activate');
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.press(keys.tab);
		expect(app.lines()[2]).toContain('▶ Key events (6)');
		await app.press('j', keys.enter);
		expect(pane(app)).toContain('12:20');
		await app.press(keys.tab, 's');
		expect(app.frame()).not.toContain('Key events');
		expect(app.lines()[2]).toContain('12:20');
		await app.press('s');
		expect(app.frame()).toContain('Key events');
	});

	test('Enter expands a long post shown folded, and folds it again', async () => {
		cover('activate');
		const long = entry({id: 'long', published: T0 + 99 * 60_000, title: 'Long read', body: Array.from({length: 40}, (_, i) => para(`Paragraph ${i}.`))});
		const app = renderApp({initial: [long, ...list()], rows: 60});
		await app.waitForFrame((f) => f.includes('Long read'));
		expect(app.frame()).toMatch(/▸ 68 more lines · Enter to expand/);
		await app.press(keys.enter);
		expect(app.frame()).not.toContain('more lines');
		expect(app.frame()).toContain('Paragraph 20.');
		await app.press(keys.enter);
		expect(app.frame()).toContain('more lines');
	});

	test('n jumps to the newest unseen post; m marks all seen', async () => {
		cover('newest-unseen', 'mark-all-seen');
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.press('G');
		await app.succeed(0, [entry({id: 'x', title: 'Fresh one', published: T0 + 50 * 60_000}), ...list()], T0 + 50 * 60_000);
		expect(app.lines()[1]).toContain('▲ 1 new post, press n');
		await app.press('m');
		expect(app.lines()[1]).not.toContain('new post');
		await app.press('n');
		expect(app.lines().at(-1)).toBe('no unseen posts');
	});

	test('r refreshes (at most every 5 s) and p pauses', async () => {
		cover('refresh', 'toggle-pause');
		const app = renderApp({initial: list(), refreshResult: 'too-soon'});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.press('r');
		expect(app.calls.refresh).toBe(1);
		expect(app.lines().at(-1)).toContain('refreshed less than 5 s ago');
		await app.press('p');
		expect(app.calls.pause).toBe(1);
		expect(app.lines()[0]).toMatch(/paused$/);
		await app.press('p');
		expect(app.lines()[0]).toMatch(/fixed interval$/);
	});

	test('L follows the newer live blog of a series: the tab starts over on it', async () => {
		cover('follow-newer');
		let followed = 0;
		const app = renderApp({initial: list(), initialBlog: {format: 'guardian'}, handle: () => ({followNewer: () => (followed++, true)})});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.press('L');
		expect(app.lines().at(-1)).toBe('no newer live blog has started in this series');
		expect(followed).toBe(0);
		const newer = {id: 'world/live/2026/nov/29/storm-day-2', title: ownText('Storm day 2: the clean-up begins')};
		await app.emit(0, succeeded([], T0 + 60_000, {format: 'guardian', coverage: {kind: 'additions'}, newerBlog: newer}));
		expect(app.lines()[1]).toContain('A new live blog started: Storm day 2: the clean-up begins — press L');
		expect(app.frame()).toContain('Update 29');
		await app.press('j', 'j', 'j', 'j', 'j', 'L');
		expect(followed).toBe(1);
		// The old poller stopped and a fresh one polls the new blog.
		expect(app.calls.stopped).toEqual([0]);
		expect(app.calls.created).toEqual([0, 0]);
		expect(app.frame()).not.toContain('Update 29');
		expect(app.frame()).toContain('Loading…');
		expect(app.lines().at(-1)).toBe('following the newer live blog: Storm day 2: the clean-up begins');
		const day2 = entries(3, (i) => ({id: `d${i}`, title: `Day two post ${i}`, published: T0 + (90 + i) * 60_000}));
		await app.emit(0, succeeded(day2, T0 + 95 * 60_000, {format: 'guardian', title: ownText('Storm day 2')}));
		const frame = app.frame();
		expect(app.lines()[0]).toContain('Storm day 2');
		expect(frame).toContain('Day two post 2');
		expect(frame).not.toContain('Update 29');
		expect(frame).not.toContain('NEW');
		expect(app.lines()[1]).not.toContain('press L');
		// Scroll starts at the top of the new blog: its newest post on the first pane row.
		expect(pane(app)).toMatch(/›13:32/);
		await app.press('L');
		expect(followed).toBe(1);
	});

	test('o opens and y copies the selected post’s link', async () => {
		cover('open-link', 'copy-link');
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.press('j', 'j', 'j', 'j', 'j', 'j', 'o');
		expect(app.calls.opened).toEqual(['https://example.org/e28']);
		await app.press('y');
		expect(app.effects).toContain('copy:https://example.org/e28');
		expect(app.lines().at(-1)).toBe('copied https://example.org/e28');
	});

	test('/ searches as you type; backspace edits; Enter keeps; Esc clears', async () => {
		cover('search', 'search-backspace', 'search-accept', 'search-cancel', 'clear-filter');
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.press('/', 'U', 'p', 'd', 'a', 't', 'e', ' ', '2', '1', keys.backspace);
		expect(app.lines()[1]).toContain('filter: Update 2 (11 of 30)');
		expect(app.lines().at(-1)).toContain('/Update 2▏');
		await app.press('5', keys.enter);
		expect(app.lines()[1]).toContain('filter: Update 25 (1 of 30)');
		expect(app.lines().at(-1)).not.toContain('/Update');
		await app.press(keys.escape);
		expect(app.lines()[1]).not.toContain('filter');
		await app.press('/', 'q', keys.escape);
		expect(app.calls.quit).toBe(0);
		expect(app.lines()[1]).not.toContain('filter');
	});

	test('K shows key events only; t switches to absolute times', async () => {
		cover('key-events-only', 'toggle-time');
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.press('K');
		expect(pane(app)).toContain('12:25');
		expect(app.frame()).not.toContain('Update 29');
		expect(app.lines()[1]).toContain('key events only');
		await app.press('t');
		expect(pane(app)).not.toContain('ago');
		await app.press('t');
		expect(pane(app)).toContain('35m ago');
	});

	test('1–9, [ and ] switch tabs; the tab bar shows unseen counts', async () => {
		cover('goto-tab', 'prev-tab', 'next-tab');
		const app = renderApp({initial: list(), tabs: 3});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.succeed(1, list(), T0);
		await app.succeed(1, [entry({id: 'b1', title: 'Other blog post', published: T0 + 50 * 60_000}), ...list()], T0 + 50 * 60_000);
		expect(app.lines()[2]).toContain(' 2 Storm live (1) ');
		await app.press('2');
		expect(app.frame()).toContain('Other blog post');
		await app.press(']');
		expect(app.lines()[0]).toContain('example.org');
		await app.press('[', '[');
		expect(app.frame()).toContain('Update 29');
		expect(app.frame()).not.toContain('Other blog post');
	});

	test('? opens the help listing every command; Esc closes it; q and Ctrl-C quit', async () => {
		cover('help', 'close-help', 'quit');
		const app = renderApp({initial: list(), rows: 60, columns: 120});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.press('?');
		const frame = app.frame();
		const {keyTable} = await import('../../src/ui/keymap.js');
		for (const binding of Object.values(keyTable)) expect(frame).toContain(binding.description);
		await app.press(keys.escape);
		expect(app.frame()).toContain('Update 29');
		await app.press('q', keys.ctrlC);
		expect(app.calls.quit).toBe(2);
	});
});

afterAll(() => {
	// A command added to the keymap without a test here fails this.
	expect([...covered].sort()).toEqual([...commandNames].sort());
});

void ownText;
