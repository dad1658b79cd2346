import {afterEach, describe, expect, test} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {entries, entry, para, T0} from '../helpers/blog-factory.js';
import {NEXT, renderApp} from '../helpers/app-harness.js';
import {keys} from '../helpers/keys.js';

afterEach(() => cleanup());

const body = (i: number): string => `Report number ${i} from the coast, where the wind keeps rising and crews wait for daylight.`;
const list = (n = 30) => entries(n, (i) => ({keyEvent: i % 5 === 0, authors: ['Kim Lee'], title: `Update ${i}`, body: body(i)}));

describe('the screen end to end', () => {
	test('the sidebar and the pane render', async () => {
		const app = renderApp({initial: list()});
		const frame = await app.waitForFrame((f) => f.includes('Update 29'));
		const lines = frame.split('\n');
		expect(lines[0]).toMatch(/^ LIVE  Storm live/);
		expect(frame).toContain('Key events (6)');
		expect(frame).toContain('12:25 Update 25');
		expect(lines.find((l) => l.includes('Update 29'))).toContain('│  Update 29');
		expect(frame).toContain('12:29 · 31m ago · Kim Lee');
		expect(lines.length).toBe(29);
	});

	test('j scrolls one line, G goes to the oldest, g back to the newest', async () => {
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		const firstPaneLine = (): string => app.lines()[2]!.split('│')[1]!;
		expect(firstPaneLine()).toContain('12:29');
		await app.press('j');
		expect(firstPaneLine()).toContain('Update 29');
		await app.press(keys.down);
		expect(firstPaneLine()).toContain('Report number 29');
		await app.press('G');
		expect(app.frame()).toContain('Update 0');
		expect(app.frame()).not.toContain('Update 29');
		await app.press('g');
		expect(firstPaneLine()).toContain('12:29');
	});

	test('Enter on a key event in the sidebar jumps the pane to it', async () => {
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.press(keys.tab, 'j', 'j', 'j', keys.enter);
		const pane = app.lines()[2]!.split('│')[1]!;
		expect(pane).toContain('12:10');
		expect(app.lines()[3]!.split('│')[1]).toContain('Update 10');
	});

	test('a new post is highlighted at the top and does not move a scrolled reader', async () => {
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.press('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j');
		const before = app.lines().slice(2, -1).map((l) => l.split('│')[1]);
		const fresh = entry({id: 'fresh', title: 'Breaking: the bridge is closed', published: T0 + 40 * 60_000, body: 'Police closed it.'});
		await app.succeed(0, [fresh, ...list()], T0 + 41 * 60_000);
		const after = app.lines();
		expect(after.slice(2, -1).map((l) => l.split('│')[1])).toEqual(before);
		expect(after[1]).toContain('▲ 1 new post, press n');
		await app.press('n');
		expect(app.lines()[2]).toMatch(/▌›12:40 · 20m ago NEW/);
		expect(app.lines()[3]).toContain('Breaking: the bridge is closed');
		expect(app.lines()[1]).not.toContain('new post');
	});

	test('a new post arriving while at the top shows at once, highlighted', async () => {
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		const fresh = entry({id: 'fresh', title: 'Breaking: the bridge is closed', published: T0 + 40 * 60_000});
		// At the harness's "now": the highlight then has 10 s to go before it settles.
		await app.succeed(0, [fresh, ...list()], T0 + 60 * 60_000);
		const pane = app.lines()[2]!.split('│')[1]!;
		expect(pane).toContain('NEW');
		expect(app.rawFrame()).toContain('▌');
		expect(app.effects).toContain('bell');
		expect(app.effects.some((e) => e.startsWith('notify:Storm live|New post: Breaking'))).toBe(true);
		expect(app.effects).toContain('title:(1) Storm live');
	});

	test('blank lines between paragraphs stay, and the new-post marker stays level with its post', async () => {
		const app = renderApp({initial: list(3)});
		await app.waitForFrame((f) => f.includes('Update 2'));
		const fresh = entry({id: 'fresh', title: 'Two paragraphs', published: T0 + 40 * 60_000, body: [para('First paragraph.'), para('Second paragraph.')]});
		// At the harness's "now", so the highlight is still on.
		await app.succeed(0, [fresh, ...list(3)], T0 + 60 * 60_000);
		const pane = app.lines().slice(2, -1).map((l) => l.split('│')[1] ?? '');
		const first = pane.findIndex((l) => l.includes('First paragraph.'));
		expect(pane[first + 1]?.trim()).toBe('▌');
		expect(pane[first + 2]).toMatch(/^▌ Second paragraph\./);
		// Every line of the new post is marked; the next post's meta line is not.
		const meta = pane.findIndex((l) => l.includes('NEW'));
		for (let i = meta; i <= first + 2; i++) expect(pane[i]!.startsWith('▌')).toBe(true);
		const next = pane.findIndex((l) => l.includes('12:02'));
		expect(next).toBeGreaterThan(first + 2);
		expect(pane[next]!.startsWith('▌')).toBe(false);
	});

	test('a 304 causes no render', async () => {
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.emit(0, {type: 'poll-not-modified', at: T0 + 1000, next: NEXT});
		const count = app.frameCount();
		await app.emit(0, {type: 'poll-not-modified', at: T0 + 31_000, next: {...NEXT, at: T0 + 61_000}});
		await app.emit(0, {type: 'poll-started', at: T0 + 61_000, url: 'x'});
		expect(app.frameCount()).toBe(count);
	});

	test('an error keeps the content and shows in the status line', async () => {
		const app = renderApp({initial: list()});
		await app.waitForFrame((f) => f.includes('Update 29'));
		await app.emit(0, {type: 'poll-failed', at: T0, failure: {kind: 'http', status: 503, statusText: '', host: 'www.example.org'}, next: {at: T0 + 60_000, delayMs: 60_000, reason: 'backoff'}});
		const lines = app.lines();
		expect(lines.at(-1)).toBe('✖ HTTP 503 from www.example.org, retrying in 60 s');
		expect(app.frame()).toContain('Update 29');
	});
});
