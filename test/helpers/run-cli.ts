/**
 * Runs the BUILT CLI (dist/cli.js) as a child process, the way a user or a
 * pipe would. `npm test` builds first; run `npm run build`
 * before running these tests alone.
 *
 * Every run gets its own XDG config/state directories under the OS temp dir,
 * so no test reads or writes the real home, and CI is removed from the
 * environment (Ink draws nothing while it is set).
 */
import {afterEach, beforeEach} from 'vitest';
import {startFeedServer, type FeedServer} from './feed-server.js';
import {spawn, type ChildProcessByStdio} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Readable, Writable} from 'node:stream';
import {fileURLToPath} from 'node:url';

export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export function assertBuilt(): void {
	if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` (npm test does it)`);
}

export type CliOptions = {
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Extra node flags before the script (e.g. --import for a loader hook). */
	readonly nodeArgs?: readonly string[];
	/** Kills the child after this long; a test that needs it has failed. */
	readonly timeoutMs?: number;
};

export type CliResult = {readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stdout: string; readonly stderr: string};

/** Fresh, empty XDG homes; removed by `cleanup`. */
export function tempHomes(): {readonly dir: string; readonly env: {XDG_CONFIG_HOME: string; XDG_STATE_HOME: string; HOME: string}; cleanup(): void} {
	const dir = mkdtempSync(join(tmpdir(), 'lb-cli-'));
	return {
		dir,
		env: {XDG_CONFIG_HOME: join(dir, 'config'), XDG_STATE_HOME: join(dir, 'state'), HOME: dir},
		cleanup: () => rmSync(dir, {recursive: true, force: true}),
	};
}

function childEnv(extra: CliOptions['env']): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, TZ: 'UTC', COLUMNS: '80', LANG: 'C.UTF-8'};
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'GUARDIAN_API_KEY', 'GUARDIAN_API_URL', 'LIVEBLOG_DEBUG', 'NODE_OPTIONS']) delete env[name];
	for (const [key, value] of Object.entries(extra ?? {})) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}
	return env;
}

export type CliProcess = {
	readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
	stdout(): string;
	stderr(): string;
	/** Resolves once stdout satisfies `done` (e.g. holds N lines); rejects if the process exits first or on timeout. */
	waitForStdout(done: (stdout: string) => boolean, timeoutMs?: number): Promise<string>;
	waitForStderr(done: (stderr: string) => boolean, timeoutMs?: number): Promise<string>;
	readonly exited: Promise<CliResult>;
	kill(signal?: NodeJS.Signals): void;
};

export function startCli(args: readonly string[], options: CliOptions = {}): CliProcess {
	assertBuilt();
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), cliPath, ...args], {env: childEnv(options.env), stdio: ['pipe', 'pipe', 'pipe']});
	let out = '';
	let err = '';
	const listeners = new Set<() => void>();
	const notify = (): void => {
		for (const listener of listeners) listener();
	};
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		out += chunk;
		notify();
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		err += chunk;
		notify();
	});
	const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
	const exited = new Promise<CliResult>(resolve => {
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			notify();
			resolve({code, signal, stdout: out, stderr: err});
		});
	});
	let closed = false;
	void exited.then(() => {
		closed = true;
		notify();
	});
	const waitFor = (read: () => string, which: string) => (done: (text: string) => boolean, timeoutMs = 8000): Promise<string> =>
		new Promise((resolve, reject) => {
			const check = (): void => {
				if (done(read())) {
					cleanup();
					resolve(read());
				} else if (closed) {
					cleanup();
					reject(new Error(`CLI exited before the expected ${which}.\nstdout:\n${out}\nstderr:\n${err}`));
				}
			};
			const giveUp = setTimeout(() => {
				cleanup();
				reject(new Error(`timed out waiting for ${which}.\nstdout:\n${out}\nstderr:\n${err}`));
			}, timeoutMs);
			const cleanup = (): void => {
				clearTimeout(giveUp);
				listeners.delete(check);
			};
			listeners.add(check);
			check();
		});
	return {
		child,
		stdout: () => out,
		stderr: () => err,
		waitForStdout: waitFor(() => out, 'stdout'),
		waitForStderr: waitFor(() => err, 'stderr'),
		exited,
		kill: (signal = 'SIGTERM') => {
			if (!closed) child.kill(signal);
		},
	};
}

/** Runs to completion; stdin is closed at once. */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
	const cli = startCli(args, options);
	cli.child.stdin.end();
	return cli.exited;
}

export function lines(text: string): string[] {
	return text.split('\n').filter(line => line !== '');
}

/**
 * A loopback feed server and fresh config/state homes for each test, closed
 * and removed after it: the setup every CLI test file needs. Read the fields
 * inside tests (they are replaced before each one).
 */
export function useServerAndHomes(): {server: FeedServer; homes: ReturnType<typeof tempHomes>} {
	const fixture = {} as {server: FeedServer; homes: ReturnType<typeof tempHomes>};
	beforeEach(async () => {
		fixture.server = await startFeedServer();
		fixture.homes = tempHomes();
	});
	afterEach(async () => {
		await fixture.server.close();
		fixture.homes.cleanup();
	});
	return fixture;
}

/** One line of `--json` output, as the tests read it. */
export type NdjsonLine = {
	type: string;
	event?: string;
	id?: string;
	title?: string | null;
	url?: string | null;
	live?: boolean | null;
	published?: string;
	updated?: string | null;
	authors?: string[];
	keyEvent?: boolean;
	pinned?: boolean;
	text?: string;
};

export function ndjsonLines(stdout: string): NdjsonLine[] {
	return stdout
		.split('\n')
		.filter(line => line !== '')
		.map(line => JSON.parse(line) as NdjsonLine);
}
