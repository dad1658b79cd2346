import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {emptyConfig, lineOf, loadConfig, parseConfig} from '../../src/config/load-config.js';
import {configPath} from '../../src/config/paths.js';

const good = `# my liveblog settings
interval = 20
theme = "light"

[blogs]
ukraine = "https://www.example.org/world/live/ukraine"
storm = "guardian:world/live/2026/nov/28/storm"

[guardian]
key = "abc123"
api = "http://127.0.0.1:8080/capi"

[notify]
bell = "all"
desktop = true

[keys]
scroll-down = ["j", "down"]
open-link = "o"
`;

describe('config paths', () => {
	it('uses XDG_CONFIG_HOME when absolute, else ~/.config', () => {
		expect(configPath({XDG_CONFIG_HOME: '/x/conf'})).toBe('/x/conf/liveblog/config.toml');
		expect(configPath({HOME: '/home/r'})).toBe('/home/r/.config/liveblog/config.toml');
		expect(configPath({XDG_CONFIG_HOME: 'relative', HOME: '/home/r'})).toBe('/home/r/.config/liveblog/config.toml');
	});
});

describe('parseConfig', () => {
	it('reads every setting of a good file', () => {
		const loaded = parseConfig(good, '/c.toml');
		expect(loaded.problems).toEqual([]);
		expect(loaded.status).toBe('loaded');
		expect(loaded.config).toEqual({
			blogs: {ukraine: 'https://www.example.org/world/live/ukraine', storm: 'guardian:world/live/2026/nov/28/storm'},
			intervalSeconds: 20,
			guardianKey: 'abc123',
			guardianApi: 'http://127.0.0.1:8080/capi',
			theme: 'light',
			bell: 'all',
			desktop: true,
			keys: {'scroll-down': ['j', 'down'], 'open-link': ['o']},
		});
	});

	it('an empty file is all defaults', () => {
		expect(parseConfig('', '/c.toml')).toEqual({config: emptyConfig, problems: [], status: 'loaded'});
	});

	it('a syntax error names the line and column and falls back to defaults', () => {
		const loaded = parseConfig('interval = 20\n[blogs]\nukraine = = "x"\n', '/home/r/.config/liveblog/config.toml');
		expect(loaded.status).toBe('invalid');
		expect(loaded.config).toEqual(emptyConfig);
		expect(loaded.problems).toHaveLength(1);
		expect(loaded.problems[0]).toMatch(/^\/home\/r\/\.config\/liveblog\/config\.toml line 3, column \d+: .+; starting with default settings$/);
	});

	it('an unterminated string and a duplicate key are errors with their lines', () => {
		expect(parseConfig('theme = "dark\n', '/c.toml').problems[0]).toMatch(/^\/c\.toml line 1, column \d+: /);
		expect(parseConfig('a = 1\n\ntheme = "dark"\ntheme = "light"\n', '/c.toml').problems[0]).toMatch(/^\/c\.toml line 4, column \d+: /);
	});

	it('a wrong value names its line and only that setting falls back', () => {
		const loaded = parseConfig('theme = "pink"\ninterval = 0\n[blogs]\nok = "https://example.org/a"\nbad = "ftp://example.org/b"\n[notify]\ndesktop = "yes"\n', '/c.toml');
		expect(loaded.status).toBe('invalid');
		expect(loaded.config.blogs).toEqual({ok: 'https://example.org/a'});
		expect(loaded.config.theme).toBeNull();
		expect(loaded.config.intervalSeconds).toBeNull();
		expect(loaded.problems).toHaveLength(4);
		expect(loaded.problems).toEqual(expect.arrayContaining([
			'/c.toml line 5: blogs.bad must be an http(s) URL or guardian:<id>; using the default',
			'/c.toml line 2: interval must be a number of seconds, 1 or more, or "adaptive"; using the default',
			'/c.toml line 1: theme must be one of "dark", "light", "auto"; using the default',
			'/c.toml line 7: notify.desktop must be true or false; using the default',
		]));
	});

	it('reports unknown top-level settings and wrong shapes', () => {
		const loaded = parseConfig('colour = "red"\nblogs = "x"\n[keys]\nquit = 3\n', '/c.toml');
		expect(loaded.problems).toContain('/c.toml line 1: colour is not a liveblog setting; ignored');
		expect(loaded.problems).toContain('/c.toml line 2: blogs must be a table of name = "url"; using the default');
		expect(loaded.problems).toContain('/c.toml line 4: keys.quit must be a key or a list of keys; using the default');
	});

	it('interval "adaptive" is allowed', () => {
		expect(parseConfig('interval = "adaptive"\n', '/c.toml')).toMatchObject({problems: [], config: {intervalSeconds: null}});
	});

	it('lineOf finds a key inside its table only', () => {
		expect(lineOf('key = 1\n[guardian]\nkey = 2\n', 'guardian', 'key')).toBe(3);
		expect(lineOf('key = 1\n[guardian]\nkey = 2\n', null, 'key')).toBe(1);
	});
});

describe('loadConfig', () => {
	let dir = '';
	afterEach(() => {
		if (dir !== '') rmSync(dir, {recursive: true, force: true});
	});

	it('a missing file is no problem', () => {
		dir = mkdtempSync(join(tmpdir(), 'lb-config-'));
		expect(loadConfig(join(dir, 'nope.toml'))).toEqual({config: emptyConfig, problems: [], status: 'missing'});
	});

	it('reads a file from disk; a directory in its place is reported, not thrown', () => {
		dir = mkdtempSync(join(tmpdir(), 'lb-config-'));
		const path = join(dir, 'config.toml');
		writeFileSync(path, good);
		expect(loadConfig(path).config.blogs['ukraine']).toBe('https://www.example.org/world/live/ukraine');
		const loaded = loadConfig(dir);
		expect(loaded.status).toBe('invalid');
		expect(loaded.problems[0]).toContain('cannot be read (EISDIR)');
	});
});
