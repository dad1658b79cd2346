import {join} from 'node:path';
import {benchBuild} from '../lib/paths.js';
import {runChild} from '../lib/proc.js';
import {fmt, median, quantile} from '../lib/stats.js';
import {skipRow, type Row} from '../lib/table.js';

type KeysResult =
	| {missing: string}
	| {results: Record<string, number[]>; misses: Record<string, number>; entries: number; firstFrameHasNewest: boolean};

const GOAL_MS = 16;

export async function measureKeys(scale: number): Promise<Row[]> {
	const goal = `p99 < ${GOAL_MS} ms`;
	let result: KeysResult;
	try {
		result = await runChild<KeysResult>(join(benchBuild, 'measure', 'keys-child.js'), [String(scale)], {timeoutMs: 240_000});
	} catch (error) {
		return [skipRow('key → frame', goal, error instanceof Error ? error.message.slice(0, 200) : String(error))];
	}
	if ('missing' in result) return [skipRow('key → frame', goal, `${result.missing} not built yet`)];
	const base = result.results['baseline'] ?? [];
	const baseP99 = quantile(base, 0.99);
	const rows: Row[] = [];
	for (const name of ['j', 'G/g', 'search typing']) {
		const samples = result.results[name] ?? [];
		const p99 = quantile(samples, 0.99);
		const missed = result.misses[name] ?? 0;
		rows.push({
			figure: `key → frame: ${name === 'search typing' ? '/ + query, per character' : name} (${result.entries} entries)`,
			value: `p99 ${fmt(p99)} ms`,
			baseline: `p99 ${fmt(baseP99)} ms (one Text)`,
			ratio: `${fmt(p99 / baseP99)}×`,
			goal,
			status: samples.length === 0 ? 'skip' : p99 < GOAL_MS ? 'pass' : 'fail',
			note: `ink-testing-library, 100×30, production build; ${samples.length} keys, median ${fmt(median(samples))} ms${missed > 0 ? `, ${missed} keys drew no frame within 1 s (left out)` : ''}; baseline median ${fmt(median(base))} ms over ${base.length} keys${result.firstFrameHasNewest ? '' : '; NOTE: the first frame did not show the newest post'}`,
		});
	}
	const screen = result.results['screen baseline'] ?? [];
	if (screen.length > 0) {
		rows.push({
			figure: 'key → frame: bare Ink app redrawing a 100×30 screen',
			value: `p99 ${fmt(quantile(screen, 0.99))} ms`,
			baseline: `p99 ${fmt(baseP99)} ms (one Text)`,
			ratio: `${fmt(quantile(screen, 0.99) / baseP99)}×`,
			goal: 'info',
			status: 'info',
			note: `same harness; every row of a sidebar and a pane of plain text changes on each key, nothing computed: what Ink itself allows for a frame that redraws the screen; ${screen.length} keys, median ${fmt(median(screen))} ms`,
		});
	}
	return rows;
}
