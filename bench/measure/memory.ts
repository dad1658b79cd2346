import {join} from 'node:path';
import {benchBuild} from '../lib/paths.js';
import {runChild} from '../lib/proc.js';
import {fmt} from '../lib/stats.js';
import {skipRow, type Row} from '../lib/table.js';

type Mem = {rss: number; heap: number};
type MemoryResult =
	| {missing: string}
	| {before: Mem; afterLoad: Mem; loadedEntries: number; samples: ({poll: number} & Mem)[]; end: Mem; polls: number; entriesAtEnd: number; marksAtEnd: number; pollMsMedian: number; pollMsP99: number};

const MB = 1_048_576;
const GOAL_MB = 10;

export async function measureMemory(polls: number): Promise<Row[]> {
	let result: MemoryResult;
	try {
		result = await runChild<MemoryResult>(join(benchBuild, 'measure', 'memory-child.js'), [String(polls)], {nodeArgs: ['--expose-gc'], timeoutMs: 600_000});
	} catch (error) {
		const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
		return [skipRow('memory, 10,000 posts loaded', 'info', reason), skipRow('memory growth over polls', `< ${GOAL_MB} MB`, reason)];
	}
	if ('missing' in result) {
		return [skipRow('memory, 10,000 posts loaded', 'info', `${result.missing} not built yet`), skipRow('memory growth over polls', `< ${GOAL_MB} MB`, `${result.missing} not built yet`)];
	}
	// Growth is taken from the first sample at or after 5,000 polls: by then every entry loaded at
	// the start has been replaced by one that arrived in a poll, so what remains is steady state.
	const from = result.samples.find((s) => s.poll >= 5_000) ?? result.samples[0]!;
	const growth = (result.end.rss - from.rss) / MB;
	const heapGrowth = (result.end.heap - from.heap) / MB;
	const first = result.samples[0]!;
	return [
		{
			figure: `memory, 10,000 posts loaded (${result.loadedEntries} kept)`,
			value: `${fmt(result.afterLoad.rss / MB)} MiB RSS`,
			baseline: `${fmt(result.before.rss / MB)} MiB (modules loaded)`,
			ratio: `${fmt(result.afterLoad.rss / result.before.rss)}×`,
			goal: 'info',
			status: 'info',
			note: `adapter + reducer in one process, after GC; heap ${fmt(result.before.heap / MB)} → ${fmt(result.afterLoad.heap / MB)} MiB`,
		},
		{
			figure: `memory growth, polls ${from.poll}→${result.polls}`,
			value: `${growth >= 0 ? '+' : ''}${fmt(growth)} MiB RSS`,
			baseline: `${fmt(from.rss / MB)} MiB at poll ${from.poll}`,
			ratio: `${fmt(result.end.rss / from.rss)}×`,
			goal: `< ${GOAL_MB} MB`,
			status: growth < GOAL_MB ? 'pass' : 'fail',
			note: `${result.polls} polls on an injected clock, each a 50-entry window with one new post, plus a tick; entries at end ${result.entriesAtEnd}, highlight marks ${result.marksAtEnd}; heap ${heapGrowth >= 0 ? '+' : ''}${fmt(heapGrowth)} MiB over the same span; over all polls RSS ${fmt(first.rss / MB)} → ${fmt(result.end.rss / MB)} MiB, heap ${fmt(first.heap / MB)} → ${fmt(result.end.heap / MB)} MiB (the first 5,000 polls replace every loaded entry); reduce per poll at 5,000 entries: median ${fmt(result.pollMsMedian)} ms, p99 ${fmt(result.pollMsP99)} ms`,
		},
	];
}
