/**
 * The built CLI against a loopback imitation of the Guardian Content API
 * (issue 3): `--json` through a first load, a new post, an edit and a
 * deletion, and what it asked the API for on the way (the key, incremental
 * `published-since` polls, a periodic full re-read). Then 401/403/429: one
 * plain line on stderr each, and polling goes on.
 */
import {describe, expect, it, type TestContext} from 'vitest';
import {startCli, tempHomes, type CliProcess, ndjsonLines, type NdjsonLine} from '../helpers/run-cli.js';
import {startGuardianApi, tramBlog, utc, type GuardianApiServer, type GuardianBlock, type GuardianBlog} from './e2e-guardian.js';



/** Starts the imitation and the CLI; both end when the test does (the context's hook, so concurrent tests keep their own). */
async function follow(context: TestContext, blog: GuardianBlog, extraArgs: readonly string[] = []): Promise<{api: GuardianApiServer; cli: CliProcess}> {
	const api = await startGuardianApi(blog);
	const homes = tempHomes();
	const cli = startCli(['--json', '--interval', '1', '--no-state', '--guardian-api', api.origin, ...extraArgs, `guardian:${blog.contentId}`], {
		env: homes.env,
		timeoutMs: 20_000,
	});
	context.onTestFinished(async () => {
		cli.kill('SIGKILL');
		await cli.exited;
		await api.close();
		homes.cleanup();
	});
	return {api, cli};
}

function block(blog: GuardianBlog, id: string): GuardianBlock {
	const found = blog.blocks.find(entry => entry.id === id);
	if (found === undefined) throw new Error(`fixture has no ${id}`);
	return found;
}

const sinceMs = (request: {query: URLSearchParams}): number => Number(/^body:published-since:(\d+)$/.exec(request.query.get('show-blocks') ?? '')?.[1]);

type AuthFailure = {readonly status: number; readonly headers: Record<string, string>; readonly message: RegExp};

const authFailures: readonly AuthFailure[] = [
	{status: 401, headers: {}, message: /^liveblog: HTTP 401 from 127\.0\.0\.1:\d+: the server wants credentials; check the API key if this source uses one; trying again in \d+ s\n$/},
	{status: 403, headers: {}, message: /^liveblog: HTTP 403 from 127\.0\.0\.1:\d+: access refused; the API key may be wrong or over its limit, or the page is not public; trying again in \d+ s\n$/},
	{status: 429, headers: {'retry-after': '1'}, message: /^liveblog: HTTP 429: 127\.0\.0\.1:\d+ is rate-limiting us, asked to wait 1 s; trying again in \d+ s\n$/},
];

