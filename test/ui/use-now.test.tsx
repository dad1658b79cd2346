/**
 * The minute clock on its own: how often it wakes and how often it makes
 * React render. Renders are counted in the component itself, so a render
 * that draws the same frame (and so writes nothing) still counts.
 */
import {Text} from 'ink';
import {cleanup} from 'ink-testing-library';
import type {ReactNode} from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {msToNextMinute, useNow, type NowClock} from '../../src/ui/hooks/use-now.js';
import {createManualTimers, type ManualTimers} from '../helpers/manual-timers.js';
import {render, tick} from '../helpers/render.js';

afterEach(() => cleanup());

const T = Date.UTC(2026, 2, 1, 12, 0, 0);

type Probe = {renders: number; shown: number[]};

function Clock({clock, timers, changes, probe}: {clock: NowClock; timers: ManualTimers; changes?: (from: number, to: number) => boolean; probe: Probe}): ReactNode {
	const now = useNow(clock, undefined, timers, changes);
	probe.renders++;
	probe.shown.push(now);
	return <Text>{String(now)}</Text>;
}

async function fireNext(timers: ManualTimers): Promise<number> {
	const [next] = timers.pending();
	expect(timers.pending()).toHaveLength(1);
	timers.fire(next!);
	await tick();
	await tick();
	return next!.ms;
}

describe('useNow', () => {
	test('wakes on the minute (plus 5 ms), once a minute', async () => {
		let at = T + 12_345;
		const timers = createManualTimers();
		const probe: Probe = {renders: 0, shown: []};
		render(<Clock clock={{now: () => at}} timers={timers} probe={probe} />);
		await tick();
		expect(timers.pending().map((t) => t.ms)).toEqual([47_660]);
		at = T + 60_005;
		expect(await fireNext(timers)).toBe(47_660);
		expect(probe.shown.at(-1)).toBe(T + 60_005);
		expect(timers.pending().map((t) => t.ms)).toEqual([60_000]);
		expect(msToNextMinute(T + 59_999)).toBe(6);
	});

	test('a tick that changes nothing on screen makes React render nothing, not even after a tick that did', async () => {
		let at = T + 30_000;
		const timers = createManualTimers();
		const probe: Probe = {renders: 0, shown: []};
		// Only every other minute changes what is shown.
		const changes = (from: number, to: number): boolean => Math.floor(from / 120_000) !== Math.floor(to / 120_000);
		render(<Clock clock={{now: () => at}} timers={timers} changes={changes} probe={probe} />);
		await tick();
		const first = probe.renders;

		at = T + 60_005; // same two-minute slot: nothing changes
		await fireNext(timers);
		expect(probe.renders).toBe(first);

		at = T + 120_005; // a new slot: one render with the new time
		await fireNext(timers);
		expect(probe.renders).toBe(first + 1);
		expect(probe.shown.at(-1)).toBe(T + 120_005);

		// React may render once more after an update even when the state is the same;
		// the clock must not give it the chance.
		for (const minute of [3, 5, 7]) {
			const before = probe.renders;
			at = T + minute * 60_000 + 5;
			await fireNext(timers);
			expect(probe.renders, `minute ${minute} changes nothing`).toBe(before);
			at = T + (minute + 1) * 60_000 + 5;
			await fireNext(timers);
			expect(probe.renders).toBe(before + 1);
			expect(probe.shown.at(-1)).toBe(at);
		}
		expect(probe.renders).toBe(first + 4);
	});

	test('a fixed time never schedules a timer', async () => {
		const timers = createManualTimers();
		function Fixed(): ReactNode {
			return <Text>{String(useNow({now: () => T}, T + 1, timers))}</Text>;
		}
		const app = render(<Fixed />);
		await tick();
		expect(app.frame()).toBe(String(T + 1));
		expect(timers.all).toHaveLength(0);
	});
});
