/**
 * The App's effects end to end: the mouse, debounced store writes (to a real
 * state directory), the minute ticker and the settle timer. Timers are
 * injected and fired by hand; nothing sleeps.
 */
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterAll, afterEach, describe, expect, test} from 'vitest';
import {loadBlogState} from '../../src/store/state-file.js';
import {stateFilePath} from '../../src/store/paths.js';
import type {SafeText} from '../../src/text/sanitize.js';
import type {SaveTab} from '../../src/ui/hooks/use-screen-effects.js';
import {createSaveTab} from '../../src/ui/save-tab.js';
import {renderApp} from '../helpers/app-harness.js';
import {entries, entry, T0} from '../helpers/blog-factory.js';
import {mouse} from '../helpers/keys.js';
import {createManualTimers, type ManualTimers} from '../helpers/manual-timers.js';
import {tick} from '../helpers/render.js';

afterEach(() => cleanup());

const body = (i: number): string => `Report number ${i} from the coast, where the wind keeps rising and crews wait for daylight.`;
const list = () => entries(30, (i) => ({keyEvent: i % 5 === 0, authors: ['Kim Lee'], title: `Update ${i}`, body: body(i)}));
const HOUR = T0 + 60 * 60_000;
const paneOf = (line: string): string => line.split('│').at(-1)!;
const sidebarOf = (line: string): string => line.split('│')[0]!;

async function fire(timers: ManualTimers, ms: number): Promise<void> {
	const due = timers.pending().filter((t) => t.ms === ms);
	expect(due, `one pending timer of ${ms} ms`).toHaveLength(1);
	timers.fire(due[0]!);
	await tick();
	await tick();
}

describe('the mouse', () => {
	test('the wheel scrolls the pane under the pointer', async () => {
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		const before = app.lines();
		// Pane: columns 35…100 at 100 columns (sidebar 33 wide, then the separator).
		await app.write(mouse.wheelDown(60, 10));
		const after = app.lines();
		expect(paneOf(after[2]!)).toBe(paneOf(before[5]!));
		expect(paneOf(after[2]!)).not.toContain('12:29');
		expect(sidebarOf(after[3]!)).toBe(sidebarOf(before[3]!));
		await app.write(mouse.wheelUp(60, 10));
		expect(paneOf(app.lines()[2]!)).toContain('12:29');

		// Over the sidebar the wheel moves the key-event selection, not the pane.
		await app.write(mouse.wheelDown(5, 10));
		const lines = app.lines();
		expect(sidebarOf(lines[6]!)).toMatch(/^ ›12:10 Update 10/);
		expect(sidebarOf(lines[3]!)).toMatch(/^ {2}12:25 Update 25/);
		expect(paneOf(lines[2]!)).toContain('12:29');
	});

	test('a click on a key event jumps the pane to it; a click on the heading does nothing', async () => {
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.write(mouse.click(5, 3));
		expect(paneOf(app.lines()[2]!)).toContain('12:29');
		// Row 6 of the screen is the third key event: 12:15.
		await app.write(mouse.click(5, 6));
		await app.write(mouse.release(5, 6));
		const lines = app.lines();
		expect(paneOf(lines[2]!)).toMatch(/›12:15/);
		expect(paneOf(lines[3]!)).toContain('Update 15');
		expect(lines[2]).toContain('▶ Key events (6)');
		expect(sidebarOf(lines[5]!)).toMatch(/^ ›12:15 Update 15/);
	});
});

describe('store writes', () => {
	const dirs: string[] = [];
	afterAll(() => {
		for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
	});
	const tempDir = (): string => {
		const dir = mkdtempSync(join(tmpdir(), 'liveblog-ui-'));
		dirs.push(dir);
		return dir;
	};
	const recorded = (stateDir: string): {save: SaveTab; saves: Promise<SafeText | null>[]} => {
		const real = createSaveTab({stateDir, inputs: ['https://example.org/feed0'], startedAt: T0, validators: () => ({})});
		const saves: Promise<SafeText | null>[] = [];
		return {
			saves,
			save: (tab, index, at) => {
				const written = real(tab, index, at);
				saves.push(written);
				return written;
			},
		};
	};

	test('are debounced: a burst of polls is written once, after the quiet period', async () => {
		const dir = tempDir();
		const timers = createManualTimers();
		const {save, saves} = recorded(dir);
		const app = renderApp({initial: list(), props: {save, timers}});
		await app.waitForFrame((f) => f.includes('Update 29'));
		const first = entry({id: 'a', title: 'First of the burst', published: HOUR - 120_000});
		const second = entry({id: 'b', title: 'Second of the burst', published: HOUR - 60_000});
		await app.succeed(0, [first, ...list()], HOUR - 100_000);
		await app.succeed(0, [second, first, ...list()], HOUR - 50_000);
		// One debounce timer is left; the ones before it were cleared (the settle timer aside).
		const debounce = timers.all.filter((t) => t.ms === 2_000);
		expect(debounce.filter((t) => !t.cleared)).toHaveLength(1);
		expect(debounce.filter((t) => t.cleared).length).toBeGreaterThanOrEqual(2);
		expect(saves).toHaveLength(0);
		expect(existsSync(stateFilePath(dir, 'https://example.org/feed0'))).toBe(false);

		await fire(timers, 2_000);
		expect(saves).toHaveLength(1);
		expect(await saves[0]).toBeNull();
		const loaded = await loadBlogState(dir, 'https://example.org/feed0');
		expect(loaded.kind).toBe('loaded');
		if (loaded.kind !== 'loaded') return;
		expect(loaded.state.blog.entries.slice(0, 3).map((e) => e.title)).toEqual(['Second of the burst', 'First of the burst', 'Update 29']);
		// Both burst posts are unseen: they are not in the saved "seen" list.
		expect(loaded.state.seen).not.toContain('a');
		expect(loaded.state.seen).toContain('e29');
		await tick();
		expect(app.lines().at(-1)).not.toMatch(/^!/);
	});

	test('a failed write is a warning in the status line, and reading goes on', async () => {
		const dir = tempDir();
		const file = join(dir, 'not-a-directory');
		writeFileSync(file, 'x');
		const timers = createManualTimers();
		const {save, saves} = recorded(join(file, 'state'));
		const app = renderApp({initial: list(), props: {save, timers}});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.succeed(0, [entry({id: 'a', title: 'A post to keep', published: HOUR - 60_000}), ...list()], HOUR - 60_000);
		await fire(timers, 2_000);
		expect(await saves[0]).toMatch(/^could not create the state directory/);
		const frame = await app.waitForFrame((f) => f.split('\n').at(-1)!.startsWith('!'));
		expect(frame.split('\n').at(-1)).toMatch(/^! could not create the state directory .*not-a-directory/);
		expect(frame).toContain('A post to keep');
		await app.press('j');
		expect(app.frame()).toContain('A post to keep');
	});
});