describe('liveblog --json guardian:<id> against a Content API imitation', () => {
	it('prints the blog, then a new post and an edit found by incremental published-since polls, with the default key', async context => {
		const blog = tramBlog();
		const {api, cli} = await follow(context, blog);
		const id = blog.contentId;

		// First load: the blog line, then the three posts oldest first, the key event flagged.
		const first = ndjsonLines(await cli.waitForStdout(text => ndjsonLines(text).length >= 4));
		expect(first).toHaveLength(4);
		expect(first[0]).toEqual({type: 'blog', url: `guardian:${id}`, title: 'Harrowgate trams: first day of the Quayside line – live', live: true});
		expect(first.slice(1).map(line => [line.event, line.id, line.keyEvent])).toEqual([
			['initial', 'blk-0001', false],
			['initial', 'blk-0002', true],
			['initial', 'blk-0003', false],
		]);
		expect(first[2]).toMatchObject({
			type: 'entry',
			title: 'First tram reaches Quayside',
			url: `https://www.theguardian.com/${id}?page=with:block-blk-0002#block-blk-0002`,
			published: '2026-11-28T06:20:00.000Z',
			authors: ['Mara Quell'],
			pinned: false,
			text: 'The first service pulled into Quayside stop four minutes late, to applause from a small crowd on the platform.',
		});
		expect(first[3]).toMatchObject({title: null, authors: ['Teo Brandt'], text: 'A reader writes that the ticket machines at Mill Street take only cards so far.'});

		// A new post.
		blog.blocks.push({
			id: 'blk-0004',
			title: 'Mill Street stop closed',
			bodyHtml: '<p>Trams are running through Mill Street without stopping while engineers look at a faulty platform door.</p>',
			firstPublished: utc(7, 0),
			lastModified: utc(7, 0, 30),
			keyEvent: true,
			author: {firstName: 'Teo', lastName: 'Brandt'},
		});
		const afterNew = ndjsonLines(await cli.waitForStdout(text => ndjsonLines(text).length >= 5));
		expect(afterNew[4]).toMatchObject({
			type: 'entry',
			event: 'new',
			id: 'blk-0004',
			title: 'Mill Street stop closed',
			keyEvent: true,
			published: '2026-11-28T07:00:00.000Z',
			text: 'Trams are running through Mill Street without stopping while engineers look at a faulty platform door.',
		});
		const newAt = api.requests.length;

		// An edit to the key event: republished, new text and modified date.
		const edited = block(blog, 'blk-0002');
		edited.bodyHtml = '<p>The first service pulled into Quayside stop six minutes late (not four, as we first said), to applause from a small crowd.</p>';
		edited.lastModified = utc(7, 10);
		edited.republished = utc(7, 10);
		const afterEdit = ndjsonLines(await cli.waitForStdout(text => ndjsonLines(text).length >= 6));
		expect(afterEdit[5]).toMatchObject({
			event: 'updated',
			id: 'blk-0002',
			title: 'First tram reaches Quayside',
			keyEvent: true,
			published: '2026-11-28T06:20:00.000Z',
			updated: '2026-11-28T07:10:00.000Z',
			text: 'The first service pulled into Quayside stop six minutes late (not four, as we first said), to applause from a small crowd.',
		});
		const editAt = api.requests.length;
		cli.kill('SIGKILL');
		await cli.exited;
		// Nothing else was printed: quiet polls print nothing, nothing was reported twice.
		expect(ndjsonLines(cli.stdout())).toHaveLength(6);
		expect(cli.stderr()).toBe('');

		// What the API was asked.
		const requests = api.requests;
		expect(requests.every(request => request.path === `/${id}` && request.status === 200)).toBe(true);
		expect(requests.every(request => request.query.getAll('api-key').join() === 'test')).toBe(true);
		expect(requests.map(request => request.kind)).not.toContain('other');
		const [load] = requests;
		expect(load?.kind).toBe('full');
		expect(load?.query.get('show-fields')?.split(',')).toEqual(expect.arrayContaining(['headline', 'standfirst', 'byline', 'liveBloggingNow', 'lastModified', 'shortUrl']));
		expect(load?.query.get('show-tags')).toBe('contributor');
		// The new post and the edit each came from an incremental poll carrying the newest time held.
		expect(requests[newAt - 1]?.kind).toBe('since');
		expect(requests[editAt - 1]?.kind).toBe('since');
		const since = requests.slice(1, editAt).filter(request => request.kind === 'since');
		expect(since.length).toBeGreaterThanOrEqual(2);
		for (const [index, request] of requests.entries()) {
			if (index === 0 || index >= editAt || request.kind !== 'since') continue;
			// Before the new post: the last post's modified time; after it, the new post's.
			expect(sinceMs(request)).toBe(index < newAt ? utc(6, 40, 30) : utc(7, 0, 30));
		}
		// A quiet incremental answer is a few hundred bytes; the first load is several kilobytes.
		const quiet = requests.filter(request => request.kind === 'since' && !request.hasBlocks);
		for (const request of quiet) expect(request.bytes).toBeLessThan(1024);
		expect(load?.bytes).toBeGreaterThan(3 * 1024);
	}, 20_000);

	it('reports a deleted post as removed at the periodic full re-read, within 5 polls on a quiet blog', async context => {
		const blog = tramBlog();
		const {api, cli} = await follow(context, blog);
		await cli.waitForStdout(text => ndjsonLines(text).length >= 4);
		const loadedAt = api.requests.length;
		blog.blocks = blog.blocks.filter(entry => entry.id !== 'blk-0003');

		// At one poll a second, five polls take about five seconds; allow eight.
		const out = await cli.waitForStdout(text => ndjsonLines(text).length >= 5, 8_000).catch(() => cli.stdout());
		const kinds = api.requests.map(request => request.kind);
		// guardian-source.ts: "every REREAD_EVERY_POLLS (5) polls … the latest 50 are read again". A quiet
		// blog's incremental answers are byte-identical (or 304 from the real API); the poller reports those
		// as not-modified without calling source.accept(), which is where polls are counted, so the count
		// must not depend on an answer having changed.
		expect(kinds.slice(loadedAt, loadedAt + 5), `request kinds: ${kinds.join(' ')}`).toContain('full');
		expect(ndjsonLines(out).slice(4).map(line => [line.event, line.id])).toEqual([['removed', 'blk-0003']]);
		expect(cli.stderr()).toBe('');
	}, 20_000);

	it.concurrent.for(authFailures)('a $status says so in one plain line on stderr, and polling goes on (with --guardian-key)', {timeout: 20_000}, async ({status, headers, message}, context) => {
		const blog = tramBlog();
		const {api, cli} = await follow(context, blog, ['--guardian-key', 'k-e2e-0042']);
		await cli.waitForStdout(text => ndjsonLines(text).length >= 4);

		api.failNext({status, headers, body: JSON.stringify({message: status === 429 ? 'API rate limit exceeded' : 'Invalid authentication credentials'})});
		const err = await cli.waitForStderr(text => text.includes('\n'));
		expect(err).toMatch(message);
		expect(err).not.toMatch(/\u001b|\n\s+at /);

		// Still polling: a post published after the error arrives as new.
		blog.blocks.push({
			id: 'blk-0005',
			bodyHtml: '<p>Services are back to every eight minutes in both directions.</p>',
			firstPublished: utc(7, 30),
			lastModified: utc(7, 30, 20),
			author: {firstName: 'Mara', lastName: 'Quell'},
		});
		const out = ndjsonLines(await cli.waitForStdout(text => ndjsonLines(text).length >= 5, 10_000));
		expect(out[4]).toMatchObject({event: 'new', id: 'blk-0005', text: 'Services are back to every eight minutes in both directions.'});
		expect(cli.stderr()).toBe(err);
		expect(api.requests.some(request => request.status === status)).toBe(true);
		expect(api.requests.every(request => request.query.get('api-key') === 'k-e2e-0042')).toBe(true);
	});
});
