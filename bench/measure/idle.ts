/**
 * Idle: the TUI in a real terminal (a private tmux server, 100×30) on a quiet
 * blog whose polls are answered 304, `--interval 15`, and a do-nothing node
 * process beside it as the baseline. CPU = utime+stime from /proc/<pid>/stat
 * over the window, which starts 60 s after the newest post is on screen.
 * Each process's own CPU time is what is counted, so other work on the
 * machine (the rest of the bench runs meanwhile) does not enter it.
 */
import {existsSync} from 'node:fs';
import {setTimeout as sleep} from 'node:timers/promises';
import {NEWEST_TITLE} from '../data/posts.js';
import type {BlogServer} from '../data/server.js';
import {cliPath} from '../lib/paths.js';
import {fmt} from '../lib/stats.js';
import {skipRow, type Row} from '../lib/table.js';
import {cpuTicks, createTmux, rssBytes} from '../lib/tmux.js';

const TICK_MS = 10;
const GOAL_PERCENT = 0.2;
/**
 * Sampled every second with 2,000 posts loaded, the app's start-up bursts
 * (V8's post-start GC and memory reducer, JIT of the first polls and minute
 * tick: 160-180 ms each) came up to ~50 s after the first frame; the 90 s
 * after that cost 70 ms in all. Idle is what a pane left open for hours costs,
 * so the window starts after them; the settling ticks are still reported.
 */
const SETTLE_MS = 60_000;

export async function measureIdle(server: BlogServer, path: string, seconds: number, log: (line: string) => void): Promise<Row[]> {
	const figure = `idle CPU, ${seconds} s, polls answered 304`;
	const goal = `< ${GOAL_PERCENT}% of a core`;
	if (!existsSync(cliPath)) return [skipRow(figure, goal, 'dist/cli.js not built yet')];
	const tmux = createTmux(100, 30);
	try {
		const appPid = await tmux.open('app', [process.execPath, cliPath, '--interval', '15', '--no-state', server.origin + path], {});
		const basePid = await tmux.open('base', [process.execPath, '-e', 'setInterval(() => {}, 1e9)'], {});
		let shown = false;
		for (let i = 0; i < 120 && !shown; i++) {
			await sleep(250);
			shown = (await tmux.capture('app')).includes(NEWEST_TITLE);
		}
		if (!shown) return [skipRow(figure, goal, 'the TUI did not show the newest post within 30 s in tmux')];
		// The settling period is measured too but judged apart: V8 runs a one-off GC and memory
		// reducer some 10-20 s after start (stack notes §4.5), a start-up cost, not an idle one.
		const s0 = cpuTicks(appPid);
		await sleep(SETTLE_MS);
		const s1 = cpuTicks(appPid);
		const settling = s0 === null || s1 === null ? '?' : String(s1 - s0);
		const before = server.counts(path);
		const a0 = cpuTicks(appPid);
		const b0 = cpuTicks(basePid);
		const windows: number[] = [];
		let last = a0;
		const slices = Math.max(1, Math.round(seconds / 15));
		for (let i = 0; i < slices; i++) {
			await sleep((seconds * 1000) / slices);
			const now = cpuTicks(appPid);
			if (now === null || last === null) break;
			windows.push(now - last);
			last = now;
		}
		const a1 = cpuTicks(appPid);
		const b1 = cpuTicks(basePid);
		const after = server.counts(path);
		if (a0 === null || a1 === null || b0 === null || b1 === null) return [skipRow(figure, goal, 'a measured process exited during the window')];
		const appPct = ((a1 - a0) * TICK_MS) / (seconds * 1000) * 100;
		const basePct = ((b1 - b0) * TICK_MS) / (seconds * 1000) * 100;
		const requests = after.requests - before.requests;
		const notModified = after.notModified - before.notModified;
		const rss = rssBytes(appPid);
		log(`idle: app ${a1 - a0} ticks, baseline ${b1 - b0} ticks over ${seconds} s`);
		return [
			{
				figure,
				value: `${fmt(appPct, 3)}%`,
				baseline: `${fmt(basePct, 3)}% (idle node)`,
				ratio: basePct > 0 ? `${fmt(appPct / basePct)}×` : `+${fmt(appPct - basePct, 3)} pts`,
				goal,
				status: appPct < GOAL_PERCENT ? 'pass' : 'fail',
				note: `window starts 60 s after the newest post was on screen (${settling} ticks in those 60 s, start-up GC and JIT); ${a1 - a0} ticks of 10 ms in ${seconds} s (per 15 s window: ${windows.join(', ')}); ${requests} polls in the window, ${notModified} answered 304; 2,000-post blog, tmux 100×30; app RSS at end ${rss === null ? '?' : `${fmt(rss / 1048576)} MiB`}. The baseline is ~0, so the ratio is given as a difference`,
			},
		];
	} finally {
		await tmux.close();
	}
}
