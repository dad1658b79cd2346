/**
 * Hostile catalogue, group 6: terminal and process faults without a
 * terminal (the PTY cases are in tty-raw.test.ts). Terminal replies and
 * pasted escape sequences on stdin must never become keys; a closed pipe
 * (EPIPE), a non-TTY stdin and a bad poll in follow mode must not kill the
 * process or print a stack trace.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {reduce} from '../../src/state/reducer.js';
import {initialState} from '../../src/state/state.js';
import {createAppStore} from '../../src/ui/hooks/use-app-state.js';
import {handleInput} from '../../src/ui/hooks/use-keys.js';
import {createInputDecoder, type InputEvent} from '../../src/ui/input-decoder.js';
import {keyTable} from '../../src/ui/keymap.js';
import {startFeedServer, type FeedServer} from '../helpers/feed-server.js';
import {cliBuilt, controlBytes, runCli, tempHome} from '../helpers/hostile-cli.js';
import {AT, BEL, ESC, ST, parseFormat, rssFeed} from '../helpers/hostile-payloads.js';

type ReplyRow = {readonly name: string; readonly chunks: readonly string[]; readonly events: readonly InputEvent[]};

const key = (input: string): InputEvent => ({kind: 'key', input, key: {name: null, ctrl: false}});

// Each reply carries letters that are commands (q quits, j/k scroll, G, n, y, o):
// read as keys they would act. After each reply a real 'j' must still be one key.
const replies: readonly ReplyRow[] = [
	{name: 'primary device attributes (ESC[?1;2c)', chunks: [`${ESC}[?1;2c`], events: []},
	{name: 'secondary device attributes (ESC[>0;95;0c)', chunks: [`${ESC}[>0;95;0c`], events: []},
	{name: 'cursor position report (ESC[12;40R)', chunks: [`${ESC}[12;40R`], events: []},
	{name: 'focus in/out (ESC[I ESC[O)', chunks: [`${ESC}[I${ESC}[O`], events: []},
	{name: 'OSC 11 background colour, BEL-terminated', chunks: [`${ESC}]11;rgb:qqqq/jjjj/GGGG${BEL}`], events: []},
	{name: 'OSC 10 foreground colour, ST-terminated', chunks: [`${ESC}]10;rgb:ffff/ffff/ffff${ST}`], events: []},
	{name: 'OSC reply split across three reads', chunks: [`${ESC}]11;rgb:`, 'qqqq/yyyy', `/oooo${BEL}`], events: []},
	{name: 'DCS reply (DECRQSS)', chunks: [`${ESC}P1$r0;1mq${ST}`], events: []},
	{name: 'XTVERSION reply (DCS >|)', chunks: [`${ESC}P>|tmux 3.3a${ST}`], events: []},
	{name: 'APC and PM strings', chunks: [`${ESC}_Gq=1;OK${ST}${ESC}^qqq${ST}`], events: []},
	// A terminal with 8-bit controls (S8C1T) answers with C1 introducers.
	{name: 'C1 CSI (U+009B) and C1 OSC (U+009D) replies', chunks: ['\u009B?1;2c\u009D11;rgb:q/q/q\u009C'], events: []},
	{name: 'bracketed paste of escape sequences', chunks: [`${ESC}[200~q${ESC}]52;c;aGk=${BEL}G${ESC}[201~`], events: [{kind: 'paste', text: `q${ESC}]52;c;aGk=${BEL}G`}]},
];

describe('process faults: terminal replies on stdin are consumed whole', () => {
	it.each(replies.map((row) => [row.name, row] as const))('%s', (_name, row) => {
		const decoder = createInputDecoder();
		const events = row.chunks.flatMap((chunk) => decoder.push(chunk));
		expect(events).toEqual(row.events);
		expect(decoder.push('j')).toEqual([key('j')]);
	});

	it('through the real key handler: no 7-bit reply changes the state or runs a command', () => {
		const blog = parseFormat('rss', {items: [{id: 'a', title: 'One'}, {id: 'b', title: 'Two'}]});
		let state = initialState([{url: 'https://news.example/feed', stored: null}], {columns: 100, rows: 30});
		state = reduce(state, {type: 'poll-succeeded', tab: 0, at: AT, blog, sourceUrl: 'https://news.example/feed', via: null, validators: {}, next: {at: AT + 1, delayMs: 1, reason: 'fixed'}});
		const store = createAppStore(state);
		const commands: string[] = [];
		const decoder = createInputDecoder();
		for (const row of replies) {
			if (row.name.startsWith('C1')) continue;
			for (const chunk of row.chunks) for (const event of decoder.push(chunk)) handleInput(event, store, keyTable, (command) => commands.push(command), () => AT);
		}
		expect(commands).toEqual([]);
		expect(store.getState()).toBe(state);
	});
});

describe.skipIf(!cliBuilt())('process faults: the built CLI', {concurrent: true, timeout: 40_000}, () => {
	let server: FeedServer;
	// Made in beforeAll so a skipped block leaves no directory behind.
	let home: ReturnType<typeof tempHome>;
	const many = rssFeed({title: 'Many', items: Array.from({length: 1500}, (_, i) => ({id: `m${i}`, title: `Post number ${i}`, html: `<p>${'Text of the post. '.repeat(10)}</p>`}))});
	const one = rssFeed({title: 'Follow', items: [{id: 'a', title: 'First post'}]});
	const two = rssFeed({title: 'Follow', items: [{id: 'b', title: 'Recovered post', date: 'Sun, 01 Mar 2026 11:00:00 GMT'}, {id: 'a', title: 'First post'}]});

	beforeAll(async () => {
		home = tempHome();
		server = await startFeedServer();
		server.route('/many', {body: many, headers: {'content-type': 'application/rss+xml'}});
		server.route('/small', {body: one, headers: {'content-type': 'application/rss+xml'}});
		server.route(
			'/flaky',
			{body: one, headers: {'content-type': 'application/rss+xml'}},
			{body: '<rss><channel><title>cut', headers: {'content-type': 'application/rss+xml'}},
			{body: two, headers: {'content-type': 'application/rss+xml'}},
		);
	});
	afterAll(async () => {
		await server.close();
		home.remove();
	});

	it('EPIPE: the reader closes the pipe after the first chunk (like `| head -1`): exit 0, no stack trace', async () => {
		const run = await runCli(['--once', '--no-state', server.url('/many')], {
			env: home.env,
			onSpawn: (child) => child.stdout!.once('data', () => child.stdout!.destroy()),
		});
		expect(run.timedOut).toBe(false);
		expect(run.code).toBe(0);
		expect(run.stderr.toString()).not.toMatch(/Error|\n\s+at /);
	});

	it('stdin is a pipe full of escape sequences and "q": --once ignores it, exit 0, output clean', async () => {
		const run = await runCli(['--once', '--no-state', server.url('/small')], {env: home.env, stdin: `q${ESC}[?1;2c${ESC}]11;rgb:0/0/0${BEL}qqq\u0003`});
		expect(run.code).toBe(0);
		expect(run.stdout.toString()).toContain('First post');
		expect(controlBytes(run.stdout)).toEqual([]);
	});

	it('follow mode survives a bad poll: one error line on stderr, then the next good poll prints the new post', async () => {
		let out = '';
		const run = await runCli(['--interval', '1', '--no-state', server.url('/flaky')], {
			env: home.env,
			timeoutMs: 20_000,
			onSpawn: (child) =>
				child.stdout!.on('data', (chunk: Buffer) => {
					out += chunk.toString();
					if (out.includes('Recovered post')) child.kill('SIGTERM');
				}),
		});
		expect(run.timedOut).toBe(false);
		const errors = run.stderr.toString().trim().split('\n');
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^liveblog: could not read the feed from 127\.0\.0\.1:\d+: /);
		expect(run.stdout.toString()).toContain('First post');
		expect(run.stdout.toString()).toContain('Recovered post');
		expect(controlBytes(run.stderr)).toEqual([]);
	});

	it('--json with an unreachable URL: exit 1, one stderr line naming the host, nothing on stdout', async () => {
		const closed = await startFeedServer();
		const url = closed.url('/gone');
		await closed.close();
		const run = await runCli(['--json', '--once', '--no-state', url], {env: home.env});
		expect(run.code).toBe(1);
		expect(run.stdout.length).toBe(0);
		expect(run.stderr.toString()).toMatch(/^liveblog: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\n$/);
	});
});
