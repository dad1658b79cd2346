/** Running whole processes: wall time to exit, and child measurements that report JSON. */
import {spawn, type SpawnOptions} from 'node:child_process';
import {performance} from 'node:perf_hooks';

export type Timed = {
	readonly ms: number;
	readonly code: number | null;
	/** The first 200 KB of stdout. */
	readonly stdout: string;
	readonly stderr: string;
	readonly stdoutBytes: number;
	/** Whether `needle` occurred anywhere in stdout (checked across chunk boundaries). */
	readonly found: boolean;
};

/** Spawn, wait for exit, return wall time from spawn to exit. Bounded by `timeoutMs` (killed after). */
export function timeProcess(command: string, args: readonly string[], options: SpawnOptions & {timeoutMs?: number; needle?: string} = {}): Promise<Timed> {
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn(command, args, {stdio: ['ignore', 'pipe', 'pipe'], ...options});
		let stdout = '';
		let stderr = '';
		let stdoutBytes = 0;
		let found = false;
		let carry = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			stdoutBytes += chunk.length;
			if (options.needle !== undefined && !found) {
				const text = carry + chunk.toString('utf8');
				found = text.includes(options.needle);
				carry = text.slice(-options.needle.length * 4);
			}
			if (stdout.length < 200_000) stdout += chunk.toString('utf8');
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			if (stderr.length < 20_000) stderr += chunk.toString('utf8');
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ms: performance.now() - start, code, stdout, stderr, stdoutBytes, found});
		});
	});
}

/**
 * Run a compiled bench child (`.bench-build/bench/...js`) that prints one JSON
 * object as its last stdout line, and return that object.
 */
export async function runChild<T>(script: string, args: readonly string[], options: {env?: NodeJS.ProcessEnv; nodeArgs?: readonly string[]; timeoutMs?: number} = {}): Promise<T> {
	const result = await timeProcess(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
		env: {...process.env, NODE_ENV: 'production', ...options.env},
		timeoutMs: options.timeoutMs ?? 120_000,
	});
	const last = result.stdout.trim().split('\n').at(-1) ?? '';
	if (result.code !== 0) throw new Error(`${script} exited ${result.code}: ${result.stderr.trim().split('\n').slice(-3).join(' / ')}`);
	try {
		return JSON.parse(last) as T;
	} catch {
		throw new Error(`${script} printed no JSON result: ${last.slice(0, 200)}`);
	}
}
