import {describe, expect, it} from 'vitest';
import {startFeedServer} from '../helpers/feed-server.js';
import {runCli, useServerAndHomes} from '../helpers/run-cli.js';
import {itemA, itemB, rss} from './rss.js';

const fixture = useServerAndHomes();

describe('liveblog --once', () => {
	it('prints the blog as plain text, oldest first, and exits 0', async () => {
		fixture.server.route('/feed', {body: rss('Storm desk live', [itemA, itemB]), headers: {'content-type': 'application/rss+xml'}});
		const result = await runCli(['--once', fixture.server.url('/feed')], {env: fixture.homes.env});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const out = result.stdout;
		expect(out).toContain('Storm desk live\nlive status unknown · 2 entries\n');
		expect(out).toContain('2026-11-28 10:01 · Ana Ruiz');
		expect(out).toContain('Bridge closes to traffic\n\nThe Selvin bridge is closed in both directions.');
		expect(out).toContain('2026-11-28 10:02 · Ben Ode');
		expect(out).toContain('Queues are building on the coast road.\n\n• Use the ring road\n• Expect delays');
		expect(out.indexOf('Bridge closes')).toBeLessThan(out.indexOf('Queues are building'));
		expect(out).not.toMatch(/\u001b/);
	});

	it('never lets an escape sequence from the feed reach stdout', async () => {
		const hostile = {guid: 'h', title: 'Red \u001b[31malert\u001b]52;c;aGk=\u0007', minute: 5, html: '<p>wipe \u001b[2J now \u009b1m</p>'};
		fixture.server.route('/feed', {body: rss('Hostile \u001b[5m blog', [hostile])});
		const result = await runCli(['--once', fixture.server.url('/feed')], {env: fixture.homes.env});
		expect(result.code).toBe(0);
		expect(result.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
		expect(result.stdout).toContain('Red ␛[31malert');
	});

	it('--json --once prints the blog line and every entry oldest first, then exits 0', async () => {
		fixture.server.route('/feed', {body: rss('Storm desk live', [itemA, itemB])});
		const result = await runCli(['--json', '--once', fixture.server.url('/feed')], {env: fixture.homes.env});
		expect(result.code).toBe(0);
		const objects = result.stdout.trimEnd().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
		expect(objects[0]).toEqual({type: 'blog', url: fixture.server.url('/feed'), title: 'Storm desk live', live: null});
		expect(objects.slice(1).map(o => [o['event'], o['id']])).toEqual([
			['initial', 'a'],
			['initial', 'b'],
		]);
		expect(objects[1]).toMatchObject({title: 'Bridge closes to traffic', url: 'https://example.org/live#a', published: '2026-11-28T10:01:00.000Z', updated: null, authors: ['Ana Ruiz'], text: 'The Selvin bridge is closed in both directions.'});
		expect(objects[2]).toMatchObject({title: null, text: 'Queues are building on the coast road.\n\n• Use the ring road\n• Expect delays'});
	});
});

describe('bad input', () => {
	it('a 404 is one line on stderr naming the status and host, exit 1', async () => {
		fixture.server.route('/feed', {status: 404, statusText: 'Not Found', body: 'nope'});
		const result = await runCli(['--once', fixture.server.url('/feed')], {env: fixture.homes.env});
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(`liveblog: HTTP 404 Not Found from ${new URL(fixture.server.origin).host}\n`);
	});

	it('a 500 is one line on stderr, exit 1', async () => {
		fixture.server.route('/feed', {status: 500, body: 'oops'});
		const result = await runCli(['--once', fixture.server.url('/feed')], {env: fixture.homes.env});
		expect(result.code).toBe(1);
		expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(result.stderr).toContain(`HTTP 500`);
		expect(result.stderr).toContain(new URL(fixture.server.origin).host);
	});

	it('an HTML page that is no feed says what was found and from where', async () => {
		fixture.server.route('/page', {body: '<!doctype html><html><head><title>Shop</title></head><body><p>Buy things</p></body></html>', headers: {'content-type': 'text/html'}});
		const result = await runCli(['--once', fixture.server.url('/page')], {env: fixture.homes.env});
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^liveblog: .*127\.0\.0\.1.*HTML page.*\n$/);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('a feed that does not parse is one line, no stack trace', async () => {
		fixture.server.route('/feed', {body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken', headers: {'content-type': 'application/rss+xml'}});
		const result = await runCli(['--once', fixture.server.url('/feed')], {env: fixture.homes.env});
		expect(result.code).toBe(1);
		expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(result.stderr).toContain('127.0.0.1');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('an unreachable address is one line, exit 1', async () => {
		const closed = await startFeedServer();
		const url = closed.url('/feed');
		await closed.close();
		const result = await runCli(['--once', url], {env: fixture.homes.env});
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^liveblog: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\n$/);
	});
});
