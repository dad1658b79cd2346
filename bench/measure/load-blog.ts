/**
 * A big blog loaded the way the app loads one: RSS documents parsed by the
 * app's own adapter and dispatched into the app's reducer as poll-succeeded
 * actions. The 10,000 posts arrive as 20 pages of 500, oldest page first
 * (a page of newer posts does not remove older ones: see Coverage), because
 * one 20 MB document would hit the fetch size cap.
 */
import type {ParsedBlog} from '../../src/model/blog.js';
import type {State} from '../../src/state/state.js';
import {emitRss} from '../data/emit-rss.js';
import {generateBlog, type BlogData} from '../data/posts.js';
import type {Modules} from './app-modules.js';

export const BLOG_URL = 'http://127.0.0.1:9/bench/rss.xml';
const PAGE = 500;

export function parseRss(modules: Modules, blog: BlogData, url = BLOG_URL): ParsedBlog {
	const bytes = Buffer.from(emitRss(blog, url), 'utf8');
	const result = modules.parseDocument({url, status: 200, headers: {'content-type': 'application/rss+xml'}, bytes}, {});
	if (result.kind !== 'blog') throw new Error(`the RSS adapter did not read the bench blog: ${result.kind}`);
	return result.blog;
}

/** Pages of the blog, oldest first, each a ParsedBlog read by the app's adapter. */
export function parsedPages(modules: Modules, blog: BlogData): ParsedBlog[] {
	const pages: ParsedBlog[] = [];
	for (let end = blog.posts.length; end > 0; end -= PAGE) {
		pages.push(parseRss(modules, {...blog, posts: blog.posts.slice(Math.max(0, end - PAGE), end)}));
	}
	return pages;
}

export type Loaded = {readonly state: State; readonly blog: BlogData; readonly endMs: number; readonly entries: number};

export function loadState(modules: Modules, count: number, viewport: {columns: number; rows: number}, endMs: number): Loaded {
	const blog = generateBlog({count, seed: 10_000 + count, endMs});
	let state = modules.initialState([{url: BLOG_URL, stored: null}], viewport);
	let at = endMs;
	for (const page of parsedPages(modules, blog)) {
		at += 1_000;
		state = modules.reduce(state, {
			type: 'poll-succeeded',
			tab: 0,
			at,
			blog: page,
			sourceUrl: BLOG_URL,
			via: null,
			validators: {},
			next: {at: at + 30_000, delayMs: 30_000, reason: 'fixed'},
		});
	}
	return {state, blog, endMs: at, entries: state.tabs[0]?.blog?.entries.length ?? 0};
}
