/**
 * The built CLI in a real terminal (tmux), against a loopback server serving
 * injection payloads. Every raw byte the program writes is recorded
 * (pipe-pane) and checked: only the program's own sequences (alternate
 * screen and mode switches, SGR, OSC 8 to http(s), OSC 2 title) may appear;
 * nothing the feed sent may act as a sequence. Also: terminal replies on
 * stdin are not keys, and the terminal is restored on `q`, on SIGTERM and
 * on an uncaught exception, before anything is printed.
 *
 * Hostile catalogue groups: terminal injection (1 case) and terminal/process
 * faults (3 cases). Skipped, with the reason, when tmux or dist/ is missing.
 */
import {writeFileSync} from 'node:fs';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startFeedServer, type FeedServer} from '../helpers/feed-server.js';
import {CLI, cliBuilt} from '../helpers/hostile-cli.js';
import {BEL, ESC, ST, rssFeed} from '../helpers/hostile-payloads.js';
import {createTmuxServer, tmuxAvailable, type TmuxServer} from '../helpers/pty.js';

const ready = tmuxAvailable() && cliBuilt();
if (!ready) {
	process.stderr.write(`tty-raw.test.ts skipped: ${tmuxAvailable() ? 'dist/cli.js is missing (run npm run build)' : 'tmux is not installed'}\n`);
}

const ENTER_ALT = `${ESC}[?1049h`;
const LEAVE_ALT = `${ESC}[?1049l`;
const SHOW_CURSOR = `${ESC}[?25h`;

/** Payloads chosen so the program itself never writes them: any occurrence came from the feed. */
const payload = [
	`${ESC}]52;c;cm0gLXJmIH4=${BEL}`,
	`${ESC}[6n`,
	`${ESC}[21t`,
	`${ESC}]0;pwned${BEL}`,
	`${ESC}Ptmux;${ESC}${ESC}]52;c;aGk=${BEL}${ST}`,
	'\u009B5i',
	'\u009D2;c1title\u009C',
	`${ESC}]8;;javascript:alert(1)${BEL}click${ESC}]8;;${BEL}`,
	'left\u202Ethgir',
].join(' ');

function oscSequences(text: string): {code: string; body: string}[] {
	return [...text.matchAll(/\u001B\](\d*);?([^\u0007\u001B]*)(?:\u0007|\u001B\\)/g)].map((m) => ({code: m[1] ?? '', body: m[2] ?? ''}));
}

