/** Scrolling back past the newest blocks of a Guardian blog loads older ones, once at a time. */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import type {Blog, ParsedBlog} from '../../src/model/blog.js';
import type {OlderOutcome} from '../../src/ui/hooks/use-pollers.js';
import {renderApp} from '../helpers/app-harness.js';
import {entries, parsed, T0} from '../helpers/blog-factory.js';
import {tick} from '../helpers/render.js';

afterEach(() => cleanup());

type Ask = {blog: Blog; signal: AbortSignal; resolve(outcome: OlderOutcome): Promise<void>};

function scripted(): {asks: Ask[]; handle: () => {loadOlder: (blog: Blog, signal: AbortSignal) => Promise<OlderOutcome>}} {
	const asks: Ask[] = [];
	return {
		asks,
		handle: () => ({
			loadOlder: (blog, signal) =>
				new Promise<OlderOutcome>((done) => {
					asks.push({
						blog,
						signal,
						async resolve(outcome) {
							done(outcome);
							for (let i = 0; i < 4; i++) await tick();
						},
					});
				}),
		}),
	};
}

/** The 20 newest posts, e20 … e39, as the first answer lists them. */
const newest = () => entries(40, (i) => ({title: `Post ${i}`, body: `Text of post ${i}.`})).slice(0, 20);
const older = (from: number, to: number): ParsedBlog =>
	parsed(entries(to, (i) => ({title: `Post ${i}`, body: `Text of post ${i}.`})).filter((e) => Number(e.id.slice(1)) >= from), {format: 'guardian'});

const lastPaneRow = (lines: string[]): string => lines.at(-2)!.split('│').at(-1)!;

describe('older posts on demand', () => {
	test('reaching the end loads older posts, shown below without a highlight; then "beginning of the blog"', async () => {
		const script = scripted();
		const app = renderApp({initial: newest(), initialBlog: {format: 'guardian'}, handle: script.handle});
		await app.waitForFrame((f) => f.includes('Post 39'));
		expect(script.asks).toHaveLength(0);
		await app.press('G');
		expect(script.asks).toHaveLength(1);
		expect(script.asks[0]!.blog.entries.at(-1)!.id).toBe('e20');
		expect(lastPaneRow(app.lines())).toContain('loading older posts…');
		expect(app.frame()).toContain('Post 20');
		// Further keys at the end do not ask again while the load runs.
		await app.press('j', 'G');
		expect(script.asks).toHaveLength(1);

		await script.asks[0]!.resolve({kind: 'loaded', blog: older(5, 25)});
		expect(app.frame()).not.toContain('loading older posts');
		// What the reader was reading stays put: the older posts wait below.
		expect(app.frame()).toContain('Post 20');
		expect(app.frame()).not.toContain('NEW');
		expect(app.lines()[1]).not.toContain('new post');

		await app.press('G');
		expect(app.frame()).toContain('Post 5');
		expect(script.asks).toHaveLength(2);
		expect(script.asks[1]!.blog.entries.at(-1)!.id).toBe('e5');
		await script.asks[1]!.resolve({kind: 'loaded', blog: older(0, 8)});
		await app.press('G');
		expect(app.frame()).toContain('Post 0');
		expect(script.asks).toHaveLength(3);
		// Nothing older than e0: the blog begins here, and nobody asks again.
		await script.asks[2]!.resolve({kind: 'loaded', blog: older(0, 3)});
		expect(lastPaneRow(app.lines())).toContain('beginning of the blog');
		await app.press('g', 'G');
		expect(script.asks).toHaveLength(3);
		expect(lastPaneRow(app.lines())).toContain('beginning of the blog');
	});

	test('a failed load says so at the bottom and is tried again after leaving the end', async () => {
		const script = scripted();
		const app = renderApp({initial: newest(), initialBlog: {format: 'guardian'}, handle: script.handle, columns: 160});
		await app.waitForFrame((f) => f.includes('Post 39'));
		await app.press('G');
		await script.asks[0]!.resolve({kind: 'failed', failure: {kind: 'http', status: 503, statusText: '', host: 'content.guardianapis.com'}});
		expect(lastPaneRow(app.lines())).toContain('older posts could not be loaded: HTTP 503 from content.guardianapis.com');
		await app.press('G');
		expect(script.asks).toHaveLength(1);
		await app.press('g', 'G');
		expect(script.asks).toHaveLength(2);
		expect(lastPaneRow(app.lines())).toContain('loading older posts…');
	});

	test('only Guardian blogs, and only the whole list (not a filtered one), ask for older posts', async () => {
		const script = scripted();
		const rss = renderApp({initial: newest(), handle: script.handle});
		await rss.waitForFrame((f) => f.includes('Post 39'));
		await rss.press('G');
		expect(script.asks).toHaveLength(0);
		expect(rss.frame()).not.toContain('older posts');
		rss.unmount();

		const guardian = renderApp({initial: newest(), initialBlog: {format: 'guardian'}, handle: script.handle});
		await guardian.waitForFrame((f) => f.includes('Post 39'));
		await guardian.press('/', 'P', 'o', 's', 't', ' ', '3');
		await guardian.press('G');
		expect(script.asks).toHaveLength(0);
	});
});
