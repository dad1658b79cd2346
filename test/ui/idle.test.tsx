/**
 * A quiet blog left open: what wakes React. Commits are counted with a
 * Profiler around the App, so a render that happens to draw the same frame
 * (and so writes nothing to the terminal) is still seen.
 */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {NEXT, renderApp, succeeded} from '../helpers/app-harness.js';
import {entries, T0} from '../helpers/blog-factory.js';
import {createManualTimers, type ManualTimers} from '../helpers/manual-timers.js';
import {tick} from '../helpers/render.js';

afterEach(() => cleanup());

const list = () => entries(30, (i) => ({title: `Update ${i}`, authors: ['Kim Lee']}));

async function fireTicker(timers: ManualTimers): Promise<void> {
	const pending = timers.pending();
	expect(pending, 'only the minute ticker is pending').toHaveLength(1);
	timers.fire(pending[0]!);
	await tick();
	await tick();
}

describe('idle', () => {
	test('polls that change nothing commit nothing: poll-started, 304s, an unchanged 200', async () => {
		let commits = 0;
		const app = renderApp({initial: list(), onCommit: () => commits++});
		await app.waitForFrame((f) => f.includes('Update 29'));
		// The first 304 may say when the next poll is due; after that they repeat themselves.
		await app.emit(0, {type: 'poll-not-modified', at: T0 + 1_000, next: NEXT});
		const settled = commits;
		for (let i = 1; i <= 5; i++) {
			const at = T0 + i * 30_000;
			await app.emit(0, {type: 'poll-started', at, url: 'https://example.org/feed0'});
			await app.emit(0, {type: 'poll-not-modified', at, next: {at: at + 30_000, delayMs: 30_000, reason: 'fixed'}});
		}
		// An adaptive delay that moved by milliseconds reads the same on screen.
		await app.emit(0, {type: 'poll-not-modified', at: T0 + 200_000, next: {at: T0 + 230_010, delayMs: 30_010, reason: 'fixed'}});
		await app.emit(0, succeeded(list(), T0 + 240_000));
		expect(commits).toBe(settled);
		// The count is live: a change the reader can see does commit.
		await app.emit(0, {type: 'poll-not-modified', at: T0 + 270_000, next: {at: T0 + 390_000, delayMs: 120_000, reason: 'fixed'}});
		expect(commits).toBeGreaterThan(settled);
	});

	test('minute ticks that change no label commit nothing, before and after one that does', async () => {
		let commits = 0;
		const timers = createManualTimers();
		// Posts hours old: the newest, 12:29, reads "3h ago" until 16:29.
		const start = T0 + 4 * 60 * 60_000 + 30_250;
		const app = renderApp({initial: list(), ticking: true, now: start, onCommit: () => commits++, props: {timers}});
		await app.waitForFrame((f) => f.includes('Update 29'));
		expect(app.frame()).toContain('12:29 · 3h ago');
		const settled = commits;
		let at = start + 29_755;
		for (let minute = 0; minute < 5; minute++, at += 60_000) {
			app.setClock(at);
			await fireTicker(timers);
		}
		expect(commits).toBe(settled);
		// 16:29: every label on screen reads "4h ago".
		at = T0 + 29 * 60_000 + 4 * 60 * 60_000 + 5;
		app.setClock(at);
		await fireTicker(timers);
		expect(app.frame()).toContain('12:29 · 4h ago');
		const changed = commits;
		expect(changed).toBeGreaterThan(settled);
		for (let minute = 1; minute <= 3; minute++) {
			app.setClock(at + minute * 60_000);
			await fireTicker(timers);
		}
		expect(commits).toBe(changed);
	});
});
