/**
 * First frame in a real terminal: each program runs in a pty (see lib/pty.ts)
 * at 100×30, and the time is taken from spawn until the expected text appears
 * in the byte stream the terminal receives (ANSI stripped). For the app that
 * text is the newest post's title; for the floor, its one line.
 * - cold: a fresh, empty XDG_STATE_HOME each run (no stored copy);
 * - warm: one XDG_STATE_HOME that a previous run filled.
 * Runs are interleaved (floor, cold, warm) so drift hits all three alike.
 */
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {NEWEST_TITLE} from '../data/posts.js';
import {bundleApp} from '../lib/bundle-app.js';
import {benchBuild, cliPath} from '../lib/paths.js';
import {runInPty, stripAnsi, terminalEnv} from '../lib/pty.js';
import {fmt, median, range} from '../lib/stats.js';
import {ratioStatus, skipRow, type Row} from '../lib/table.js';

const COLUMNS = 100;
const ROWS = 30;
const FLOOR_TEXT = 'liveblog bench floor';
const SCREEN_FLOOR_TEXT = 'liveblog bench screen floor';
/** Generous: on a loaded 2-core machine a cold start of the 2,000-post blog has taken 8 s. */
const TIMEOUT_MS = 30_000;

/** The last screenful of a failed run, for the skip message. */
let lastFailure = '';

async function once(argv: readonly string[], waitFor: string, env: NodeJS.ProcessEnv, after?: () => Promise<void>): Promise<number | null> {
	const run = runInPty(argv, {env, columns: COLUMNS, rows: ROWS, waitFor, timeoutMs: TIMEOUT_MS});
	const ms = await run.appeared;
	if (ms === null) lastFailure = stripAnsi(run.output()).replace(/\s+/g, ' ').trim().slice(-160);
	if (after !== undefined && ms !== null) await after();
	run.write('q');
	await Promise.race([new Promise((resolve) => run.child.once('close', resolve)), sleep(1_500)]);
	await run.stop();
	return ms;
}

function stateFiles(dir: string): number {
	const sub = join(dir, 'liveblog');
	return existsSync(sub) ? readdirSync(sub).length : 0;
}

