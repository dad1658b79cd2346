/** Times and durations as the screen shows them. Local time, from the environment's TZ. */
import type {NextPollReason} from '../net/poll-events.js';

const pad = (n: number): string => String(n).padStart(2, '0');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function clockTime(ms: number): string {
	const d = new Date(ms);
	return Number.isNaN(d.getTime()) ? '--:--' : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function sameDay(a: number, b: number): boolean {
	const x = new Date(a);
	const y = new Date(b);
	return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}

/** "14:05" today, "27 Nov 14:05" on other days this year, "27 Nov 2016 14:05" before. */
export function dateTime(ms: number, now: number): string {
	const d = new Date(ms);
	if (Number.isNaN(d.getTime())) return '--:--';
	if (sameDay(ms, now)) return clockTime(ms);
	const year = d.getFullYear() === new Date(now).getFullYear() ? '' : ` ${d.getFullYear()}`;
	return `${d.getDate()} ${months[d.getMonth()]}${year} ${clockTime(ms)}`;
}

/**
 * "just now", "5m ago", "3h ago", "4d ago", "3w ago", "5mo ago", "10y ago".
 * Minute granularity: the screen ticks once a minute. Coarser units past two
 * weeks, because "3953d ago" is a number nobody can read at a glance.
 */
export function ago(ms: number, now: number): string {
	const minutes = Math.floor((now - ms) / 60_000);
	if (minutes < 1) return 'just now';
	if (minutes < 60) return `${minutes}m ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `${hours}h ago`;
	const days = Math.floor(hours / 24);
	if (days < 14) return `${days}d ago`;
	if (days < 60) return `${Math.floor(days / 7)}w ago`;
	if (days < 365) return `${Math.floor(days / 30)}mo ago`;
	return `${Math.floor(days / 365)}y ago`;
}

/** "40 s", "2 min", "3 h" for a span. */
export function span(ms: number): string {
	const s = Math.max(0, Math.round(ms / 1000));
	if (s < 90) return `${Math.max(1, s)} s`;
	const minutes = Math.round(s / 60);
	if (minutes < 90) return `${minutes} min`;
	const hours = Math.round(minutes / 60);
	return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}

const reasons: Record<NextPollReason, string> = {
	fixed: 'fixed interval',
	interval: 'interval',
	'max-age': 'server max-age',
	expires: 'server Expires',
	ttl: 'feed ttl',
	'update-period': 'feed update period',
	pace: 'posting pace',
	ended: 'blog ended',
	backoff: 'backing off',
	'retry-after': 'server Retry-After',
	'startup-jitter': 'starting',
};

/**
 * "next in 40 s · server max-age". Described from the delay the scheduler
 * chose, not counted down against the clock: a countdown would need a timer
 * firing every second, and the reader only needs the rhythm.
 */
export function nextPollText(delayMs: number, reason: NextPollReason): string {
	return `next in ${span(delayMs)} · ${reasons[reason]}`;
}