describe.skipIf(!ready)('tty: the built CLI in tmux, raw bytes', {concurrent: true, timeout: 45_000}, () => {
	let server: FeedServer;
	let tmux: TmuxServer;
	let home = '';
	let env: Record<string, string> = {};

	beforeAll(async () => {
		home = mkdtempSync(join(tmpdir(), 'liveblog-tty-'));
		env = {XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config'), HOME: home, TERM: 'xterm-256color', NODE_ENV: 'production'};
		server = await startFeedServer();
		server.route(
			'/feed.xml',
			{
				headers: {'content-type': 'application/rss+xml'},
				body: rssFeed({
					title: `Hostile ${payload}`,
					items: [
						{id: 'a', title: `Alpha ${payload}`, author: `Writer ${payload}`, html: `<p>Body ${payload}</p><p><a href="javascript:alert(1)">bad link</a> <a href="https://ok.example/page">good link</a></p>`},
						{id: 'b', title: 'Bravo plain headline', date: 'Sun, 01 Mar 2026 09:00:00 GMT', html: '<p>Quiet text.</p>'},
					],
				}),
			},
		);
		tmux = createTmuxServer();
		writeFileSync(
			join(home, 'crash.mjs'),
			`const write = process.stdout.write.bind(process.stdout);
let armed = false;
process.stdout.write = function (chunk, ...rest) {
	if (!armed && String(chunk).includes('\\u001b[?1049h')) {
		armed = true;
		setTimeout(() => { throw new Error('boom \\u001b]52;c;aGk=\\u0007\\u001b[2J end'); }, 400);
	}
	return write(chunk, ...rest);
};
`,
		);
	});
	afterAll(async () => {
		await tmux?.close();
		await server?.close();
		rmSync(home, {recursive: true, force: true});
	});

	it('injection payloads: nothing from the feed acts as a sequence; replies on stdin are not keys; q restores the terminal', async () => {
		const pane = await tmux.start('inject', [process.execPath, CLI, '--no-state', '--interval', '60', server.url('/feed.xml')], {env});
		const screen = await pane.waitFor((s) => s.includes('Alpha'));
		expect(screen).toContain('Alpha ␛]52;c;cm0gLXJmIH4=␇');

		// What terminals send unasked or in answer to queries, with 'q' (quit) inside each one.
		await pane.send(`${ESC}[?1;2c`);
		await pane.send(`${ESC}]11;rgb:qqqq/qqqq/qqqq${BEL}`);
		await pane.send(`${ESC}]10;rgb:ffff/ffff/ffff${ST}`);
		await pane.send(`${ESC}P1$rq0m${ST}`);
		await pane.send(`${ESC}[12;40R${ESC}[I${ESC}[O`);
		await pane.send(`${ESC}[200~q${ESC}]52;c;aGk=${BEL}q${ESC}[201~`);
		// The next real key still works: it proves the replies were read and consumed, not queued.
		await pane.send('G');
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect((await pane.status()).dead).toBe(false);
		expect(await pane.capture()).toContain('Hostile');

		await pane.send('q');
		const raw = (await pane.waitForRaw((bytes) => bytes.includes(LEAVE_ALT))).toString('utf8');
		const text = raw;
		expect(text.indexOf(ENTER_ALT)).toBeGreaterThanOrEqual(0);
		expect(text.lastIndexOf(LEAVE_ALT)).toBeGreaterThan(text.indexOf(ENTER_ALT));
		expect(text.slice(text.lastIndexOf(LEAVE_ALT))).toContain(SHOW_CURSOR);
		// Nothing the feed sent, as a sequence:
		expect(text).not.toContain(`${ESC}]52`);
		expect(text).not.toContain(`${ESC}[6n`);
		expect(text).not.toContain(`${ESC}[21t`);
		expect(text).not.toContain(`${ESC}]0;`);
		expect(text).not.toContain(`${ESC}P`);
		expect(text).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
		// Only the program's own OSCs: hyperlinks to http(s) and the window title, with clean bodies.
		for (const osc of oscSequences(text)) {
			expect(['2', '8']).toContain(osc.code);
			if (osc.code === '8' && osc.body !== ';') expect(osc.body).toMatch(/^;https?:\/\/[\x21-\x7e]+$/);
			expect(osc.body).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
		}
		expect(text).not.toContain('javascript:alert(1)\u0007');
		expect(await pane.waitExit()).toEqual({dead: true, code: 0});
	});

	it('SIGTERM: the terminal is restored (alternate screen left, cursor shown, modes off) and the exit is clean', async () => {
		const pane = await tmux.start('term', [process.execPath, CLI, '--no-state', '--interval', '60', server.url('/feed.xml')], {env});
		await pane.waitFor((s) => s.includes('Alpha'));
		process.kill(await pane.pid(), 'SIGTERM');
		const raw = (await pane.waitForRaw((bytes) => bytes.includes(LEAVE_ALT))).toString('utf8');
		const tail = raw.slice(raw.lastIndexOf(LEAVE_ALT) - 40);
		expect(tail).toContain(LEAVE_ALT);
		expect(tail).toContain(SHOW_CURSOR);
		expect(raw).toContain(`${ESC}[?1000l`);
		expect(raw).toContain(`${ESC}[?2004l`);
		expect((await pane.waitExit()).dead).toBe(true);
	});

	it('stdin is not a TTY (< /dev/null) but stdout is: the screen is drawn, nothing crashes, SIGTERM restores', async () => {
		const command = `exec ${[process.execPath, CLI, '--no-state', '--interval', '60', server.url('/feed.xml')].map((w) => `'${w}'`).join(' ')} < /dev/null`;
		const pane = await tmux.start('nostdin', ['sh', '-c', command], {env});
		const screen = await pane.waitFor((s) => s.includes('Alpha'));
		expect(screen).toContain('Alpha');
		expect((await pane.status()).dead).toBe(false);
		process.kill(await pane.pid(), 'SIGTERM');
		const raw = (await pane.waitForRaw((bytes) => bytes.includes(LEAVE_ALT))).toString('utf8');
		expect(raw).toContain(LEAVE_ALT);
		expect(raw).not.toMatch(/Raw mode is not supported|\n\s+at /);
		expect((await pane.waitExit()).dead).toBe(true);
	});

	it('an uncaught exception: the terminal is restored BEFORE the one-line message, which is itself sanitised', async () => {
		const pane = await tmux.start('crash', [process.execPath, '--import', join(home, 'crash.mjs'), CLI, '--no-state', '--interval', '60', server.url('/feed.xml')], {env});
		const raw = (await pane.waitForRaw((bytes) => bytes.includes('boom'))).toString('utf8');
		const leave = raw.lastIndexOf(LEAVE_ALT);
		const message = raw.indexOf('boom');
		expect(leave).toBeGreaterThan(raw.indexOf(ENTER_ALT));
		expect(message).toBeGreaterThan(leave);
		expect(raw.slice(leave, message)).toContain(SHOW_CURSOR);
		const status = await pane.waitExit();
		expect(status.dead).toBe(true);
		expect(status.code).not.toBe(0);
		const after = raw.slice(message);
		expect(after).not.toMatch(/\n\s+at /);
		// The message shows the escape as text; it must not write to the clipboard or clear the screen.
		expect(after).not.toContain(`${ESC}]52`);
		expect(after).not.toContain(`${ESC}[2J`);
	});
});
