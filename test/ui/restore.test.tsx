/**
 * A stored copy drawn from its first screen (the warm start's first step)
 * behaves like the whole copy: the same marks and sidebar count before and
 * after the rest lands, keys wait for it, the poller starts only then, and a
 * damaged rest starts the tab fresh with a message.
 */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {initialState, type StoredSnapshot} from '../../src/state/state.js';
import type {PendingRestore, RestOutcome} from '../../src/ui/hooks/use-restores.js';
import {ownText} from '../../src/text/sanitize.js';
import {blog, entries, T0} from '../helpers/blog-factory.js';
import {renderApp} from '../helpers/app-harness.js';
import {tick} from '../helpers/render.js';
import {mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createSaveTab} from '../../src/ui/save-tab.js';

afterEach(() => cleanup());

const all = entries(60, (i) => ({keyEvent: i % 5 === 0, title: `Update ${i}`, body: `Report ${i} from the coast.`}));
/** e59 (the newest) and e3 arrived while the program was closed. */
const whole: StoredSnapshot = {savedAt: T0 + 61 * 60_000, blog: blog(all), seen: all.map((e) => e.id).filter((id) => id !== 'e59' && id !== 'e3')};
const head: StoredSnapshot = {...whole, blog: blog(all.slice(0, 12))};

function deferred(): {promise: Promise<RestOutcome>; resolve(outcome: RestOutcome): void} {
	let resolve: (outcome: RestOutcome) => void = () => undefined;
	const promise = new Promise<RestOutcome>((r) => {
		resolve = r;
	});
	return {promise, resolve};
}

function start(finish: () => Promise<RestOutcome>) {
	const initial = initialState([{url: 'https://example.org/feed0', stored: head, rest: {unseen: ['e59', 'e3'], keyEvents: 12}}], {columns: 100, rows: 30});
	const restores: PendingRestore[] = [{tab: 0, finish}];
	return renderApp({props: {initial, restores}});
}

describe('a warm start in two steps', () => {
	test('the first screen already says what the whole copy holds, and keys wait for the rest', async () => {
		const rest = deferred();
		let finished = 0;
		const app = start(() => {
			finished++;
			return rest.promise;
		});
		const first = await app.waitForFrame((f) => f.includes('Update 59'));
		expect(first).toContain('Key events (12)');
		expect(first).toContain('2 new since you last looked');
		expect(app.effects).toContain('title:(2) Storm live');
		// The rest is read once the first frame is out.
		expect(finished).toBe(0);
		await tick();
		expect(finished).toBe(1);
		// No poll may merge into the first screen alone.
		expect(app.calls.created).toEqual([]);

		await app.press('G');
		expect(app.frame()).toContain('Update 59');
		expect(app.frame()).not.toContain('Update 0');

		rest.resolve({kind: 'loaded', stored: whole});
		await tick();
		await tick();
		// G acted on the whole blog: the oldest post, and e3 still marked new.
		expect(app.frame()).toContain('Update 0');
		expect(app.frame()).toContain('Update 3');
		expect(app.frame()).toMatch(/NEW[^\n]*\n[^\n]*Update 3/);
		expect(app.frame()).toContain('Key events (12)');
		expect(app.frame()).toContain('2 new since you last looked');
		expect(app.calls.created).toEqual([0]);
	});

	test('a damaged rest starts the tab fresh and says why', async () => {
		const rest = deferred();
		const app = start(() => rest.promise);
		await app.waitForFrame((f) => f.includes('Update 59'));
		rest.resolve({kind: 'corrupt', message: ownText('the saved copy was damaged (blog.entries[40].title: not a string); moved to x.corrupt; starting fresh')});
		await tick();
		await tick();
		expect(app.frame()).toContain('Loading…');
		expect(app.frame()).toContain('the saved copy was damaged');
		expect(app.frame()).not.toContain('Update 59');
		expect(app.calls.created).toEqual([0]);
	});
});

test('the first screen alone is never saved over the whole copy', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'liveblog-restore-'));
	try {
		const save = createSaveTab({stateDir: dir, inputs: ['https://example.org/feed0'], startedAt: T0, validators: () => ({})});
		const [partial] = initialState([{url: 'https://example.org/feed0', stored: head, rest: {unseen: [], keyEvents: 12}}], {columns: 100, rows: 30}).tabs;
		expect(await save(partial!, 0, T0)).toBeNull();
		expect(await readdir(dir)).toEqual([]);
		const [complete] = initialState([{url: 'https://example.org/feed0', stored: whole}], {columns: 100, rows: 30}).tabs;
		expect(await save(complete!, 0, T0)).toBeNull();
		expect(await readdir(dir)).toHaveLength(1);
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});
