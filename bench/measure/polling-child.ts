/**
 * Polling over a simulated day (issue 4): a loopback blog whose feed changes
 * on the schedule in data/schedule.ts, read by the app's own poller with an
 * injected clock, and by a naive fixed 30 s poller that sends no validators.
 * The server answers from the same clock, so each poller sees the blog as it
 * stood at its simulated time. Prints one JSON line.
 */
import {performance} from 'node:perf_hooks';
import {setImmediate as yieldToIo} from 'node:timers/promises';
import {request} from 'undici';
import type {Blog} from '../../src/model/blog.js';
import type {Clock} from '../../src/net/clock.js';
import {emitRss} from '../data/emit-rss.js';
import {generatePost, type BlogData, type Post} from '../data/posts.js';
import {dayOfPosts} from '../data/schedule.js';
import {startServer, type Served} from '../data/server.js';
import {createRng} from '../data/rng.js';
import {isMissing, loadModules} from './app-modules.js';

const DAY = 86_400_000;
const FEED_ITEMS = 30;
const T0 = Date.UTC(2026, 10, 27, 0, 0, 0);
const hours = Number(process.argv[2] ?? 24);
const span = hours * 3_600_000;

const modules = await loadModules();
if (isMissing(modules)) {
	process.stdout.write(`${JSON.stringify({missing: modules.missing})}\n`);
	process.exit(0);
}

const {posts: postTimes, events} = dayOfPosts(424242);
const basePosts: Post[] = postTimes.map((t, i) => generatePost(i, 4242, T0 + t, 780));

/** The feed as it stood at `now`: the newest 30 posts, edits applied. Cached per version so ETags are stable. */
function feedAt(now: number, cache: Map<string, Served>): Served {
	const offset = now - T0;
	let published = 0;
	const edits = new Map<number, number>();
	for (const event of events) {
		if (event.at > offset) break;
		if (event.kind === 'post') published++;
		else edits.set(event.post, (edits.get(event.post) ?? 0) + 1);
	}
	const key = `${published}:${[...edits].map(([p, n]) => `${p}.${n}`).join(',')}`;
	let served = cache.get(key);
	if (served === undefined) {
		const visible: Post[] = [];
		for (let i = published - 1; i >= 0 && visible.length < FEED_ITEMS; i--) {
			const post = basePosts[i]!;
			const editCount = edits.get(i) ?? 0;
			visible.push(
				editCount === 0
					? post
					: {...post, updated: post.published + editCount * 60_000, html: `${post.html}\n<p><em>Update ${editCount}: this post has been corrected.</em></p>`},
			);
		}
		const blog: BlogData = {
			title: 'Storm Halvard: a day of coverage',
			description: 'A simulated day of a live blog for the polling bench.',
			homeUrl: 'https://news.example.org/storm/day',
			live: true,
			posts: visible,
		};
		const lastChange = Math.max(0, ...events.filter((e) => e.at <= offset).map((e) => e.at));
		served = {body: Buffer.from(emitRss(blog, 'http://127.0.0.1/feed.xml'), 'utf8'), contentType: 'application/rss+xml; charset=utf-8', modified: T0 + lastChange};
		cache.set(key, served);
	}
	return served;
}

/** A clock whose sleep returns at once, having moved time forward. */
function simulatedClock(): Clock & {set(ms: number): void} {
	let now = T0;
	return {
		now: () => now,
		set: (ms) => {
			now = ms;
		},
		sleep: async (ms, signal) => {
			await yieldToIo();
			if (signal?.aborted) throw signal.reason;
			now += Math.max(0, ms);
		},
	};
}

const server = await startServer();
const adaptiveClock = simulatedClock();
const naiveClock = simulatedClock();
const cache = new Map<string, Served>();
server.route('/adaptive/feed.xml', () => feedAt(adaptiveClock.now(), cache));
server.route('/naive/feed.xml', () => feedAt(naiveClock.now(), cache));

// Which post ids each poller had seen and when, for the delay from publication to the reader.
function seenDelays(seen: Map<string, number>): number[] {
	return basePosts.filter((p) => p.published < T0 + span && seen.has(p.id)).map((p) => seen.get(p.id)! - p.published);
}

// The app's poller, adaptive policy.
const wall0 = performance.now();
const adaptiveSeen = new Map<string, number>();
let blog: Blog | null = null;
let events304 = 0;
let eventsOk = 0;
let eventsFailed = 0;
const reasons: Record<string, number> = {};
await new Promise<void>((resolve) => {
	const source = modules.createPollSource(`${server.origin}/adaptive/feed.xml`, {});
	const random = createRng(7);
	const poller = modules.createPoller({
		source,
		clock: adaptiveClock,
		random: random.next,
		interval: {kind: 'adaptive'},
		restored: false,
		getBlog: () => blog,
		onEvent: (event) => {
			if (event.type === 'poll-succeeded') {
				eventsOk++;
				blog = modules.mergePoll(blog, event.blog, `${server.origin}/adaptive/feed.xml`, event.at).blog;
				for (const entry of event.blog.entries) if (!adaptiveSeen.has(entry.id)) adaptiveSeen.set(entry.id, event.at);
			} else if (event.type === 'poll-not-modified') events304++;
			else if (event.type === 'poll-failed') eventsFailed++;
			if ('next' in event) reasons[event.next.reason] = (reasons[event.next.reason] ?? 0) + 1;
			if (adaptiveClock.now() >= T0 + span && event.type !== 'poll-started') {
				poller.stop();
				resolve();
			}
		},
	});
	poller.start();
});
const adaptiveWallMs = performance.now() - wall0;
const adaptive = server.counts('/adaptive/feed.xml');

// The naive poller: every 30 s, no validators, whole body each time.
const naiveSeen = new Map<string, number>();
const naiveIds = /<guid[^>]*>([^<]+)<\/guid>/g;
for (let t = T0; t < T0 + span; t += 30_000) {
	naiveClock.set(t);
	const response = await request(`${server.origin}/naive/feed.xml`);
	const text = await response.body.text();
	for (const match of text.matchAll(naiveIds)) if (!naiveSeen.has(match[1]!)) naiveSeen.set(match[1]!, t);
}
const naive = server.counts('/naive/feed.xml');
await server.close();

const median = (values: number[]): number => {
	const s = [...values].sort((a, b) => a - b);
	return s.length === 0 ? Number.NaN : s[Math.floor(s.length / 2)]!;
};
const p90 = (values: number[]): number => {
	const s = [...values].sort((a, b) => a - b);
	return s.length === 0 ? Number.NaN : s[Math.floor(s.length * 0.9)]!;
};
const postsInSpan = basePosts.filter((p) => p.published < T0 + span).length;
process.stdout.write(
	`${JSON.stringify({
		hours,
		posts: postsInSpan,
		edits: events.filter((e) => e.kind === 'edit' && e.at < span).length,
		adaptive: {...adaptive, eventsOk, events304, eventsFailed, reasons, wallMs: adaptiveWallMs, seen: seenDelays(adaptiveSeen).length, delayMedianMs: median(seenDelays(adaptiveSeen)), delayP90Ms: p90(seenDelays(adaptiveSeen))},
		naive: {...naive, seen: seenDelays(naiveSeen).length, delayMedianMs: median(seenDelays(naiveSeen)), delayP90Ms: p90(seenDelays(naiveSeen))},
		day: DAY,
	})}\n`,
);