export async function measureFirstFrame(url: string, runs: number, log: (line: string) => void): Promise<Row[]> {
	const coldFigure = 'first frame, cold (no stored copy)';
	const warmFigure = 'first frame, warm (stored copy)';
	if (!existsSync(cliPath)) return [skipRow(coldFigure, '< 2× floor', 'dist/cli.js not built yet'), skipRow(warmFigure, '< 1.2× floor', 'dist/cli.js not built yet')];
	const floorApp = join(benchBuild, 'apps', 'floor-app.js');
	const floorBundled = await bundleApp(floorApp);
	const screenFloor = await bundleApp(join(benchBuild, 'apps', 'screen-floor-app.js'));
	const app = [process.execPath, cliPath, url];
	const warmState = mkdtempSync(join(tmpdir(), 'liveblog-bench-warm-'));
	const floor: number[] = [];
	const floorB: number[] = [];
	const floorS: number[] = [];
	const cold: number[] = [];
	const warm: number[] = [];
	let warmNote = '';
	try {
		// Fill the warm store: one run, kept up until the store has a file (or 5 s). Tried twice,
		// since dist/ may be rebuilt by someone else at the moment of a launch.
		let seeded: number | null = null;
		for (let attempt = 0; attempt < 2 && seeded === null; attempt++) {
			seeded = await once(app, NEWEST_TITLE, terminalEnv({XDG_STATE_HOME: warmState}), async () => {
				for (let i = 0; i < 50 && stateFiles(warmState) === 0; i++) await sleep(100);
			});
		}
		if (seeded === null) {
			const reason = `the TUI never showed the newest post title within ${TIMEOUT_MS / 1000} s in a 100×30 pty; screen ended: "${lastFailure}"`;
			return [skipRow(coldFigure, '< 2× floor', reason), skipRow(warmFigure, '< 1.2× floor', reason)];
		}
		const stored = stateFiles(warmState) > 0;
		if (!stored) warmNote = '; NOTE: no file appeared under XDG_STATE_HOME/liveblog after the seeding run, so "warm" had no stored copy';
		for (let i = 0; i < runs; i++) {
			const f = await once([process.execPath, floorApp, FLOOR_TEXT], FLOOR_TEXT, terminalEnv());
			const fb = await once([process.execPath, floorBundled, FLOOR_TEXT], FLOOR_TEXT, terminalEnv());
			const fs = await once([process.execPath, screenFloor, SCREEN_FLOOR_TEXT], SCREEN_FLOOR_TEXT, terminalEnv());
			const coldState = mkdtempSync(join(tmpdir(), 'liveblog-bench-cold-'));
			const c = await once(app, NEWEST_TITLE, terminalEnv({XDG_STATE_HOME: coldState}));
			rmSync(coldState, {recursive: true, force: true});
			const w = await once(app, NEWEST_TITLE, terminalEnv({XDG_STATE_HOME: warmState}));
			if (f === null || fb === null || fs === null || c === null || w === null) {
				log(`first frame run ${i + 1}: a run timed out (floor ${f}, bundled floor ${fb}, screen floor ${fs}, cold ${c}, warm ${w}); left out. Screen ended: ${lastFailure}`);
				continue;
			}
			floor.push(f);
			floorB.push(fb);
			floorS.push(fs);
			cold.push(c);
			warm.push(w);
		}
	} finally {
		rmSync(warmState, {recursive: true, force: true});
	}
	if (floor.length === 0) return [skipRow(coldFigure, '< 2× floor', 'every run timed out'), skipRow(warmFigure, '< 1.2× floor', 'every run timed out')];
	const method = `pty ${COLUMNS}×${ROWS} via script(1), spawn → newest title in the output stream, median of ${floor.length}; floor = bare Ink <Text> (production build), unbundled ${range(floor)} ms, bundled like dist/cli.js ${range(floorB)} ms`;
	const rows: Row[] = [];
	for (const [label, samples] of [
		['unbundled Ink floor', floor],
		['bundled Ink floor', floorB],
	] as const) {
		const floorMs = median(samples);
		const coldRatio = median(cold) / floorMs;
		const warmRatio = median(warm) / floorMs;
		rows.push(
			{
				figure: `${coldFigure}, vs ${label}`,
				value: `${fmt(median(cold))} ms`,
				baseline: `${fmt(floorMs)} ms (${label})`,
				ratio: `${fmt(coldRatio)}×`,
				goal: '< 2× floor',
				status: ratioStatus(coldRatio, 2),
				note: `${method}; cold ${range(cold)} ms, 2,000-post RSS on loopback`,
			},
			{
				figure: `${warmFigure}, vs ${label}`,
				value: `${fmt(median(warm))} ms`,
				baseline: `${fmt(floorMs)} ms (${label})`,
				ratio: `${fmt(warmRatio)}×`,
				goal: '< 1.2× floor',
				status: ratioStatus(warmRatio, 1.2),
				note: `same method; warm ${range(warm)} ms, XDG_STATE_HOME filled by one earlier run${warmNote}`,
			},
		);
	}
	// Not the floor, so not judged: how far the app is from Ink drawing a full screen of text.
	const screenMs = median(floorS);
	for (const [figure, samples] of [
		[coldFigure, cold],
		[warmFigure, warm],
	] as const) {
		rows.push({
			figure: `${figure}, vs a bare Ink app filling the screen`,
			value: `${fmt(median(samples))} ms`,
			baseline: `${fmt(screenMs)} ms (bundled full-screen Ink app)`,
			ratio: `${fmt(median(samples) / screenMs)}×`,
			goal: 'info',
			status: 'info',
			note: `same runs; the baseline is bench/apps/screen-floor-app.ts bundled like dist/cli.js: 100×30 of text in a sidebar and a pane, no data read, ${range(floorS)} ms; the bundled one-line floor was ${fmt(median(floorB))} ms`,
		});
	}
	return rows;
}
