/**
 * A Clock whose time moves only when a test says so. `sleep(ms)` resolves
 * when `advance()` carries the time past its wake-up point; sleepers wake in
 * order, each seeing `now()` equal to its own wake-up time, and whatever they
 * schedule in reaction (another sleep within the advanced span) also runs.
 *
 *   const clock = createFakeClock();
 *   await clock.untilSleeping();       // the code under test is now waiting
 *   await clock.advance(30_000);       // and has been woken
 */
import type {Clock} from '../../src/net/clock.js';

export type FakeClock = Clock & {
	/** Moves time forward by `ms`, waking sleepers due on the way. */
	advance(ms: number): Promise<void>;
	/** Moves time to the next sleeper's wake-up point and wakes it; returns the ms advanced (0 if none). */
	advanceToNext(): Promise<number>;
	/** Number of pending sleeps. */
	pending(): number;
	/** Wake-up time of the earliest pending sleep, or null. */
	nextWake(): number | null;
	/** Resolves once at least one sleep is pending (at once if one already is). */
	untilSleeping(): Promise<void>;
};

export const FAKE_EPOCH = Date.UTC(2026, 2, 1, 12, 0, 0);

type Sleeper = {at: number; seq: number; resolve: () => void};

/** Lets promise chains and I/O callbacks triggered by a wake-up run. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createFakeClock(start = FAKE_EPOCH): FakeClock {
	let now = start;
	let seq = 0;
	const sleepers: Sleeper[] = [];
	let watchers: Array<() => void> = [];

	const earliest = (): Sleeper | undefined =>
		sleepers.reduce<Sleeper | undefined>((best, s) => (!best || s.at < best.at || (s.at === best.at && s.seq < best.seq) ? s : best), undefined);

	const wake = async (sleeper: Sleeper): Promise<void> => {
		sleepers.splice(sleepers.indexOf(sleeper), 1);
		now = Math.max(now, sleeper.at);
		sleeper.resolve();
		await tick();
	};

	return {
		now: () => now,
		sleep(ms, signal) {
			return new Promise<void>((resolve, reject) => {
				if (signal?.aborted) {
					reject(signal.reason);
					return;
				}
				const sleeper: Sleeper = {
					at: now + Math.max(0, ms),
					seq: seq++,
					resolve: () => {
						signal?.removeEventListener('abort', onAbort);
						resolve();
					},
				};
				const onAbort = (): void => {
					const index = sleepers.indexOf(sleeper);
					if (index >= 0) sleepers.splice(index, 1);
					reject(signal?.reason);
				};
				signal?.addEventListener('abort', onAbort, {once: true});
				sleepers.push(sleeper);
				const waiting = watchers;
				watchers = [];
				for (const watcher of waiting) watcher();
			});
		},
		async advance(ms) {
			const target = now + ms;
			for (;;) {
				const next = earliest();
				if (!next || next.at > target) break;
				await wake(next);
			}
			now = target;
			await tick();
		},
		async advanceToNext() {
			const next = earliest();
			if (!next) return 0;
			const before = now;
			await wake(next);
			return now - before;
		},
		pending: () => sleepers.length,
		nextWake: () => earliest()?.at ?? null,
		untilSleeping: () =>
			sleepers.length > 0 ? Promise.resolve() : new Promise<void>((resolve) => watchers.push(resolve)),
	};
}
