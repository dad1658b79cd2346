/**
 * `npm run bench`: every figure as a ratio against a baseline measured in the
 * same run, medians of several runs, loopback only, a few minutes in all.
 * BENCH_QUICK=1 shortens the long parts (idle window, polls, repetitions).
 *
 * Order: first the timing-sensitive rows one at a time (ingest, first frame,
 * keys), then the rest side by side: idle, memory and polling count CPU
 * ticks, bytes or simulated time, which contention does not move, and parse
 * interleaves each adapter with its baseline, so both share the contention.
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {documentFor} from './data/documents.js';
import {generateBlog} from './data/posts.js';
import {startServer} from './data/server.js';
import {repoRoot} from './lib/paths.js';
import {load, runSection, writeResults} from './lib/results.js';
import {textTable, type Row} from './lib/table.js';
import {measureFirstFrame} from './measure/first-frame.js';
import {measureIdle} from './measure/idle.js';
import {measureIngest} from './measure/ingest.js';
import {measureKeys} from './measure/keys.js';
import {measureMemory} from './measure/memory.js';
import {measureParse} from './measure/parse.js';
import {measurePolling} from './measure/polling.js';

const quick = process.env['BENCH_QUICK'] === '1';
const log = (line: string): void => {
	process.stderr.write(`bench: ${line}\n`);
};

const HEADER = `# liveblog bench results

Produced by \`npm run bench\` (bench/index.ts); do not edit by hand. Every figure is measured against a
baseline in the same run, because absolute times drift on a shared machine: compare ratios between runs,
not milliseconds. Methods are in the notes under each table and in the comments of bench/measure/*.ts.
`;

async function section<T>(name: string, run: () => Promise<T>): Promise<T> {
	const t0 = performance.now();
	log(`${name}…`);
	const result = await run();
	log(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	return result;
}

const started = new Date();
const t0 = performance.now();
const loadStart = load();
const server = await startServer();
try {
	// The 2,000-post blog, newest post a minute old, served as RSS with ETag/304.
	const blog = generateBlog({count: 2000, seed: 2000, endMs: Date.now() - 60_000});
	const rss = documentFor(blog, 'rss', 'blog2k', server.origin);
	server.put(rss.path, {body: rss.bytes, contentType: rss.contentType, modified: blog.posts[0]!.published});
	const url = server.origin + rss.path;
	log(`serving the 2,000-post blog at ${url} (${(rss.bytes.length / 1e6).toFixed(2)} MB RSS)`);

	const rows: Row[] = [];
	rows.push(...(await section('ingest vs newsboat', () => measureIngest(url, quick ? 3 : 5, log))));
	rows.push(...(await section('first frame', () => measureFirstFrame(url, quick ? 3 : 5, log))));
	rows.push(...(await section('keys', () => measureKeys(quick ? 0.4 : 1))));
	const [parse, idle, memory, polling] = await Promise.all([
		section('parse throughput', () => measureParse(quick ? 2 : 3)),
		section('idle CPU', () => measureIdle(server, rss.path, quick ? 15 : 60, log)),
		section('memory', () => measureMemory(quick ? 6_000 : 10_000)),
		section('polling day', () => measurePolling(24)),
	]);
	rows.push(...parse, ...idle, ...memory, ...polling);

	const seconds = (performance.now() - t0) / 1000;
	process.stdout.write(`\n${textTable(rows)}\n\n`);
	for (const row of rows) if (row.status === 'skip') process.stdout.write(`skipped: ${row.figure}: ${row.note ?? ''}\n`);
	const path = join(repoRoot, 'bench', 'RESULTS.md');
	writeResults(path, HEADER, runSection(rows, {started, seconds, quick, loadStart, loadEnd: load()}));
	writeFileSync(join(repoRoot, '.bench-build', 'last-run.json'), JSON.stringify(rows, null, 1));
	process.stdout.write(`\nwritten to bench/RESULTS.md (${Math.round(seconds)} s)\n`);
} finally {
	await server.close();
}
