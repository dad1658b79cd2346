import {describe, expect, it} from 'vitest';
import type {ParsedBlog, ParsedEntry} from '../../src/model/blog.js';
import type {PollEvent} from '../../src/net/poll-events.js';
import type {PollSource} from '../../src/sources/source.js';
import {runOnce, startFollow} from '../../src/output/follow.js';
import type {PollerFactory} from '../../src/output/once.js';
import {para, t} from './make-blog.js';

const next = {at: 0, delayMs: 30_000, reason: 'fixed'} as const;

function parsedEntry(id: string, minute: number, body = `Text ${id}`): ParsedEntry {
	return {id, title: null, url: null, published: Date.UTC(2026, 10, 28, 10, minute), updated: null, authors: [], body: [para(body)], keyEvent: false, pinned: false, summary: false};
}

function parsedBlog(title: string, entries: ParsedEntry[]): ParsedBlog {
	return {format: 'rss', title: t(title), description: null, homeUrl: null, live: 'live', entries, coverage: {kind: 'window'}, hints: {}, skipped: 0};
}

/** A poller stand-in driven by the test: each source's events are pushed by hand. */
function fakePollers(): {factory: PollerFactory; emit(sourceIndex: number, event: PollEvent): void; stopped: () => number} {
	const handlers: Array<(event: PollEvent) => void> = [];
	let stops = 0;
	return {
		factory: options => {
			handlers.push(options.onEvent);
			return {start: () => undefined, stop: () => void stops++};
		},
		emit: (index, event) => handlers[index]?.(event),
		stopped: () => stops,
	};
}

const source = {} as PollSource;
const clock = {now: () => 0, sleep: () => Promise.resolve()};

function collector(): {write(text: string): void; text: string} {
	return {
		text: '',
		write(text) {
			this.text += text;
		},
	};
}

const succeeded = (blog: ParsedBlog): PollEvent => ({type: 'poll-succeeded', at: Date.UTC(2026, 10, 28, 11), blog, sourceUrl: 'u', via: null, validators: {}, next});

describe('startFollow', () => {
	it('with several blogs, repeats the blog line whenever the blog changes (NDJSON)', () => {
		const pollers = fakePollers();
		const out = collector();
		const err = collector();
		const follower = startFollow({
			targets: [{input: 'one', url: 'https://one.example/', source}, {input: 'two', url: 'https://two.example/', source}],
			format: 'ndjson', interval: {kind: 'fixed', ms: 1000}, clock, createPoller: pollers.factory, out, err, width: 80,
		});
		pollers.emit(0, succeeded(parsedBlog('One', [parsedEntry('a', 1)])));
		pollers.emit(1, succeeded(parsedBlog('Two', [parsedEntry('x', 2)])));
		pollers.emit(0, succeeded(parsedBlog('One', [parsedEntry('a', 1), parsedEntry('b', 3)])));
		pollers.emit(0, {type: 'poll-not-modified', at: 0, next});
		pollers.emit(1, {type: 'poll-failed', at: 0, failure: {kind: 'network', code: 'ECONNRESET', host: 'two.example'}, next});
		const lines = out.text.trimEnd().split('\n').map(line => JSON.parse(line) as {type: string; title?: string; id?: string; event?: string});
		expect(lines.map(l => (l.type === 'blog' ? `blog ${l.title}` : `${l.event} ${l.id}`))).toEqual(['blog One', 'initial a', 'blog Two', 'initial x', 'blog One', 'new b']);
		expect(err.text).toBe('liveblog: two: cannot reach two.example (ECONNRESET); trying again in 30 s\n');
		follower.stop();
		expect(pollers.stopped()).toBe(2);
	});

	it('prints nothing for a poll that changes nothing', () => {
		const pollers = fakePollers();
		const out = collector();
		startFollow({targets: [{input: 'one', url: 'https://one.example/', source}], format: 'plain', interval: {kind: 'adaptive'}, clock, createPoller: pollers.factory, out, err: collector(), width: 80});
		pollers.emit(0, succeeded(parsedBlog('One', [parsedEntry('a', 1)])));
		const before = out.text;
		pollers.emit(0, succeeded(parsedBlog('One', [parsedEntry('a', 1)])));
		expect(out.text).toBe(before);
		pollers.emit(0, succeeded(parsedBlog('One', [parsedEntry('a', 1, 'Text a, corrected')])));
		expect(out.text.slice(before.length)).toBe('2026-11-28 10:01 · [UPDATED]\n\nText a, corrected\n\n');
	});
});

describe('runOnce', () => {
	it('prints successes, reports failures and exits 1 when any failed', async () => {
		const out = collector();
		const err = collector();
		let call = 0;
		const factory: PollerFactory = options => ({
			start: () => {
				const mine = call++;
				queueMicrotask(() =>
					options.onEvent(mine === 0 ? succeeded(parsedBlog('Good', [parsedEntry('a', 1)])) : {type: 'poll-failed', at: 0, failure: {kind: 'http', status: 503, statusText: 'Busy', host: 'bad.example'}, next}),
				);
			},
			stop: () => undefined,
		});
		const code = await runOnce({targets: [{input: 'good', url: 'https://good.example/', source}, {input: 'bad', url: 'https://bad.example/', source}], format: 'plain', interval: {kind: 'adaptive'}, clock, createPoller: factory, out, err, width: 80});
		expect(code).toBe(1);
		expect(out.text).toContain('Good\nLIVE · 1 entry\nhttps://good.example/');
		expect(err.text).toBe('liveblog: bad: HTTP 503 Busy from bad.example\n');
	});
});
