/**
 * A day of a live blog: when posts go up and when earlier posts are edited.
 * Quiet overnight (00:00-06:30 almost nothing), a steady daytime pace, and
 * a few bursts where something happens and posts come every minute or two.
 * Times are offsets in ms from the start of the simulated day.
 */
import {createRng} from './rng.js';

export type DayEvent = {readonly at: number; readonly kind: 'post'} | {readonly at: number; readonly kind: 'edit'; readonly post: number};

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Mean minutes between posts for each hour of the day, outside bursts. */
const paceByHour = [120, 180, 240, 240, 240, 180, 60, 25, 12, 10, 10, 12, 14, 12, 12, 12, 14, 15, 15, 18, 20, 25, 35, 60];

export function dayOfPosts(seed: number): {posts: number[]; events: DayEvent[]} {
	const rng = createRng(seed);
	const posts: number[] = [];
	for (let hour = 0; hour < 24; hour++) {
		const mean = paceByHour[hour]! * MINUTE;
		let t = hour * HOUR + rng.next() * mean;
		while (t < (hour + 1) * HOUR) {
			posts.push(t);
			t += mean * (0.3 + rng.next() * 1.4);
		}
	}
	// Bursts: breaking moments at 09:40, 14:05 and 19:30, 30-70 minutes each, a post every 1-3 minutes.
	for (const start of [9 * HOUR + 40 * MINUTE, 14 * HOUR + 5 * MINUTE, 19 * HOUR + 30 * MINUTE]) {
		const end = start + rng.int(30, 70) * MINUTE;
		for (let t = start; t < end; t += rng.int(60, 180) * 1_000) posts.push(t);
	}
	posts.sort((a, b) => a - b);
	const events: DayEvent[] = posts.map((at) => ({at, kind: 'post'}));
	// About one post in twelve is corrected 3-40 minutes after it went up.
	posts.forEach((at, index) => {
		if (rng.chance(1 / 12)) events.push({at: at + rng.int(3, 40) * MINUTE, kind: 'edit', post: index});
	});
	events.sort((a, b) => a.at - b.at);
	return {posts, events};
}
