import {describe, expect, it} from 'vitest';
import {parseArgs, type Command, type UsageError} from '../../src/args.js';

function command(argv: string[]): Command {
	const result = parseArgs(argv);
	if (result.kind === 'usage-error') throw new Error(`unexpected usage error: ${result.message}`);
	return result;
}

function usageError(argv: string[]): string {
	const result = parseArgs(argv);
	expect(result.kind).toBe('usage-error');
	return (result as UsageError).message;
}

describe('parseArgs', () => {
	it('reads a URL with defaults: auto output, adaptive interval, state on', () => {
		const result = command(['https://example.org/feed']);
		expect(result).toMatchObject({kind: 'read', inputs: ['https://example.org/feed'], output: 'auto'});
		if (result.kind !== 'read') return;
		expect(result.flags).toEqual({
			intervalSeconds: null,
			source: null,
			feedIndex: null,
			guardianKey: null,
			guardianApi: null,
			state: 'on',
			notify: false,
			bell: null,
			theme: null,
		});
	});

	it('takes several blogs and every reading flag', () => {
		const result = command([
			'--interval', '2.5', '--source', 'atom', '--feed-index', '2', '--guardian-key', 'k', '--guardian-api', 'http://127.0.0.1:9/capi',
			'--no-state', '--notify', '--bell', 'all', '--theme', 'light', 'a', 'https://b.example/',
		]);
		expect(result).toMatchObject({
			kind: 'read',
			inputs: ['a', 'https://b.example/'],
			flags: {intervalSeconds: 2.5, source: 'atom', feedIndex: 2, guardianKey: 'k', guardianApi: 'http://127.0.0.1:9/capi', state: 'off', notify: true, bell: 'all', theme: 'light'},
		});
	});

	it.each([
		[['--once', 'u'], 'once'],
		[['--json', 'u'], 'json'],
		[['--json', '--once', 'u'], 'json-once'],
		[['u'], 'auto'],
	] as const)('%j is output mode %s', (argv, mode) => {
		expect(command([...argv])).toMatchObject({kind: 'read', output: mode});
	});

	it('help and version win over everything else', () => {
		expect(command(['--help'])).toEqual({kind: 'help'});
		expect(command(['-h', 'u'])).toEqual({kind: 'help'});
		expect(command(['-V'])).toEqual({kind: 'version'});
		expect(command(['--version', 'u'])).toEqual({kind: 'version'});
	});

	it('demo, config, forget', () => {
		expect(command(['--demo'])).toMatchObject({kind: 'demo', output: 'auto'});
		expect(command(['--demo', '--once'])).toMatchObject({kind: 'demo', output: 'once'});
		expect(command(['--config'])).toMatchObject({kind: 'show-config'});
		expect(command(['--forget', 'https://example.org/f'])).toEqual({kind: 'forget', input: 'https://example.org/f'});
	});

	it('export with format and offline; md by default', () => {
		expect(command(['export', 'u', '--format', 'html', '--offline'])).toMatchObject({kind: 'export', input: 'u', format: 'html', offline: true});
		expect(command(['export', 'u'])).toMatchObject({kind: 'export', format: 'md', offline: false});
	});

	it.each([
		[['--bogus', 'u'], "unknown option '--bogus'"],
		[['-x', 'u'], "unknown option '-x'"],
		[[], 'missing the blog URL'],
		[['--once'], 'missing the blog URL'],
		[['--interval', '0', 'u'], '--interval takes a number of seconds, 1 or more'],
		[['--interval', 'soon', 'u'], '--interval takes a number of seconds'],
		[['--interval'], "option '--interval <value>' argument missing"],
		[['--source', 'html', 'u'], '--source must be one of rss, atom, rdf, jsonfeed, jsonld, guardian, auto'],
		[['--feed-index', '0', 'u'], '--feed-index takes a whole number from 1'],
		[['--theme', 'pink', 'u'], '--theme must be one of dark, light, auto'],
		[['export'], 'export needs a blog URL or name'],
		[['export', 'a', 'b'], 'export takes one blog'],
		[['export', 'a', '--format', 'pdf'], '--format must be one of md, html, json'],
		[['--format', 'md', 'u'], '--format and --offline belong to `liveblog export`'],
		[['--demo', 'u'], '--demo takes no URL'],
		[['--forget', 'a', 'b'], '--forget takes one blog URL or name'],
		[['--once=yes', 'u'], "option '--once' does not take an argument"],
	])('%j is a usage error: %s', (argv, message) => {
		const got = usageError(argv);
		expect(got).toContain(message);
		expect(got).not.toContain('\n');
	});
});
