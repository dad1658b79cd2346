/**
 * Issue 7: --once, --json and follow mode never import React or Ink. The
 * built CLI runs under a module-resolution hook that records every module it
 * loads; the assertion is on that list, not on timings.
 */
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startFeedServer, type FeedServer} from '../helpers/feed-server.js';
import {runCli, startCli, tempHomes} from '../helpers/run-cli.js';
import {itemA, rss} from './rss.js';

const hook = fileURLToPath(new URL('./hooks/record-imports.mjs', import.meta.url));
const uiModules = /\/node_modules\/(react|react-reconciler|ink|yoga-layout|scheduler)\/|\/dist\/ui\//;

let server: FeedServer;
let homes: ReturnType<typeof tempHomes>;
beforeEach(async () => {
	server = await startFeedServer();
	homes = tempHomes();
	server.route('/feed', {body: rss('Lean blog', [itemA])});
});
afterEach(async () => {
	await server.close();
	homes.cleanup();
});

function loaded(log: string): string[] {
	return readFileSync(log, 'utf8').split('\n').filter(line => line !== '');
}

describe('a lean start', () => {
	it('the hook does record UI modules when something imports them (the check can fail)', () => {
		const log = join(homes.dir, 'control.log');
		const result = spawnSync(process.execPath, ['--import', hook, '--input-type=module', '-e', "await import('react')"], {
			cwd: fileURLToPath(new URL('../../', import.meta.url)),
			env: {...process.env, LIVEBLOG_IMPORT_LOG: log},
		});
		expect(result.status).toBe(0);
		expect(loaded(log).some(url => uiModules.test(url))).toBe(true);
	});

	it.each([[['--once']], [['--json', '--once']]])('liveblog %j loads neither React nor Ink', async flags => {
		const log = join(homes.dir, 'once.log');
		const result = await runCli([...flags, server.url('/feed')], {env: {...homes.env, LIVEBLOG_IMPORT_LOG: log}, nodeArgs: ['--import', hook]});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Bridge closes to traffic');
		const urls = loaded(log);
		expect(urls.some(url => url.endsWith('/dist/output/follow.js'))).toBe(true);
		expect(urls.filter(url => uiModules.test(url))).toEqual([]);
	});

	it('follow mode loads neither React nor Ink', async () => {
		const log = join(homes.dir, 'follow.log');
		const cli = startCli(['--interval', '1', server.url('/feed')], {env: {...homes.env, LIVEBLOG_IMPORT_LOG: log}, nodeArgs: ['--import', hook]});
		await cli.waitForStdout(text => text.includes('Bridge closes to traffic'));
		cli.kill('SIGINT');
		expect((await cli.exited).code).toBe(0);
		const urls = loaded(log);
		expect(urls.some(url => url.endsWith('/dist/net/poller.js'))).toBe(true);
		expect(urls.filter(url => uiModules.test(url))).toEqual([]);
	});
});
