/**
 * A real terminal for tests: a private tmux server (its own -L socket, killed
 * at the end), one detached session per program, and pipe-pane recording
 * every raw byte the program writes to the terminal. The program is held at
 * a start line until the recording runs, so no byte is missed.
 *
 * CI is removed from the environment: Ink draws nothing while it is set.
 */
import {execFile, execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export function tmuxAvailable(): boolean {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

function shellQuote(word: string): string {
	return `'${word.replace(/'/g, `'\\''`)}'`;
}

function cleanEnv(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION' && key !== 'TMUX' && key !== 'TMUX_PANE') env[key] = value;
	}
	return env;
}

export type Pane = {
	readonly name: string;
	/** Every byte the program wrote to the terminal so far. */
	raw(): Buffer;
	/** The screen as text (tmux capture-pane). */
	capture(): Promise<string>;
	/** Sends bytes as if typed (or as a terminal's reply), given as hex pairs or a string. */
	send(bytes: string | Buffer): Promise<void>;
	/** Polls the screen until `predicate` holds; returns the last capture. */
	waitFor(predicate: (screen: string) => boolean, timeoutMs?: number): Promise<string>;
	/** Polls the raw bytes until `predicate` holds. */
	waitForRaw(predicate: (raw: Buffer) => boolean, timeoutMs?: number): Promise<Buffer>;
	/** Whether the program has exited, and its status. */
	/** `signal` is set when the program was killed by one (tmux pane_dead_signal). */
	status(): Promise<{dead: boolean; code: number | null; signal?: number}>;
	/** Polls until the program has exited (or the timeout passed); returns its status. */
	waitExit(timeoutMs?: number): Promise<{dead: boolean; code: number | null; signal?: number}>;
	pid(): Promise<number>;
};

export type TmuxServer = {
	start(name: string, argv: readonly string[], options?: {env?: Readonly<Record<string, string>>; columns?: number; rows?: number}): Promise<Pane>;
	/** Kills this private server only, and removes its files. */
	close(): Promise<void>;
};

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createTmuxServer(): TmuxServer {
	const socket = `liveblog-hostile-${process.pid}-${Date.now()}`;
	const work = mkdtempSync(join(tmpdir(), 'liveblog-pty-'));
	const env = cleanEnv();
	const tmux = (...args: string[]): Promise<string> =>
		new Promise((resolve, reject) => {
			execFile('tmux', ['-L', socket, '-f', '/dev/null', ...args], {env, encoding: 'utf8'}, (error, stdout) => (error ? reject(error) : resolve(stdout)));
		});

	return {
		async start(name, argv, options = {}) {
			const rawFile = join(work, `${name}.raw`);
			const ready = join(work, `${name}.ready`);
			const assignments = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`);
			const exitFile = join(work, `${name}.exit`);
			// The program runs as the shell's child and the shell writes its exit
			// status to a file: tmux's own #{pane_dead_status} was sometimes left
			// empty (seen in about one full run in three), so it is not relied on.
			const command = `while [ ! -e ${shellQuote(ready)} ]; do sleep 0.02; done; env -u CI -u CONTINUOUS_INTEGRATION ${assignments.join(' ')} ${argv.map(shellQuote).join(' ')}; echo $? > ${shellQuote(exitFile)}`;
			await tmux('new-session', '-d', '-s', name, '-x', String(options.columns ?? 100), '-y', String(options.rows ?? 30), command);
			await tmux('set-option', '-w', '-t', name, 'remain-on-exit', 'on');
			writeFileSync(rawFile, '');
			await tmux('pipe-pane', '-o', '-t', name, `cat >> ${shellQuote(rawFile)}`);
			writeFileSync(ready, '');
			const raw = (): Buffer => (existsSync(rawFile) ? readFileSync(rawFile) : Buffer.alloc(0));
			const capture = (): Promise<string> => tmux('capture-pane', '-p', '-t', name);
			const status = async (): Promise<{dead: boolean; code: number | null; signal?: number}> => {
				const out = (await tmux('display-message', '-p', '-t', name, '#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}')).trim().split('|');
				const code = out[1] === undefined || out[1] === '' ? null : Number(out[1]);
				const signal = out[2] === undefined || out[2] === '' ? undefined : Number(out[2]);
				return signal === undefined ? {dead: out[0] === '1', code} : {dead: out[0] === '1', code, signal};
			};
			return {
				name,
				raw,
				capture,
				async send(bytes) {
					const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
					await tmux('send-keys', '-t', name, '-H', ...[...buffer].map((b) => b.toString(16).padStart(2, '0')));
				},
				async waitFor(predicate, timeoutMs = 15_000) {
					const end = Date.now() + timeoutMs;
					let screen = await capture();
					while (!predicate(screen) && Date.now() < end) {
						await pause(50);
						screen = await capture();
					}
					return screen;
				},
				async waitForRaw(predicate, timeoutMs = 15_000) {
					const end = Date.now() + timeoutMs;
					let bytes = raw();
					while (!predicate(bytes) && Date.now() < end) {
						await pause(50);
						bytes = raw();
					}
					return bytes;
				},
				status,
				/** `code` is the program's exit status as its shell saw it (128 + n after signal n). */
				async waitExit(timeoutMs = 10_000) {
					const end = Date.now() + timeoutMs;
					while (!existsSync(exitFile) && Date.now() < end) await pause(50);
					if (!existsSync(exitFile)) return {dead: (await status()).dead, code: null};
					const code = Number(readFileSync(exitFile, 'utf8').trim());
					return {dead: true, code: Number.isNaN(code) ? null : code};
				},
				/** The program's pid: the pane's shell's child (env execs the program). */
				async pid() {
					const shell = (await tmux('display-message', '-p', '-t', name, '#{pane_pid}')).trim();
					for (let i = 0; i < 100; i++) {
						const child = spawnSync('pgrep', ['-P', shell], {encoding: 'utf8'}).stdout.trim().split('\n')[0];
						if (child) return Number(child);
						await pause(20);
					}
					throw new Error(`no program running in pane ${name}`);
				},
			};
		},
		async close() {
			await tmux('kill-server').catch(() => undefined);
			rmSync(work, {recursive: true, force: true});
			// tmux leaves its socket (and a .lock) behind when its server is killed.
			const socketDir = join(process.env['TMUX_TMPDIR'] ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`);
			for (const leftover of [socket, `${socket}.lock`]) rmSync(join(socketDir, leftover), {force: true});
		},
	};
}
