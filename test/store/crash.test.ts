/**
 * Crash injection: a child process saves a ~1 MB blog state over and over and
 * is killed with SIGKILL, many times, at chosen steps of a write and at
 * random moments. After every kill the state file must load as a whole
 * version: the old one or the new one, never a torn mix.
 *
 * The child is test/helpers/crash-writer.ts bundled by esbuild (a
 * devDependency) into a temporary .mjs, so it runs on plain node and always
 * tests the current source rather than a possibly stale dist/.
 */
import {spawn} from 'node:child_process';
import {mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadBlogState} from '../../src/store/state-file.js';
import type {KillPoint} from '../helpers/crash-writer.js';

const URL_ = 'https://example.org/live/crash';
const ENTRIES = 400;
let work = '';
let script = '';

beforeAll(async () => {
	work = await mkdtemp(join(tmpdir(), 'liveblog-crash-'));
	script = join(work, 'crash-writer.mjs');
	await build({
		entryPoints: [fileURLToPath(new URL('../helpers/crash-writer.ts', import.meta.url))],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		outfile: script,
		logLevel: 'silent',
	});
});

afterAll(async () => {
	await rm(work, {recursive: true, force: true});
});

type ChildEnd = {signal: NodeJS.Signals | null; code: number | null; acknowledged: number; output: string};

/**
 * Runs the child; with `killAfter` the parent SIGKILLs it once that many
 * versions were acknowledged, after a random number of event-loop turns (no
 * timers: the child keeps writing meanwhile, so the kill lands anywhere).
 */
function runChild(dir: string, args: readonly string[], killAfter?: {versions: number; turns: number}): Promise<ChildEnd> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, dir, URL_, String(ENTRIES), ...args], {stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		let acknowledged = 0;
		let killing = false;
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			output += chunk;
			const lines = output.split('\n').filter((line) => /^\d+$/.test(line));
			acknowledged = lines.length === 0 ? 0 : Number(lines.at(-1));
			if (killAfter !== undefined && !killing && lines.length >= killAfter.versions) {
				killing = true;
				let turns = killAfter.turns;
				const tick = (): void => {
					if (turns-- <= 0) child.kill('SIGKILL');
					else setImmediate(tick);
				};
				tick();
			}
		});
		child.stderr.on('data', (chunk: Buffer) => {
			output += chunk.toString();
		});
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({signal, code, acknowledged, output}));
	});
}

async function loadedVersion(dir: string): Promise<number> {
	const result = await loadBlogState(dir, URL_);
	if (result.kind !== 'loaded') throw new Error(`state did not load: ${JSON.stringify(result)}`);
	const {blog, validators} = result.state;
	const version = Number(blog.title.slice(1));
	// Whole: every entry and the validators come from the same version as the title.
	expect(blog.entries).toHaveLength(ENTRIES);
	expect(blog.entries.every((entry) => entry.revision === version)).toBe(true);
	expect(validators['main']?.etag).toBe(`"v${version}"`);
	return version;
}

describe('kill -9 during a write', () => {
	const points: readonly KillPoint[] = ['after-open', 'mid-write', 'before-sync', 'before-rename', 'after-rename'];

	it('leaves the old version when killed before the rename and the new one after it (5 points × 2)', async () => {
		// Two rounds, side by side on separate files (the machine has two cores).
		const round = async (name: string): Promise<void> => {
			const dir = join(work, name);
			const seeded = await runChild(dir, ['1', 'none', '1']);
			expect(seeded.code, seeded.output).toBe(0);
			for (const point of points) {
				const before = await loadedVersion(dir);
				const target = before + 1;
				const end = await runChild(dir, [String(target), point, String(target)]);
				expect(end.signal, end.output).toBe('SIGKILL');
				expect(await loadedVersion(dir)).toBe(point === 'after-rename' ? target : before);
			}
		};
		await Promise.all([round('points-a'), round('points-b')]);
	});

	it('leaves a whole file after 20 kills at random moments of repeated writes', async () => {
		// Two lanes on separate files run side by side to keep the test short.
		const lane = async (name: string): Promise<void> => {
			const dir = join(work, name);
			let version = 1;
			const seeded = await runChild(dir, ['1', 'none', '1']);
			expect(seeded.code, seeded.output).toBe(0);
			for (let kill = 0; kill < 10; kill++) {
				const start = version + 1;
				const run = await runChild(dir, [String(start)], {versions: 1 + (kill % 2), turns: Math.floor(Math.random() * 200)});
				expect(run.signal, run.output).toBe('SIGKILL');
				const found = await loadedVersion(dir);
				// Either the last acknowledged version, or the one whose rename landed
				// just before the kill and before its acknowledgement was read.
				const known = Math.max(run.acknowledged, version);
				expect(found).toBeGreaterThanOrEqual(known);
				expect(found).toBeLessThanOrEqual(known + 1);
				version = Math.max(found, run.acknowledged) + 1;
			}
			// Killed writers leave temporary files; they are never the state file.
			const names = await readdir(dir);
			expect(names.filter((file) => file.endsWith('.json'))).toHaveLength(1);
			expect(names.some((file) => file.includes('.corrupt-'))).toBe(false);
		};
		await Promise.all([lane('random-a'), lane('random-b')]);
	});

	it('survives two processes writing the same blog at once (last writer wins whole)', async () => {
		const dir = join(work, 'two');
		const a = runChild(dir, ['1000'], {versions: 3, turns: 50});
		const b = runChild(dir, ['5000'], {versions: 3, turns: 120});
		const [endA, endB] = await Promise.all([a, b]);
		expect(endA.signal).toBe('SIGKILL');
		expect(endB.signal).toBe('SIGKILL');
		const found = await loadedVersion(dir);
		const fromA = found >= 1000 && found <= endA.acknowledged + 1;
		const fromB = found >= 5000 && found <= endB.acknowledged + 1;
		expect(fromA || fromB).toBe(true);
	});
});
