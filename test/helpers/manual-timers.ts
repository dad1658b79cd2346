/**
 * Timers that fire only when a test says so, injected into the App through
 * its `timers` prop: no real sleeping and no faked global clock. Each timer
 * is recorded with the delay it asked for, so tests can assert on when
 * things were scheduled (the minute ticker, the settle timer, the debounce).
 */
import type {TimerHandle, Timers} from '../../src/ui/hooks/timers.js';

export type ManualTimer = {readonly id: number; readonly ms: number; readonly callback: () => void; cleared: boolean; fired: boolean};

export type ManualTimers = Timers & {
	/** Every timer ever scheduled, in order. */
	readonly all: ManualTimer[];
	/** Scheduled and neither fired nor cleared. */
	pending(): ManualTimer[];
	/** Fires one pending timer. */
	fire(timer: ManualTimer): void;
};

export function createManualTimers(): ManualTimers {
	const all: ManualTimer[] = [];
	return {
		all,
		setTimeout(callback, ms): TimerHandle {
			const timer: ManualTimer = {id: all.length, ms, callback, cleared: false, fired: false};
			all.push(timer);
			return {id: timer.id};
		},
		clearTimeout(handle) {
			const timer = all[handle.id as number];
			if (timer) timer.cleared = true;
		},
		pending: () => all.filter((t) => !t.cleared && !t.fired),
		fire(timer) {
			if (timer.cleared || timer.fired) throw new Error(`timer ${timer.id} is not pending`);
			timer.fired = true;
			timer.callback();
		},
	};
}
