/** bench/RESULTS.md: the newest run on top, the few before it kept below for before/after. */
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {cpus, loadavg} from 'node:os';
import {markdownTable, notes, type Row} from './table.js';

const MARK = '<!-- bench run -->';
const KEEP = 5;

export function machine(): string {
	let uname = '';
	try {
		uname = execFileSync('uname', ['-srvm'], {encoding: 'utf8'}).trim();
	} catch {
		uname = process.platform;
	}
	return `${uname}; nproc ${cpus().length} (${cpus()[0]?.model ?? 'unknown CPU'}); node ${process.version}`;
}

export function load(): string {
	return loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');
}

export type RunInfo = {readonly started: Date; readonly seconds: number; readonly quick: boolean; readonly loadStart: string; readonly loadEnd: string};

export function runSection(rows: readonly Row[], info: RunInfo): string {
	return `${MARK}
## Run of ${info.started.toISOString()}${info.quick ? ' (BENCH_QUICK=1)' : ''}

Machine: ${machine()}. Load average at start ${info.loadStart}, at end ${info.loadEnd}. Whole bench: ${Math.round(info.seconds)} s.

${markdownTable(rows)}

Notes:
${notes(rows)}
`;
}

export function writeResults(path: string, header: string, section: string): void {
	const previous = existsSync(path) ? readFileSync(path, 'utf8').split(MARK).slice(1, KEEP) : [];
	const earlier = previous.length > 0 ? `\n# Earlier runs\n\n${previous.map((p) => MARK + p.replace(/\n# Earlier runs\n/, '')).join('\n')}` : '';
	writeFileSync(path, `${header}\n${section}${earlier}`);
}
