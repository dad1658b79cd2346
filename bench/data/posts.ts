/**
 * The posts of a generated live blog, independent of any format. Deterministic
 * for a seed: the same count and seed give the same posts on every run; only
 * `endMs` (when the newest post was published) places them in time.
 */
import {postHtml, plainStart} from './html-body.js';
import {createRng} from './rng.js';
import {authors, headlines} from './words.js';

export type Post = {
	readonly id: string;
	/** A real headline, or null for an untitled post. */
	readonly title: string | null;
	readonly published: number;
	readonly updated: number | null;
	readonly author: string;
	/** Raw HTML. */
	readonly html: string;
	readonly keyEvent: boolean;
	readonly pinned: boolean;
	readonly summary: boolean;
};

export type BlogData = {
	readonly title: string;
	readonly description: string;
	readonly homeUrl: string;
	readonly live: boolean;
	/** Newest first. */
	readonly posts: readonly Post[];
};

/** The title of the newest post: what the first-frame measurement waits for. */
export const NEWEST_TITLE = 'Harbour wall holds as the last tide turns';

export type BlogOptions = {
	readonly count: number;
	readonly seed: number;
	readonly endMs: number;
	/** HTML bytes per post, on average. */
	readonly bodyBytes?: number;
	/** Average gap between posts. */
	readonly gapMs?: number;
};

export function generatePost(index: number, seed: number, published: number, bodyBytes: number): Post {
	const rng = createRng(seed * 1_000_003 + index);
	const html = postHtml(rng, Math.round(bodyBytes * (0.6 + rng.next() * 0.8)));
	const keyEvent = rng.chance(0.06);
	const titled = keyEvent || rng.chance(0.25);
	return {
		id: `post-${seed}-${String(index).padStart(6, '0')}`,
		title: titled ? `${rng.pick(headlines)}${rng.chance(0.2) ? ' 🌊' : ''}` : null,
		published,
		updated: rng.chance(0.1) ? published + rng.int(60_000, 1_800_000) : null,
		author: rng.pick(authors),
		html,
		keyEvent,
		pinned: false,
		summary: false,
	};
}

export function generateBlog(options: BlogOptions): BlogData {
	const bodyBytes = options.bodyBytes ?? 780;
	const gapMs = options.gapMs ?? 90_000;
	const rng = createRng(options.seed);
	const posts: Post[] = [];
	let at = options.endMs;
	for (let i = options.count - 1; i >= 0; i--) {
		posts.push(generatePost(i, options.seed, at, bodyBytes));
		at -= rng.int(Math.round(gapMs * 0.2), Math.round(gapMs * 1.8));
	}
	const newest = posts[0];
	if (newest !== undefined) posts[0] = {...newest, title: NEWEST_TITLE, keyEvent: true, updated: null};
	// One pinned summary near the top, as live blogs keep one.
	const pinnedIndex = Math.min(40, posts.length - 1);
	const pinned = posts[pinnedIndex];
	if (pinned !== undefined && pinnedIndex > 0) {
		posts[pinnedIndex] = {...pinned, title: 'What we know so far', pinned: true, summary: true};
	}
	return {
		title: `Storm Halvard live: coastal towns brace for the second high tide (${options.count} posts)`,
		description: 'Rolling coverage of an invented storm, generated for the liveblog bench.',
		homeUrl: 'https://news.example.org/storm/live',
		live: true,
		posts,
	};
}

/** RSS-style titles for untitled posts: the first words of the body, as real feeds send. */
export function feedTitle(post: Post): string {
	return post.title ?? plainStart(post.html, 80);
}
