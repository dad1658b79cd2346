/**
 * How the TUI starts (the built CLI, stdin and stdout made to look like a
 * terminal by pretend-tty.mjs): without a stored copy the first poll runs in
 * a worker and the tab's own poller takes over from it, sending back the
 * validators it got; an address no source accepts is a usage error, before
 * the screen is taken or, with a stored copy already drawn, as the screen
 * closes.
 */
import {fileURLToPath} from 'node:url';
import {describe, expect, it, vi} from 'vitest';
import {startCli, useServerAndHomes} from '../helpers/run-cli.js';
import {itemA, rss} from './rss.js';

const pretendTty = fileURLToPath(new URL('./hooks/pretend-tty.mjs', import.meta.url));
const ENTER_ALT = '\u001b[?1049h';
const usage = 'Usage: liveblog [options] <url|name>...   (liveblog --help for every option)';

const fixture = useServerAndHomes();

function tui(args: readonly string[]) {
	return startCli(args, {env: fixture.homes.env, nodeArgs: ['--import', pretendTty]});
}

describe('the TUI start', () => {
	it('draws the worker’s first poll, then its own poller polls on schedule with the validators the worker got', async () => {
		fixture.server.route('/feed', {body: rss('Worker blog', [itemA]), etag: '"w1"'});
		const cli = tui(['--no-state', '--interval', '1', fixture.server.url('/feed')]);
		await cli.waitForStdout(text => text.includes('Bridge closes to traffic'));
		await vi.waitFor(() => expect(fixture.server.hits('/feed')).toBeGreaterThanOrEqual(2), {timeout: 10_000, interval: 50});
		cli.kill('SIGTERM');
		await cli.exited;
		const [first, second] = fixture.server.requests('/feed');
		expect(first?.headers['if-none-match']).toBeUndefined();
		expect(second?.headers['if-none-match']).toBe('"w1"');
	});

	it('says an address no source accepts is a usage error before the screen is taken', async () => {
		const cli = tui(['--source', 'guardian', fixture.server.url('/feed')]);
		const result = await cli.exited;
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(`liveblog: not a web address: ${fixture.server.url('/feed')}\n${usage}\n`);
		expect(result.stdout).not.toContain(ENTER_ALT);
		expect(fixture.server.hits()).toBe(0);
	});

	it('with a stored copy on screen, closes the screen and says so when the flags make the address unusable', async () => {
		fixture.server.route('/feed', {body: rss('Stored blog', [itemA])});
		const first = tui([fixture.server.url('/feed')]);
		await first.waitForStdout(text => text.includes('Bridge closes to traffic'));
		first.child.stdin.write('q');
		expect((await first.exited).code).toBe(0);

		const cli = tui(['--source', 'guardian', fixture.server.url('/feed')]);
		const result = await cli.exited;
		expect(result.code).toBe(2);
		expect(result.stdout).toContain('Bridge closes to traffic');
		// Ink shows the cursor again on stderr as it exits, after these two lines.
		expect(result.stderr.split('\n').slice(0, 2)).toEqual([`liveblog: not a web address: ${fixture.server.url('/feed')}`, usage]);
	});
});
