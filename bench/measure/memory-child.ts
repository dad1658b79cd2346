/**
 * Memory, in its own process (run with --expose-gc): resident size with the
 * 10,000-post blog loaded through the adapter and reducer, against the same
 * process before loading; then 10,000 simulated polls on an injected clock,
 * each a 50-entry window with one new post, and the growth of resident size
 * and heap after the 5,000-entry bound is reached. Prints one JSON line.
 */
import {performance} from 'node:perf_hooks';
import type {ParsedBlog, ParsedEntry} from '../../src/model/blog.js';
import type {State} from '../../src/state/state.js';
import {isMissing, loadModules} from './app-modules.js';
import {BLOG_URL, loadState} from './load-blog.js';

const polls = Number(process.argv[2] ?? 10_000);
const gc = (globalThis as {gc?: () => void}).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

function settle(): {rss: number; heap: number} {
	for (let i = 0; i < 3; i++) gc!();
	const m = process.memoryUsage();
	return {rss: m.rss, heap: m.heapUsed};
}

const modules = await loadModules();
if (isMissing(modules)) {
	process.stdout.write(`${JSON.stringify({missing: modules.missing})}\n`);
	process.exit(0);
}

const before = settle();
const endMs = Date.UTC(2026, 10, 28, 12, 0, 0);
const loaded = loadState(modules, 10_000, {columns: 100, rows: 30}, endMs);
let state: State = loaded.state;
const afterLoad = settle();

// A pool of parsed entries to copy bodies from; each poll's new post is a
// fresh deep copy, so nothing is shared with what was dropped.
const pool: ParsedEntry[] = state.tabs[0]!.blog!.entries.slice(0, 200).map((e) => ({
	id: e.id,
	title: e.title,
	url: e.url,
	published: e.published,
	updated: e.updated,
	authors: e.authors,
	body: e.body,
	keyEvent: e.keyEvent,
	pinned: false,
	summary: false,
}));
const template: ParsedBlog = {
	format: 'rss',
	title: state.tabs[0]!.blog!.title,
	description: state.tabs[0]!.blog!.description,
	homeUrl: state.tabs[0]!.blog!.homeUrl,
	live: state.tabs[0]!.blog!.live,
	entries: [],
	coverage: {kind: 'window'},
	hints: state.tabs[0]!.blog!.hints,
	skipped: 0,
};

let window: ParsedEntry[] = pool.slice(0, 49).map((e, i) => ({...structuredClone(e), id: `seed-${i}`, published: loaded.endMs - (49 - i) * 60_000}));
let at = loaded.endMs + 60_000;
const samples: {poll: number; rss: number; heap: number}[] = [];
const pollMs: number[] = [];
const start = settle();
samples.push({poll: 0, ...start});
for (let i = 1; i <= polls; i++) {
	at += 60_000;
	const source = pool[i % pool.length]!;
	const fresh: ParsedEntry = {...structuredClone(source), id: `poll-${i}`, published: at - 5_000, updated: null};
	window = [fresh, ...window.slice(0, 49)];
	const t0 = performance.now();
	state = modules.reduce(state, {
		type: 'poll-succeeded',
		tab: 0,
		at,
		blog: {...template, entries: window},
		sourceUrl: BLOG_URL,
		via: null,
		validators: {},
		next: {at: at + 60_000, delayMs: 60_000, reason: 'pace'},
	});
	state = modules.reduce(state, {type: 'tick', at: at + 30_000});
	pollMs.push(performance.now() - t0);
	// Samples every 1,000 polls, and at 5,000, from where growth is judged (see memory.ts).
	if (i % 1_000 === 0 || i === polls) samples.push({poll: i, ...settle()});
}
const end = settle();
const tab = state.tabs[0]!;
pollMs.sort((a, b) => a - b);
process.stdout.write(
	`${JSON.stringify({
		before,
		afterLoad,
		loadedEntries: loaded.entries,
		start,
		end,
		samples,
		polls,
		entriesAtEnd: tab.blog?.entries.length ?? 0,
		marksAtEnd: tab.marks.size,
		pollMsMedian: pollMs[Math.floor(pollMs.length / 2)] ?? 0,
		pollMsP99: pollMs[Math.floor(pollMs.length * 0.99)] ?? 0,
	})}\n`,
);
