/**
 * Key to frame, in-process (ink-testing-library, production React build):
 * the app's App component with the 10,000-post blog loaded through the
 * reducer (5,000 kept by the bound), at 100×30 with a fixed "now". For each
 * key the time runs from writing it to stdin until Ink next writes a frame
 * to the (fake) stdout. Baseline: the same harness rendering one Text that
 * changes on every key. Prints one JSON line.
 */
import {render} from 'ink-testing-library';
import {performance} from 'node:perf_hooks';
import {createElement, useState, type ReactElement} from 'react';
import {Box, Text, useInput} from 'ink';
import type {App as AppType} from '../../src/ui/app.js';
import type {makeTheme as MakeTheme} from '../../src/ui/theme.js';
import {importDist} from '../lib/paths.js';
import {isMissing, loadModules} from './app-modules.js';
import {loadState} from './load-blog.js';

const scale = Number(process.argv[2] ?? 1);

type Harness = {press(key: string): Promise<number | null>; frame(): string; unmount(): void};

function harness(element: ReactElement): Harness {
	const instance = render(element);
	const stdout = instance.stdout as unknown as {write(frame: string): void; columns: number};
	const original = stdout.write.bind(stdout);
	let waiter: ((at: number) => void) | null = null;
	stdout.write = (frame: string) => {
		const at = performance.now();
		original(frame);
		waiter?.(at);
		waiter = null;
	};
	return {
		press: (key) =>
			new Promise((resolve) => {
				const timer = setTimeout(() => {
					waiter = null;
					resolve(null);
				}, 1_000);
				const t0 = performance.now();
				waiter = (at) => {
					clearTimeout(timer);
					resolve(at - t0);
				};
				instance.stdin.write(key);
			}),
		frame: () => instance.lastFrame() ?? '',
		unmount: () => instance.unmount(),
	};
}

async function settle(): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

function Baseline(): ReactElement {
	const [count, setCount] = useState(0);
	useInput(() => setCount((n) => n + 1));
	return createElement(Text, null, `keys pressed: ${count}`);
}

/**
 * A second baseline, for information: a bare Ink app whose every row
 * changes on every key, a 100×30 screen of text (sidebar beside a pane) like
 * the reader's, with nothing to compute. Its p99 is what Ink itself allows
 * for a frame that redraws the screen, as `G` and `g` do.
 */
const WORDS = ['harbour', 'tide', 'council', 'ferry', 'road', 'rain', 'crews', 'river', 'station', 'warning', 'north', 'bridge'];
const wordsFrom = (seed: number, count: number): string => Array.from({length: count}, (_, i) => WORDS[(seed * 7 + i * 5) % WORDS.length]).join(' ');
function ScreenBaseline(): ReactElement {
	const [count, setCount] = useState(0);
	useInput(() => setCount((n) => n + 1));
	const rows = Array.from({length: 28}, (_, row) => row + count);
	return createElement(
		Box,
		{flexDirection: 'column', width: 100, height: 30},
		createElement(Text, {bold: true}, `keys pressed: ${count}`),
		createElement(
			Box,
			{flexDirection: 'row', height: 28},
			createElement(Box, {flexDirection: 'column', width: 32}, ...rows.map((n, i) => createElement(Text, {key: i}, `${String(n % 24).padStart(2, '0')}:15 ${wordsFrom(n, 3)}`))),
			createElement(Box, {flexDirection: 'column', flexGrow: 1}, ...rows.map((n, i) => createElement(Text, {key: i, bold: n % 9 === 0}, wordsFrom(n + 3, 8)))),
		),
		createElement(Text, {dimColor: true}, 'j scroll · tab key events · n newest · / search · q quit'),
	);
}

const modules = await loadModules();
const appModule = await importDist<{App: typeof AppType}>('ui/app.js');
const themeModule = await importDist<{makeTheme: typeof MakeTheme}>('ui/theme.js');
if (isMissing(modules) || appModule === null || themeModule === null) {
	process.stdout.write(`${JSON.stringify({missing: isMissing(modules) ? modules.missing : 'dist/ui/app.js or dist/ui/theme.js'})}\n`);
	process.exit(0);
}

const results: Record<string, number[]> = {j: [], 'G/g': [], 'search typing': [], baseline: [], 'screen baseline': []};
const misses: Record<string, number> = {j: 0, 'G/g': 0, 'search typing': 0, baseline: 0, 'screen baseline': 0};
const record = (name: string, ms: number | null): void => {
	if (ms === null) misses[name]!++;
	else results[name]!.push(ms);
};

const jCount = Math.round(300 * scale);
const jumpCount = Math.round(30 * scale);
const queries = ['tunnel', 'ferry', 'Kessford', 'generators', 'sandbag', '市民', 'zzqx', 'hospital', 'Quay Street', 'amber'].slice(0, Math.max(3, Math.round(10 * scale)));

// Baseline first, in a fresh harness, with the same number of keys as j.
{
	const h = harness(createElement(Baseline));
	await settle();
	for (let i = 0; i < 20; i++) await h.press('j');
	for (let i = 0; i < jCount; i++) record('baseline', await h.press('j'));
	h.unmount();
}

const endMs = Date.UTC(2026, 10, 28, 12);
const t0 = performance.now();
const loaded = loadState(modules, 10_000, {columns: 100, rows: 30}, endMs);
const loadMs = performance.now() - t0;
const app = harness(
	createElement(appModule.App, {
		initial: loaded.state,
		theme: themeModule.makeTheme('dark', true, false),
		size: {columns: 100, rows: 30},
		now: loaded.endMs + 60_000,
	}),
);
await settle();
const firstFrame = app.frame();
// Warm-up: a few keys of each kind, not recorded.
for (const key of ['j', 'j', 'k', 'G', 'g']) {
	await app.press(key);
	await settle();
}
for (let i = 0; i < jCount; i++) record('j', await app.press('j'));
for (let i = 0; i < jumpCount; i++) {
	record('G/g', await app.press('G'));
	record('G/g', await app.press('g'));
}
for (const query of queries) {
	await app.press('/');
	await settle();
	for (const ch of query) record('search typing', await app.press(ch));
	await app.press('\u001b');
	await settle();
	await new Promise((resolve) => setTimeout(resolve, 60));
}
const lastFrame = app.frame();
app.unmount();
// The full-screen baseline runs last, so its garbage cannot shift the collections the judged keys see.
{
	const h = harness(createElement(ScreenBaseline));
	await settle();
	for (let i = 0; i < 20; i++) await h.press('j');
	for (let i = 0; i < jCount; i++) record('screen baseline', await h.press('j'));
	h.unmount();
}
process.stdout.write(
	`${JSON.stringify({
		results,
		misses,
		entries: loaded.entries,
		loadMs,
		firstFrameLines: firstFrame.split('\n').length,
		firstFrameHasNewest: firstFrame.includes('Harbour wall holds'),
		lastFrameSample: lastFrame.split('\n').slice(0, 3).join(' | ').slice(0, 300),
	})}\n`,
);
