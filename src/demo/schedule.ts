/**
 * What the demo blog looks like at a given moment: a pure function of the
 * time the demo started and the time now, so the server needs no timers and
 * tests can move the clock instead of waiting.
 */
import {demoEdit, demoInitialCount, demoPosts, type DemoPost} from './posts.js';

export const DEMO_POST_EVERY_MS = 5000;
/** Spacing of the posts already up at start, backdated so times look real. */
const BACKDATE_SPACING_MS = 7 * 60_000;

export type PublishedPost = DemoPost & {
	readonly publishedAt: number;
	/** Set once the post has been edited. */
	readonly updatedAt: number | null;
};

export type DemoSnapshot = {
	/** Oldest first. */
	readonly posts: readonly PublishedPost[];
	readonly live: boolean;
	/** When the blog last changed: drives Last-Modified and ETag. */
	readonly lastModified: number;
};

export function publishTime(index: number, startedAt: number, everyMs = DEMO_POST_EVERY_MS): number {
	return index < demoInitialCount
		? startedAt - (demoInitialCount - index) * BACKDATE_SPACING_MS
		: startedAt + (index - demoInitialCount + 1) * everyMs;
}

export function demoSnapshot(startedAt: number, now: number, everyMs = DEMO_POST_EVERY_MS): DemoSnapshot {
	const editIndex = demoPosts.findIndex(p => p.id === `ilse-${String(demoEdit.afterPost).padStart(3, '0')}`);
	const editAt = publishTime(editIndex, startedAt, everyMs);
	const edited = now >= editAt;
	const posts: PublishedPost[] = [];
	for (const [index, post] of demoPosts.entries()) {
		const publishedAt = publishTime(index, startedAt, everyMs);
		if (publishedAt > now) break;
		if (post.id === demoEdit.postId && edited) {
			posts.push({...post, html: demoEdit.html, publishedAt, updatedAt: editAt});
		} else {
			posts.push({...post, publishedAt, updatedAt: null});
		}
	}
	const last = posts.at(-1);
	const lastModified = Math.max(last?.publishedAt ?? startedAt, edited ? editAt : 0);
	// The closing post ends the blog, as a newsroom's "we are pausing" does.
	return {posts, live: posts.length < demoPosts.length, lastModified};
}
