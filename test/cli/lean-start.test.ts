/**
 * Issue 7: --once, --json and follow mode never import React or Ink. The
 * built CLI runs under a module-resolution hook that records every module it
 * loads; the assertion is on that list, not on timings.
 *
 * dist/cli.js is an esbuild bundle (scripts/bundle.mjs): React and Ink sit in
 * chunks under dist/chunks/, not in node_modules, so a loaded file counts as
 * UI code by what it holds: strings that only React, Ink and Yoga contain.
 * The same checks hold for tsc's unbundled dist/ (node_modules paths). The
 * control cases show that they do catch UI code when it loads.
 *
 * The TUI itself starts lean too: a stored copy is drawn before the network
 * and the parsers load (mark-frame.mjs puts the first frame into the log).
 */
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeEach, describe, expect, it, vi} from 'vitest';
import {runCli, startCli, useServerAndHomes} from '../helpers/run-cli.js';
import {itemA, rss} from './rss.js';

const hook = fileURLToPath(new URL('./hooks/record-imports.mjs', import.meta.url));
const pretendTty = fileURLToPath(new URL('./hooks/pretend-tty.mjs', import.meta.url));
const markFrame = fileURLToPath(new URL('./hooks/mark-frame.mjs', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');

/** Modules of the UI libraries, or our own UI, loaded as separate files (unbundled). */
const uiModules = /\/node_modules\/(react|react-reconciler|ink|yoga-layout|scheduler)\/|\/dist\/ui\//;
/**
 * Code that only the UI libraries hold, minified or not: React 19's element
 * type, Ink's host element names, Yoga's layout engine.
 */
const uiMarkers = ['react.transitional.element', "'ink-text'", '"ink-text"', 'ink-virtual-text', 'YGNodeCalculateLayout'];

function holdsUiCode(file: string): boolean {
	const text = readFileSync(file, 'utf8');
	return uiMarkers.some(marker => text.includes(marker));
}

/** The network and the parsers, loaded as separate files (unbundled). */
const netModules = /\/node_modules\/(undici|fast-xml-parser|htmlparser2|iconv-lite)\/|\/dist\/(sources|net)\//;
/**
 * Code that only they hold: undici's error codes (which our fetch code also
 * names), htmlparser2's handler names, a fast-xml-parser option, an
 * iconv-lite message.
 */
const netMarkers = ['UND_ERR_', 'onopentagname', 'ignoreAttributes', 'Encoding not recognized'];

function holdsNetCode(file: string): boolean {
	const text = readFileSync(file, 'utf8');
	return netMarkers.some(marker => text.includes(marker));
}

const fixture = useServerAndHomes();
beforeEach(() => {
	fixture.server.route('/feed', {body: rss('Lean blog', [itemA])});
});

function loaded(log: string): string[] {
	return readFileSync(log, 'utf8').split('\n').filter(line => line !== '');
}

/** The files of dist/ among the loaded modules. */
function distFiles(urls: readonly string[]): string[] {
	return [...new Set(urls.filter(url => url.startsWith('file:')).map(url => fileURLToPath(url)))].filter(file => file.startsWith(dist + '/'));
}

/** Loaded modules that are UI code, either as node_modules files or inside dist/ files. */
function uiLoaded(urls: readonly string[]): string[] {
	return [...urls.filter(url => uiModules.test(url)), ...distFiles(urls).filter(holdsUiCode)];
}

/** Loaded modules that fetch or parse, the same two ways. */
function netLoaded(urls: readonly string[]): string[] {
	return [...urls.filter(url => netModules.test(url)), ...distFiles(urls).filter(holdsNetCode)];
}

describe('a lean start', () => {
	it('the hook does record UI modules when something imports them (the check can fail)', () => {
		const log = join(fixture.homes.dir, 'control.log');
		const result = spawnSync(process.execPath, ['--import', hook, '--input-type=module', '-e', "await import('react')"], {
			cwd: root,
			env: {...process.env, LIVEBLOG_IMPORT_LOG: log},
		});
		expect(result.status).toBe(0);
		expect(loaded(log).some(url => uiModules.test(url))).toBe(true);
	});

	it('the TUI does load the UI code, and the check sees it (the check can fail)', async () => {
		const log = join(fixture.homes.dir, 'tui.log');
		const cli = startCli(['--no-state', fixture.server.url('/feed')], {
			env: {...fixture.homes.env, LIVEBLOG_IMPORT_LOG: log},
			nodeArgs: ['--import', hook, '--import', pretendTty],
		});
		await cli.waitForStdout(text => text.includes('Bridge closes to traffic'));
		cli.kill('SIGTERM');
		await cli.exited;
		expect(uiLoaded(loaded(log)).length).toBeGreaterThan(0);
	});

	it.each([[['--once']], [['--json', '--once']]])('liveblog %j loads neither React nor Ink', async flags => {
		const log = join(fixture.homes.dir, 'once.log');
		const result = await runCli([...flags, fixture.server.url('/feed')], {env: {...fixture.homes.env, LIVEBLOG_IMPORT_LOG: log}, nodeArgs: ['--import', hook]});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Bridge closes to traffic');
		const urls = loaded(log);
		// The run went through dist/ (bundled or not) and printed the blog: the list is not empty by accident.
		expect(distFiles(urls).length).toBeGreaterThan(1);
		expect(uiLoaded(urls)).toEqual([]);
	});

	it('follow mode loads neither React nor Ink', async () => {
		const log = join(fixture.homes.dir, 'follow.log');
		const cli = startCli(['--interval', '1', fixture.server.url('/feed')], {env: {...fixture.homes.env, LIVEBLOG_IMPORT_LOG: log}, nodeArgs: ['--import', hook]});
		await cli.waitForStdout(text => text.includes('Bridge closes to traffic'));
		cli.kill('SIGINT');
		expect((await cli.exited).code).toBe(0);
		const urls = loaded(log);
		expect(distFiles(urls).length).toBeGreaterThan(1);
		expect(uiLoaded(urls)).toEqual([]);
	});

	it('a TUI with a stored copy draws it before loading undici, the parsers or the poller, which load after', async () => {
		// A first run stores the blog: `q` saves it on the way out.
		const first = startCli([fixture.server.url('/feed')], {env: fixture.homes.env, nodeArgs: ['--import', pretendTty]});
		await first.waitForStdout(text => text.includes('Bridge closes to traffic'));
		first.child.stdin.write('q');
		expect((await first.exited).code).toBe(0);

		// The feed now fails: whatever the second run shows came from the stored copy.
		fixture.server.route('/feed', {status: 503});
		const log = join(fixture.homes.dir, 'warm.log');
		const cli = startCli([fixture.server.url('/feed')], {
			env: {...fixture.homes.env, LIVEBLOG_IMPORT_LOG: log, LIVEBLOG_FRAME_TEXT: 'Bridge closes to traffic'},
			nodeArgs: ['--import', hook, '--import', pretendTty, '--import', markFrame],
		});
		await cli.waitForStdout(text => text.includes('Bridge closes to traffic'));
		const afterFrame = (): string[] => {
			const urls = loaded(log);
			return urls.slice(urls.indexOf('frame'));
		};
		// The poller loads right after the frame: waiting for it shows that the check sees it.
		await vi.waitFor(() => expect(netLoaded(afterFrame())).not.toEqual([]), {timeout: 10_000, interval: 50});
		cli.kill('SIGTERM');
		await cli.exited;

		const urls = loaded(log);
		const before = urls.slice(0, urls.indexOf('frame'));
		expect(urls).toContain('frame');
		expect(uiLoaded(before).length).toBeGreaterThan(0);
		expect(netLoaded(before)).toEqual([]);
	});
});
