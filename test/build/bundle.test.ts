/**
 * dist/cli.js is an esbuild bundle with chunks under dist/chunks/
 * (scripts/bundle.mjs, run by `npm run build`). Moving code into chunks moves
 * its import.meta.url, so what is read relative to it is checked here on the
 * built files: package.json for --version and for the User-Agent.
 */
import {accessSync, constants, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {cliPath, runCli, useServerAndHomes} from '../helpers/run-cli.js';
import {itemA, rss} from '../cli/rss.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as {version: string};

const fixture = useServerAndHomes();

describe('the bundled CLI', () => {
	it('is an executable script with the node shebang on its first line', () => {
		expect(readFileSync(cliPath, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
		expect(() => accessSync(cliPath, constants.X_OK)).not.toThrow();
	});

	it('is a bundle: its code is in dist/chunks, not imported from dist/output or node_modules', () => {
		const text = readFileSync(cliPath, 'utf8');
		// `npx tsc -p tsconfig.build.json` alone rewrites dist/cli.js unbundled; `npm run build` bundles it.
		expect(text.includes('./chunks/'), 'dist/cli.js is not the bundle: run `npm run build`').toBe(true);
		expect(text).toMatch(/import\(["']\.\/chunks\/[\w-]+\.js["']\)/);
		expect(text).not.toMatch(/["']\.\/output\//);
	});

	it('keeps React and Ink out of dist/cli.js, in chunks that the lean-start markers recognise', () => {
		const markers = ['react.transitional.element', 'ink-virtual-text'];
		const chunks = join(dist, 'chunks');
		const holding = (marker: string): string[] =>
			readdirSync(chunks)
				.filter(name => name.endsWith('.js') && readFileSync(join(chunks, name), 'utf8').includes(marker))
				.map(name => name.replace(/-\w+\.js$/, ''));
		for (const marker of markers) {
			expect(readFileSync(cliPath, 'utf8')).not.toContain(marker);
			expect(holding(marker).length).toBeGreaterThan(0);
		}
	});

	it('finds package.json for --version', async () => {
		const result = await runCli(['--version'], {env: fixture.homes.env});
		expect(result.stdout).toBe(`liveblog ${pkg.version}\n`);
	});

	it('sends the package version in the User-Agent from its network chunk', async () => {
		fixture.server.route('/feed', {body: rss('Agent blog', [itemA])});
		const result = await runCli(['--once', '--no-state', fixture.server.url('/feed')], {env: fixture.homes.env});
		expect(result.code).toBe(0);
		expect(fixture.server.requests('/feed')[0]?.headers['user-agent']).toMatch(new RegExp(`^liveblog/${pkg.version.replaceAll('.', '\\.')} `));
	});
});
