import {join} from 'node:path';
import {benchBuild} from '../lib/paths.js';
import {runChild} from '../lib/proc.js';
import {fmt, median} from '../lib/stats.js';
import {skipRow, type Row} from '../lib/table.js';

type One = {bytes: number; error: string} | {bytes: number; entries: number; coldMs: number; adapterMs: number[]; baselineMs: number[]};
type ParseResult = {missing: string} | Record<string, One>;

const names: Record<string, string> = {rss: 'RSS 2.0', atom: 'Atom', jsonfeed: 'JSON Feed', jsonld: 'JSON-LD page', guardian: 'Guardian API'};
const baselines: Record<string, string> = {rss: 'fast-xml-parser', atom: 'fast-xml-parser', jsonfeed: 'JSON.parse', jsonld: 'htmlparser2+JSON.parse', guardian: 'JSON.parse'};

export async function measureParse(runs: number): Promise<Row[]> {
	let result: ParseResult;
	try {
		result = await runChild<ParseResult>(join(benchBuild, 'measure', 'parse-child.js'), [String(runs)], {timeoutMs: 300_000});
	} catch (error) {
		return [skipRow('parse throughput', 'info', error instanceof Error ? error.message.slice(0, 200) : String(error))];
	}
	if ('missing' in result && typeof result.missing === 'string') return [skipRow('parse throughput', 'info', `${result.missing} not built yet`)];
	const rows: Row[] = [];
	for (const [format, one] of Object.entries(result as Record<string, One>)) {
		const figure = `parse ${names[format] ?? format}, 2,000 posts (${fmt(one.bytes / 1e6)} MB)`;
		if ('error' in one) {
			rows.push(skipRow(figure, 'info', `adapter failed: ${one.error}`));
			continue;
		}
		const mbps = one.bytes / 1e6 / (median(one.adapterMs) / 1000);
		const base = one.bytes / 1e6 / (median(one.baselineMs) / 1000);
		rows.push({
			figure,
			value: `${fmt(mbps)} MB/s`,
			baseline: `${fmt(base)} MB/s (${baselines[format] ?? 'raw'})`,
			ratio: `${fmt(mbps / base)}×`,
			goal: 'info',
			status: 'info',
			note: `parseDocument (decode, detect, adapter, titles) median of ${one.adapterMs.length} warm parses ${fmt(median(one.adapterMs))} ms, ${one.entries} entries; first (cold) parse ${fmt(one.coldMs)} ms; runs beside the idle, memory and polling rows, adapter and baseline interleaved`,
		});
	}
	return rows;
}
