/**
 * Runs the BUILT CLI (dist/cli.js, made by `npm run build` before `npm test`)
 * as a child process, with a private state directory, and hands back the
 * raw bytes it wrote: hostile tests look at bytes, not at decoded text.
 */
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export function cliBuilt(): boolean {
	return existsSync(CLI);
}

export type CliRun = {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: Buffer;
	readonly stderr: Buffer;
	/** True when the run was killed for taking longer than `timeoutMs`. */
	readonly timedOut: boolean;
};

export type CliOptions = {
	readonly env?: Readonly<Record<string, string | undefined>>;
	readonly timeoutMs?: number;
	/** Written to stdin, which is then closed; stdin is /dev/null otherwise. */
	readonly stdin?: string;
	/** Extra node arguments before the script (e.g. --import a preload). */
	readonly nodeArgs?: readonly string[];
	/** Called with the child once it runs (to close stdout early, send signals...). */
	readonly onSpawn?: (child: import('node:child_process').ChildProcess) => void;
};

/** A temporary XDG_STATE_HOME/XDG_CONFIG_HOME pair, removed by the returned function. */
export function tempHome(): {dir: string; env: Record<string, string>; remove: () => void} {
	const dir = mkdtempSync(join(tmpdir(), 'liveblog-hostile-'));
	return {
		dir,
		env: {XDG_STATE_HOME: join(dir, 'state'), XDG_CONFIG_HOME: join(dir, 'config'), HOME: dir},
		remove: () => rmSync(dir, {recursive: true, force: true}),
	};
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
	return new Promise((resolve, reject) => {
		const env: Record<string, string> = {};
		for (const [key, value] of Object.entries({...process.env, COLUMNS: '80', ...options.env})) {
			if (value !== undefined) env[key] = value;
		}
		const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
			env,
			stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
		});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, options.timeoutMs ?? 20_000);
		child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
		child.stdout!.on('error', () => undefined);
		if (options.stdin !== undefined) {
			child.stdin!.on('error', () => undefined);
			child.stdin!.end(options.stdin);
		}
		options.onSpawn?.(child);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err), timedOut});
		});
	});
}

/** Bytes that are escape or control bytes in any encoding a terminal might apply (0x1b, C0 but \t \n, DEL, 0x9b/0x9d raw). */
export function controlBytes(bytes: Buffer, allowNewline = true): number[] {
	const found: number[] = [];
	const text = bytes.toString('utf8');
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		const allowed = cp === 0x0a ? allowNewline : cp === 0x09;
		if (!allowed && (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))) found.push(cp);
	}
	return found;
}
