/**
 * The timers the screen's hooks schedule (the minute ticker, the settle
 * timer, the store debounce), injectable so tests fire them by hand instead
 * of sleeping or faking the global clock.
 */
export type TimerHandle = {readonly id: unknown};

export type Timers = {
	setTimeout(callback: () => void, ms: number): TimerHandle;
	clearTimeout(handle: TimerHandle): void;
};

export const systemTimers: Timers = {
	setTimeout: (callback, ms) => ({id: setTimeout(callback, ms)}),
	clearTimeout: (handle) => clearTimeout(handle.id as NodeJS.Timeout),
};
