import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {runCli, tempHomes} from '../helpers/run-cli.js';

let homes: ReturnType<typeof tempHomes>;
beforeEach(() => {
	homes = tempHomes();
});
afterEach(() => homes.cleanup());

describe('usage', () => {
	it('--help prints every option and exits 0', async () => {
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		for (const flag of ['--interval', '--once', '--json', '--demo', '--source', '--feed-index', '--guardian-key', '--guardian-api', '--forget', '--no-state', '--notify', '--theme', '--config', '--format', '--offline', '--version']) {
			expect(result.stdout).toContain(flag);
		}
	});

	it('--version prints the package version', async () => {
		const result = await runCli(['--version']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^liveblog \d+\.\d+\.\d+\n$/);
	});

	it('an unknown flag is a one-line error plus usage, exit 2', async () => {
		const result = await runCli(['--frobnicate', 'https://example.org/feed']);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe("liveblog: unknown option '--frobnicate'\nUsage: liveblog [options] <url|name>...   (liveblog --help for every option)\n");
	});

	it('a missing URL is a one-line error plus usage, exit 2', async () => {
		const result = await runCli([], {env: homes.env});
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n')[0]).toBe('liveblog: missing the blog URL');
	});

	it('an unknown name is exit 2', async () => {
		const result = await runCli(['--once', 'ukraine'], {env: homes.env});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain("'ukraine' is neither a URL nor a blog named in the config file");
	});
});

describe('--config', () => {
	it('prints the path and effective settings, using the config file and env', async () => {
		const dir = join(homes.env.XDG_CONFIG_HOME, 'liveblog');
		mkdirSync(dir, {recursive: true});
		writeFileSync(join(dir, 'config.toml'), 'interval = 12\n[blogs]\nstorm = "https://example.org/storm"\n[notify]\nbell = "all"\n');
		const result = await runCli(['--config'], {env: {...homes.env, GUARDIAN_API_URL: 'http://127.0.0.1:1/capi'}});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain(`config file: ${join(dir, 'config.toml')} (loaded)`);
		expect(result.stdout).toContain(`state dir:   ${join(homes.env.XDG_STATE_HOME, 'liveblog')}`);
		expect(result.stdout).toContain('interval = 12');
		expect(result.stdout).toContain('bell = "all"');
		expect(result.stdout).toContain('api = "http://127.0.0.1:1/capi"');
		expect(result.stdout).toContain('storm = "https://example.org/storm"');
	});

	it('a broken config file is reported with its line and the defaults are used', async () => {
		const dir = join(homes.env.XDG_CONFIG_HOME, 'liveblog');
		mkdirSync(dir, {recursive: true});
		writeFileSync(join(dir, 'config.toml'), 'theme = "dark"\n\n[blogs\nstorm = "x"\n');
		const result = await runCli(['--config'], {env: homes.env});
		expect(result.code).toBe(0);
		expect(result.stderr).toMatch(new RegExp(`^liveblog: ${join(dir, 'config.toml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 3, column \\d+: .*; starting with default settings\\n$`));
		expect(result.stdout).toContain('(invalid)');
		expect(result.stdout).toContain('theme = "auto"');
	});
});

describe('--forget', () => {
	it('says when nothing is stored, exit 0', async () => {
		const result = await runCli(['--forget', 'https://example.org/feed'], {env: homes.env});
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('nothing stored for https://example.org/feed\n');
	});
});
