/**
 * Ingest: `liveblog --once --no-state <url>` of the 2,000-post RSS blog
 * against `newsboat -x reload` of the same URL, both whole processes,
 * interleaved, medians of N. newsboat gets a fresh cache per run so that it
 * downloads and stores everything, as our --no-state run does.
 */
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {NEWEST_TITLE} from '../data/posts.js';
import {bundleApp} from '../lib/bundle-app.js';
import {benchBuild, cliPath} from '../lib/paths.js';
import {timeProcess} from '../lib/proc.js';
import {fmt, median, range} from '../lib/stats.js';
import {ratioStatus, skipRow, type Row} from '../lib/table.js';
import {ensureNewsboat} from './newsboat.js';

const GOAL = 0.6;

export async function measureIngest(url: string, runs: number, log: (line: string) => void): Promise<Row[]> {
	const figure = 'ingest 2,000 posts (RSS, --once)';
	const goal = `< ${GOAL}× newsboat`;
	if (!existsSync(cliPath)) return [skipRow(figure, goal, 'dist/cli.js not built yet')];
	const newsboat = ensureNewsboat(log);
	if (!newsboat.ok) return [skipRow(figure, goal, newsboat.reason)];

	const home = mkdtempSync(join(tmpdir(), 'liveblog-bench-newsboat-'));
	const urls = join(home, 'urls');
	const config = join(home, 'config');
	const cache = join(home, 'cache.db');
	writeFileSync(urls, `${url}\n`);
	writeFileSync(config, 'reload-threads 1\n');
	const xmlFloor = await bundleApp(join(benchBuild, 'apps', 'xml-floor-app.js'));
	const ours: number[] = [];
	const theirs: number[] = [];
	const floor: number[] = [];
	try {
		for (let i = 0; i < runs; i++) {
			const a = await timeProcess(process.execPath, [cliPath, '--once', '--no-state', url], {
				env: {...process.env, COLUMNS: '100', LINES: '30'},
				timeoutMs: 60_000,
				needle: NEWEST_TITLE,
			});
			if (a.code !== 0 || !a.found) {
				return [skipRow(figure, goal, `liveblog --once failed (exit ${a.code}): ${a.stderr.trim().split('\n')[0] ?? ''}`.slice(0, 200))];
			}
			ours.push(a.ms);
			rmSync(cache, {force: true});
			rmSync(`${cache}.lock`, {force: true});
			const b = await timeProcess('newsboat', ['-x', 'reload', '-u', urls, '-c', cache, '-C', config], {env: {...process.env, HOME: home}, timeoutMs: 60_000});
			if (b.code !== 0) return [skipRow(figure, goal, `newsboat -x reload exited ${b.code}: ${b.stderr.trim().slice(0, 150)}`)];
			theirs.push(b.ms);
			const f = await timeProcess(process.execPath, [xmlFloor, url], {env: process.env, timeoutMs: 60_000, needle: NEWEST_TITLE});
			if (f.code === 0 && f.found) floor.push(f.ms);
			else log(`ingest floor run ${i + 1} failed (exit ${f.code}); left out`);
		}
	} finally {
		rmSync(home, {recursive: true, force: true});
	}
	const ratio = median(ours) / median(theirs);
	const floorRows: Row[] =
		floor.length === 0
			? []
			: [
					{
						figure: 'ingest floor: undici fetch + fast-xml-parser only',
						value: `${fmt(median(floor))} ms`,
						baseline: `${fmt(median(theirs))} ms (newsboat)`,
						ratio: `${fmt(median(floor) / median(theirs))}×`,
						goal: 'info',
						status: 'info',
						note: `same runs, interleaved; bench/apps/xml-floor-app.ts bundled: fetch the RSS, parse it with fast-xml-parser, print the newest title, nothing else; ${range(floor)} ms. What any ingest on the brief's XML parser costs at least`,
					},
				];
	return [
		{
			figure,
			value: `${fmt(median(ours))} ms`,
			baseline: `${fmt(median(theirs))} ms (newsboat)`,
			ratio: `${fmt(ratio)}×`,
			goal,
			status: ratioStatus(ratio, GOAL),
			note: `whole processes, interleaved, median of ${runs}; liveblog ${range(ours)} ms, newsboat ${range(theirs)} ms (fresh cache each run, reload-threads 1)`,
		},
		...floorRows,
	];
}
