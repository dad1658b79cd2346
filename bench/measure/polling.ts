import {join} from 'node:path';
import {benchBuild} from '../lib/paths.js';
import {runChild} from '../lib/proc.js';
import {fmt} from '../lib/stats.js';
import {skipRow, type Row} from '../lib/table.js';

type Side = {requests: number; notModified: number; bodyBytes: number; seen: number; delayMedianMs: number; delayP90Ms: number};
type PollingResult =
	| {missing: string}
	| {hours: number; posts: number; edits: number; adaptive: Side & {eventsFailed: number; reasons: Record<string, number>}; naive: Side};

export async function measurePolling(hours: number): Promise<Row[]> {
	let result: PollingResult;
	try {
		result = await runChild<PollingResult>(join(benchBuild, 'measure', 'polling-child.js'), [String(hours)], {timeoutMs: 300_000});
	} catch (error) {
		return [skipRow('polling, simulated day', 'info', error instanceof Error ? error.message.slice(0, 200) : String(error))];
	}
	if ('missing' in result) return [skipRow('polling, simulated day', 'info', `${result.missing} not built yet`)];
	const {adaptive: a, naive: n} = result;
	const share = (s: Side): string => `${fmt((s.notModified / Math.max(1, s.requests)) * 100, 1)}%`;
	const mb = (s: Side): string => `${fmt(s.bodyBytes / 1e6)} MB`;
	const span = `${result.hours} h, ${result.posts} posts, ${result.edits} edits`;
	return [
		{figure: `polling ${span}: requests`, value: String(a.requests), baseline: `${n.requests} (fixed 30 s)`, ratio: `${fmt(a.requests / n.requests)}×`, goal: 'fewer', status: a.requests < n.requests ? 'pass' : 'fail'},
		{figure: 'polling: share answered 304', value: share(a), baseline: `${share(n)} (no validators)`, ratio: '–', goal: 'info', status: 'info'},
		{
			figure: 'polling: bytes downloaded (bodies)',
			value: mb(a),
			baseline: `${mb(n)} (fixed 30 s)`,
			ratio: `${fmt(a.bodyBytes / n.bodyBytes, 3)}×`,
			goal: 'fewer',
			status: a.bodyBytes < n.bodyBytes ? 'pass' : 'fail',
		},
		{
			figure: 'polling: post published → fetched',
			value: `median ${fmt(a.delayMedianMs / 1000)} s, p90 ${fmt(a.delayP90Ms / 1000)} s`,
			baseline: `median ${fmt(n.delayMedianMs / 1000)} s, p90 ${fmt(n.delayP90Ms / 1000)} s`,
			ratio: `${fmt(a.delayMedianMs / n.delayMedianMs)}×`,
			goal: 'info',
			status: 'info',
			note: `the app's poller (adaptive policy, injected clock, seeded jitter) against a loopback RSS feed of the newest 30 posts that changes on a simulated day (quiet 00:00-06:30, three bursts); naive = undici GET every 30 s without validators; ${a.seen}/${result.posts} posts seen (naive ${n.seen}); ${a.eventsFailed} failed polls; next-poll reasons ${JSON.stringify(a.reasons)}`,
		},
	];
}
