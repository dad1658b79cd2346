/**
 * The clock the screen shows, ticking once a minute on the minute: relative
 * times ("5m ago") only change then, and an idle reader costs nothing in
 * between (a 1 s ticker measured 2.3 % of a core, stack notes §4.5).
 */
import {useEffect, useRef, useState} from 'react';
import {systemTimers, type TimerHandle, type Timers} from './timers.js';

export type NowClock = {now(): number};

export function msToNextMinute(now: number): number {
	return 60_000 - (now % 60_000) + 5;
}

/**
 * `changes(from, to)` says whether moving the screen's clock would change
 * anything shown. A tick that changes nothing does not touch React at all:
 * on a quiet blog whose posts are hours old ("3h ago") most minutes cost
 * nothing, where a redraw costs Ink tens of milliseconds. (Handing React the
 * same value through a state updater is not enough: right after an update,
 * React renders the component once more before it notices nothing changed.)
 */
export function useNow(clock: NowClock, fixed?: number, timers: Timers = systemTimers, changes?: (from: number, to: number) => boolean): number {
	const [now, setNow] = useState(() => fixed ?? clock.now());
	const shown = useRef(now);
	useEffect(() => {
		if (fixed !== undefined) return;
		let timer: TimerHandle;
		const schedule = (): void => {
			timer = timers.setTimeout(() => {
				const next = clock.now();
				if (changes === undefined || changes(shown.current, next)) {
					shown.current = next;
					setNow(next);
				}
				schedule();
			}, msToNextMinute(clock.now()));
		};
		schedule();
		return () => timers.clearTimeout(timer);
	}, [clock, fixed, timers, changes]);
	return fixed ?? now;
}
