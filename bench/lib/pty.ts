/**
 * Running a program in a real pseudo-terminal without a native module:
 * util-linux `script -qfec` allocates the pty, sets its size with `stty`, and
 * copies every byte the program writes to its stdout at once (-f flushes), so
 * the bench sees the terminal stream as it happens. The same wrapper runs the
 * floor and the app, so its own cost (a shell and stty, ~10-20 ms) is in both.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {performance} from 'node:perf_hooks';

/** CSI, OSC (BEL or ST terminated), DCS/APC/PM strings and lone two-byte escapes. */
const ansi = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[PX^_][^\u001b]*\u001b\\|\u001b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
	return text.replace(ansi, '');
}

function shellQuote(arg: string): string {
	return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export type PtyRun = {
	readonly child: ChildProcess;
	/** ms from spawn until `text` first appeared in the ANSI-stripped stream, or null on timeout/exit. */
	readonly appeared: Promise<number | null>;
	/** Everything written so far (raw). */
	output(): string;
	write(data: string): void;
	/** SIGTERM the whole process group, SIGKILL after 2 s; resolves on exit. */
	stop(): Promise<void>;
};

export function runInPty(argv: readonly string[], options: {env: NodeJS.ProcessEnv; columns: number; rows: number; waitFor: string; timeoutMs: number}): PtyRun {
	const command = `stty cols ${options.columns} rows ${options.rows}; exec ${argv.map(shellQuote).join(' ')}`;
	const start = performance.now();
	const child = spawn('script', ['-qfec', command, '/dev/null'], {detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: options.env});
	let raw = '';
	let exited = false;
	const closed = new Promise<void>((resolve) => child.on('close', () => {
		exited = true;
		resolve();
	}));
	const appeared = new Promise<number | null>((resolve) => {
		const timer = setTimeout(() => resolve(null), options.timeoutMs);
		child.stdout!.on('data', (chunk: Buffer) => {
			raw += chunk.toString('utf8');
			// Only the tail can newly contain the text; strip a window large enough to hold it.
			if (stripAnsi(raw.slice(-Math.max(65_536, options.waitFor.length * 8))).includes(options.waitFor)) {
				clearTimeout(timer);
				resolve(performance.now() - start);
			}
		});
		void closed.then(() => {
			clearTimeout(timer);
			resolve(null);
		});
	});
	child.stderr!.on('data', () => {});
	return {
		child,
		appeared,
		output: () => raw,
		write: (data) => {
			if (!exited) child.stdin!.write(data);
		},
		stop: async () => {
			if (exited) return;
			try {
				process.kill(-child.pid!, 'SIGTERM');
			} catch {
				return;
			}
			const timer = setTimeout(() => {
				try {
					process.kill(-child.pid!, 'SIGKILL');
				} catch {
					/* already gone */
				}
			}, 2_000);
			await closed;
			clearTimeout(timer);
		},
	};
}

/** The environment a user's terminal would give: no CI (Ink 6 draws nothing under CI), a real TERM. */
export function terminalEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', ...extra};
	delete env.CI;
	delete env.CONTINUOUS_INTEGRATION;
	delete env.NODE_ENV;
	delete env.COLUMNS;
	delete env.LINES;
	return env;
}
