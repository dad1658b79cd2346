/**
 * A private tmux server (its own -L socket, started with our environment and
 * killed at the end), for measurements that need a real terminal for a long
 * time. Only the server this module started is ever killed.
 */
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {promisify} from 'node:util';

const run = promisify(execFile);

export type Tmux = {
	/** Start `argv` in a new window of the given name; resolves with the pane's pid (the program itself, via exec). */
	open(name: string, argv: readonly string[], env: Readonly<Record<string, string>>): Promise<number>;
	capture(name: string): Promise<string>;
	close(): Promise<void>;
};

function shellQuote(arg: string): string {
	return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function createTmux(columns: number, rows: number): Tmux {
	const socket = `liveblog-bench-${process.pid}`;
	let started = false;
	const tmux = (...args: string[]) => run('tmux', ['-L', socket, '-f', '/dev/null', ...args]);
	return {
		async open(name, argv, env) {
			const assignments = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
			// env -u: Ink 6 draws nothing while CI is set, and the tmux server inherits ours.
			const command = `exec env -u CI -u CONTINUOUS_INTEGRATION -u NODE_ENV TERM=xterm-256color ${assignments.join(' ')} ${argv.map(shellQuote).join(' ')}`;
			if (!started) {
				await tmux('new-session', '-d', '-s', 'bench', '-n', name, '-x', String(columns), '-y', String(rows), command);
				started = true;
			} else {
				await tmux('new-window', '-d', '-t', 'bench', '-n', name, command);
			}
			const {stdout} = await tmux('list-panes', '-t', `bench:${name}`, '-F', '#{pane_pid}');
			return Number(stdout.trim().split('\n')[0]);
		},
		async capture(name) {
			const {stdout} = await tmux('capture-pane', '-p', '-t', `bench:${name}`);
			return stdout;
		},
		async close() {
			if (started) await tmux('kill-server').catch(() => undefined);
			started = false;
		},
	};
}

/** utime + stime of a process in clock ticks (CLK_TCK is 100 on Linux), or null when it is gone. */
export function cpuTicks(pid: number): number | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name may contain spaces; fields after the closing parenthesis are fixed.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return Number(fields[11]) + Number(fields[12]);
	} catch {
		return null;
	}
}

export function rssBytes(pid: number): number | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /VmRSS:\s+(\d+) kB/.exec(status);
		return match ? Number(match[1]) * 1024 : null;
	} catch {
		return null;
	}
}
