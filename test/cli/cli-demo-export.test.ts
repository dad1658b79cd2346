import {describe, expect, it} from 'vitest';
import {runCli, startCli, useServerAndHomes} from '../helpers/run-cli.js';
import {itemA, itemB, itemC, rss} from './rss.js';

const fixture = useServerAndHomes();

describe('liveblog --demo', () => {
	it('serves its own blog: live, with key events and a pinned post (read as --json --once)', async () => {
		const result = await runCli(['--demo', '--json', '--once'], {env: fixture.homes.env});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const lines = result.stdout.trimEnd().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
		expect(lines[0]).toMatchObject({type: 'blog', title: 'Storm Ilse live: hurricane-force winds reach the Marren coast', live: true});
		const entries = lines.slice(1);
		expect(entries).toHaveLength(12);
		expect(entries.filter(e => e['pinned'] === true).map(e => e['id'])).toEqual(['ilse-000']);
		expect(entries.filter(e => e['keyEvent'] === true).map(e => e['title'])).toContain('Red warning issued for the whole coast');
		expect(entries.find(e => e['id'] === 'ilse-007')?.['text']).toContain('> We\'ve boarded up');
	});
});

describe('several blogs', () => {
	it('--once prints each blog in the order given', async () => {
		fixture.server.route('/one', {body: rss('First blog', [itemA])});
		fixture.server.route('/two', {body: rss('Second blog', [itemB])});
		const result = await runCli(['--once', fixture.server.url('/one'), fixture.server.url('/two')], {env: fixture.homes.env});
		expect(result.code).toBe(0);
		expect(result.stdout.indexOf('First blog')).toBeGreaterThanOrEqual(0);
		expect(result.stdout.indexOf('First blog')).toBeLessThan(result.stdout.indexOf('Second blog'));
		expect(result.stdout.indexOf('Bridge closes')).toBeLessThan(result.stdout.indexOf('Queues are building'));
	});

	it('a name from the config file opens its URL', async () => {
		const {mkdirSync, writeFileSync} = await import('node:fs');
		const {join} = await import('node:path');
		mkdirSync(join(fixture.homes.env.XDG_CONFIG_HOME, 'liveblog'), {recursive: true});
		fixture.server.route('/named', {body: rss('Named blog', [itemC])});
		writeFileSync(join(fixture.homes.env.XDG_CONFIG_HOME, 'liveblog', 'config.toml'), `[blogs]\nstorm = "${fixture.server.url('/named')}"\n`);
		const result = await runCli(['--once', 'storm'], {env: fixture.homes.env});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Named blog');
		expect(result.stdout).toContain('Bridge reopens');
	});
});

describe('a closed pipe', () => {
	it('exits 0 without a stack trace when the reader stops reading (| head)', async () => {
		const many = Array.from({length: 1500}, (_, i) => ({guid: `g${i}`, minute: i % 59, html: `<p>${'Post number ' + i + ' with some words to make it longer. '.repeat(4)}</p>`}));
		fixture.server.route('/big', {body: rss('Big blog', many)});
		const cli = startCli(['--once', fixture.server.url('/big')], {env: fixture.homes.env});
		await cli.waitForStdout(text => text.length > 0);
		cli.child.stdout.destroy();
		const result = await cli.exited;
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
	});
});

describe('liveblog export', () => {
	it('writes Markdown with key events first, then every entry', async () => {
		fixture.server.route('/feed', {body: rss('Storm desk live', [itemA, itemB, itemC])});
		const result = await runCli(['export', fixture.server.url('/feed'), '--format', 'md'], {env: fixture.homes.env});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout.startsWith('# Storm desk live\n')).toBe(true);
		const keys = result.stdout.indexOf('## Key events');
		const all = result.stdout.indexOf('## All entries, oldest first');
		expect(keys).toBeGreaterThan(0);
		expect(result.stdout.slice(keys, all)).toContain('[Bridge reopens](#entry-c)');
		expect(result.stdout.slice(all)).toContain('*2026-11-28 10:02 UTC+00:00 · by Ben Ode*\n\nQueues are building on the coast road.\n\n- Use the ring road\n- Expect delays\n\nLink: <https://example.org/live#b>');
	});

	it('writes HTML and JSON', async () => {
		fixture.server.route('/feed', {body: rss('Storm desk live', [itemA])});
		const html = await runCli(['export', fixture.server.url('/feed'), '--format', 'html'], {env: fixture.homes.env});
		expect(html.code).toBe(0);
		expect(html.stdout).toMatch(/^<!doctype html>/);
		expect(html.stdout).toContain('<h3>Bridge closes to traffic</h3>');
		const json = await runCli(['export', fixture.server.url('/feed'), '--format', 'json'], {env: fixture.homes.env});
		expect(json.code).toBe(0);
		expect(JSON.parse(json.stdout)).toMatchObject({blog: {title: 'Storm desk live'}, keyEvents: ['a'], entries: [{id: 'a', authors: ['Ana Ruiz']}]});
	});

	it('--offline without a stored copy says so, exit 1', async () => {
		const result = await runCli(['export', fixture.server.url('/feed'), '--offline'], {env: fixture.homes.env});
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(`liveblog: no stored copy of ${fixture.server.url('/feed')} (open it once with \`liveblog ${fixture.server.url('/feed')}\`, or export without --offline)\n`);
		expect(fixture.server.hits()).toBe(0);
	});
});
