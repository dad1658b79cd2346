/**
 * A warm start draws the first screen of the stored copy and decodes the
 * rest after it (store/state-file.ts loadBlogStateHead): through the real
 * CLI, a key typed before the rest has landed acts on the whole blog, and
 * the file is left holding all of it.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeEach, describe, expect, it} from 'vitest';
import {startCli, useServerAndHomes} from '../helpers/run-cli.js';
import {rss, type Item} from './rss.js';

const pretendTty = fileURLToPath(new URL('./hooks/pretend-tty.mjs', import.meta.url));
/** Many more posts than a 30-row screen shows: the first screen alone is a small part of them. */
const items: Item[] = Array.from({length: 60}, (_, i) => ({guid: `p${i + 1}`, title: `Post number ${i + 1}`, minute: i + 1, html: `<p>Report ${i + 1}.</p>`}));

const fixture = useServerAndHomes();
beforeEach(() => {
	fixture.server.route('/feed', {body: rss('Warm blog', items)});
});

function stored(): {entries: number; seen: string[]} {
	const dir = join(fixture.homes.env.XDG_STATE_HOME, 'liveblog');
	const [file] = readdirSync(dir).filter((name) => name.endsWith('.json'));
	const state = JSON.parse(readFileSync(join(dir, file!), 'utf8')) as {blog: {entries: unknown[]}; seen: string[]};
	return {entries: state.blog.entries.length, seen: state.seen};
}

describe('a warm start', () => {
	it('acts on the whole stored blog for a key typed at once, and keeps the whole of it', async () => {
		const first = startCli([fixture.server.url('/feed')], {env: fixture.homes.env, nodeArgs: ['--import', pretendTty]});
		await first.waitForStdout((text) => text.includes('Post number 60'));
		first.child.stdin.write('q');
		expect((await first.exited).code).toBe(0);
		const before = stored();
		expect(before.entries).toBe(60);

		// The feed now fails: what the second run shows came from the stored copy.
		fixture.server.route('/feed', {status: 503});
		const cli = startCli([fixture.server.url('/feed')], {env: fixture.homes.env, nodeArgs: ['--import', pretendTty]});
		// Typed before the first frame: G waits for the whole blog and goes to its oldest post.
		cli.child.stdin.write('G');
		await cli.waitForStdout((text) => text.includes('Post number 60'));
		await cli.waitForStdout((text) => /Post number 1\b(?!\d)/.test(text));
		cli.child.stdin.write('q');
		expect((await cli.exited).code).toBe(0);
		expect(stored()).toEqual(before);
	});
});
