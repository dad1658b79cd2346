/**
 * The built CLI against a loopback news page whose JSON-LD LiveBlogPosting
 * (inside `@graph`) changes between polls (issue 3): `--json` through a first
 * read, a new post, an edit and a deletion; and `--once` as plain text.
 */
import {describe, expect, it, type TestContext} from 'vitest';
import {runCli, startCli, tempHomes, type CliProcess, ndjsonLines, type NdjsonLine} from '../helpers/run-cli.js';
import {quayFirePage, startNewsPage, utc, type NewsPage, type NewsPageServer} from './e2e-news-page.js';



async function serve(context: TestContext, page: NewsPage): Promise<{server: NewsPageServer; homes: ReturnType<typeof tempHomes>}> {
	const server = await startNewsPage(page);
	const homes = tempHomes();
	context.onTestFinished(async () => {
		await server.close();
		homes.cleanup();
	});
	return {server, homes};
}

function follow(context: TestContext, url: string, env: Record<string, string>): CliProcess {
	const cli = startCli(['--json', '--interval', '1', '--no-state', url], {env, timeoutMs: 20_000});
	context.onTestFinished(async () => {
		cli.kill('SIGKILL');
		await cli.exited;
	});
	return cli;
}

describe('liveblog --json <news page with JSON-LD>', () => {
	it('prints the blog, then new, updated and removed posts as the page changes', async context => {
		const page = quayFirePage();
		const {server, homes} = await serve(context, page);
		const cli = follow(context, server.url, homes.env);
		const at = (fragment: string): string => `${server.url}#${fragment}`;

		const first = ndjsonLines(await cli.waitForStdout(text => ndjsonLines(text).length >= 4));
		expect(first).toHaveLength(4);
		expect(first[0]).toEqual({type: 'blog', url: server.url, title: 'Pellow Quay warehouse fire: live updates', live: true});
		expect(first.slice(1).map(line => [line.event, line.id, line.keyEvent])).toEqual([
			['initial', at('post-101'), false],
			['initial', at('post-102'), true],
			['initial', at('post-103'), false],
		]);
		// A headline that only repeats the start of its body is no title.
		expect(first[1]).toMatchObject({
			title: null,
			url: at('post-101'),
			published: '2026-11-28T09:00:00.000Z',
			updated: null,
			authors: ['Ines Okafor'],
			pinned: false,
			text: 'Fire crews were called to a warehouse on Pellow Quay shortly before 9am, the county fire service says.',
		});
		expect(first[2]).toMatchObject({
			title: 'Residents told to keep windows closed',
			authors: ['Ines Okafor', 'Dev Marsh'],
			text: 'People living within half a mile of the quay are asked to keep doors and windows shut because of the smoke.',
		});
		expect(first[3]).toMatchObject({title: null, authors: ['Dev Marsh'], text: 'Buses on the river road are being diverted along Tanner Street until further notice.'});

		// A new post.
		page.updates.push({
			fragment: 'post-104',
			headline: 'Fire under control, says county service',
			articleBody: '<p>The fire service says the blaze is under control. Crews will stay on the quay through the afternoon to damp down.</p>',
			published: utc(9, 50),
			author: {name: 'Ines Okafor'},
		});
		const afterNew = ndjsonLines(await cli.waitForStdout(text => ndjsonLines(text).length >= 5));
		expect(afterNew[4]).toMatchObject({
			event: 'new',
			id: at('post-104'),
			title: 'Fire under control, says county service',
			keyEvent: true,
			published: '2026-11-28T09:50:00.000Z',
			text: 'The fire service says the blaze is under control. Crews will stay on the quay through the afternoon to damp down.',
		});

		// An edit, with dateModified.
		const edited = page.updates.find(update => update.fragment === 'post-102');
		if (edited === undefined) throw new Error('fixture lost post-102');
		edited.articleBody = '<p>People living within a mile of the quay (not half a mile, as first reported) are asked to keep doors and windows shut.</p>';
		edited.modified = utc(10, 5);
		const afterEdit = ndjsonLines(await cli.waitForStdout(text => ndjsonLines(text).length >= 6));
		expect(afterEdit[5]).toMatchObject({
			event: 'updated',
			id: at('post-102'),
			title: 'Residents told to keep windows closed',
			published: '2026-11-28T09:20:00.000Z',
			updated: '2026-11-28T10:05:00.000Z',
			text: 'People living within a mile of the quay (not half a mile, as first reported) are asked to keep doors and windows shut.',
		});

		// A deletion.
		page.updates = page.updates.filter(update => update.fragment !== 'post-103');
		const afterDelete = ndjsonLines(await cli.waitForStdout(text => ndjsonLines(text).length >= 7));
		expect(afterDelete[6]).toMatchObject({event: 'removed', id: at('post-103'), text: 'Buses on the river road are being diverted along Tanner Street until further notice.'});

		const hitsBeforeStop = server.hits();
		cli.kill('SIGKILL');
		await cli.exited;
		// Unchanged polls in between printed nothing; each change was reported once.
		expect(ndjsonLines(cli.stdout())).toHaveLength(7);
		expect(hitsBeforeStop).toBeGreaterThanOrEqual(4);
		// The JSON-LD was used: the page's RSS link (a 404 here) was never followed, and nothing went wrong.
		expect(cli.stderr()).toBe('');
	}, 20_000);
});

describe('liveblog --once <news page with JSON-LD>', () => {
	it('prints the title and the posts as plain text and exits 0', async context => {
		const {server, homes} = await serve(context, quayFirePage());
		const result = await runCli(['--once', '--no-state', server.url], {env: homes.env, timeoutMs: 10_000});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^=+\nPellow Quay warehouse fire: live updates\nLIVE · 3 entries/);
		// An entry: time, authors and the key-event mark, its title, then the body wrapped at 80 columns (COLUMNS from the helper).
		expect(result.stdout).toContain(
			'2026-11-28 09:20 · Ines Okafor, Dev Marsh · [key event]\nResidents told to keep windows closed\n\nPeople living within half a mile of the quay are asked to keep doors and windows\nshut because of the smoke.\n',
		);
		expect(result.stdout).toContain('2026-11-28 09:35 · Dev Marsh\n\nBuses on the river road are being diverted along Tanner Street until further\nnotice.\n');
		// The truncated-body headline is not printed as a title.
		expect(result.stdout).not.toContain('Pellow Quay…');
		expect(result.stdout).not.toMatch(/\u001b/);
		expect(server.hits()).toBe(1);
	});
});