describe('timers', () => {
	test('the relative-time ticker fires on the minute, not every second', async () => {
		const timers = createManualTimers();
		const app = renderApp({initial: list(), ticking: true, now: HOUR + 30_250, props: {timers}});
		await app.waitForFrame((f) => f.includes('Update 29'));
		expect(app.frame()).toContain('12:29 · 31m ago');
		// The first tick waits for the next minute (plus 5 ms so it lands inside it).
		expect(timers.pending().map((t) => t.ms)).toEqual([29_755]);
		app.setClock(HOUR + 60_005);
		await fire(timers, 29_755);
		expect(app.frame()).toContain('12:29 · 32m ago');
		expect(app.lines()[0]).toContain('updated 12:29 (32m ago)');
		expect(timers.pending().map((t) => t.ms)).toEqual([60_000]);
		app.setClock(HOUR + 120_005);
		await fire(timers, 60_000);
		expect(app.frame()).toContain('12:29 · 33m ago');
		expect(timers.all).toHaveLength(3);
	});

	test('a tick that changes no time on screen draws nothing', async () => {
		// Posts hours old read "3h ago" for an hour: the minute tick has nothing to redraw.
		const timers = createManualTimers();
		const threeHours = HOUR + 3 * 60 * 60_000 + 30_250;
		const app = renderApp({initial: list(), ticking: true, now: threeHours, props: {timers}});
		await app.waitForFrame((f) => f.includes('Update 29'));
		expect(app.frame()).toContain('12:29 · 3h ago');
		const count = app.frameCount();
		app.setClock(threeHours + 29_755);
		await fire(timers, 29_755);
		expect(app.frameCount()).toBe(count);
		// The ticker keeps going, and draws again once a label does change.
		expect(timers.pending().map((t) => t.ms)).toEqual([60_000]);
		app.setClock(threeHours + 60 * 60_000);
		await fire(timers, 60_000);
		expect(app.frame()).toContain('12:29 · 4h ago');
		expect(app.frameCount()).toBeGreaterThan(count);
	});

	test('the settle timer fires once per due highlight', async () => {
		const timers = createManualTimers();
		const app = renderApp({initial: list(), props: {timers}});
		await app.waitForFrame((f) => f.includes('Update 29'));
		expect(timers.all).toHaveLength(0);
		const one = entry({id: 'one', title: 'First arrival', published: HOUR - 30_000});
		const two = entry({id: 'two', title: 'Second arrival', published: HOUR - 20_000});
		app.setClock(HOUR);
		await app.succeed(0, [one, ...list()], HOUR);
		expect(timers.pending().map((t) => t.ms)).toEqual([10_000]);
		app.setClock(HOUR + 3_000);
		await app.succeed(0, [two, one, ...list()], HOUR + 3_000);
		// The next due highlight is still the first: no new timer.
		expect(timers.pending().map((t) => t.ms)).toEqual([10_000]);
		expect(app.frame().match(/NEW/g)).toHaveLength(2);

		app.setClock(HOUR + 10_000);
		await fire(timers, 10_000);
		const frame = app.frame();
		expect(frame.match(/NEW/g)).toHaveLength(1);
		const lines = app.lines();
		const marked = lines.findIndex((l) => l.includes('NEW'));
		expect(lines[marked + 1]).toContain('Second arrival');
		expect(timers.pending().map((t) => t.ms)).toEqual([3_000]);

		app.setClock(HOUR + 13_000);
		await fire(timers, 3_000);
		expect(app.frame()).not.toContain('NEW');
		expect(timers.pending()).toHaveLength(0);
		expect(timers.all.filter((t) => t.fired)).toHaveLength(2);
		expect(timers.all).toHaveLength(2);
	});
});
