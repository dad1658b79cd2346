/**
 * Effects that follow the state: the one timer for settling highlights
 * (scheduled for when the next one is due, never polled), the window title,
 * the bell and notifications when posts arrive, and debounced store writes.
 */
import {useEffect, useRef} from 'react';
import {nextSettleAt} from '../../state/reducer.js';
import {terminalTitle} from '../../state/selectors.js';
import type {State, TabState} from '../../state/state.js';
import type {SafeText} from '../../text/sanitize.js';
import type {TerminalEffects} from '../terminal-effects.js';
import {systemTimers, type Timers} from './timers.js';
import type {AppStore} from './use-app-state.js';

export type NotifySettings = {readonly bell: 'all' | 'key-events' | 'none'; readonly desktop: boolean};

/** Writes a tab's stored copy; resolves to a failure message or null. */
export type SaveTab = (tab: TabState, index: number, at: number) => Promise<SafeText | null>;

export const SAVE_DEBOUNCE_MS = 2_000;

export function useSettleTimer(state: State, store: AppStore, now: () => number, timers: Timers = systemTimers): void {
	const due = nextSettleAt(state);
	useEffect(() => {
		if (due === null) return;
		const timer = timers.setTimeout(() => store.dispatch({type: 'tick', at: Math.max(now(), due)}), Math.max(0, due - now()));
		return () => timers.clearTimeout(timer);
	}, [due, store, now, timers]);
}

export function useTitle(state: State, effects: TerminalEffects | undefined): void {
	const title = terminalTitle(state);
	useEffect(() => {
		effects?.title(title);
	}, [title, effects]);
}

export function useArrivals(state: State, effects: TerminalEffects | undefined, notify: NotifySettings): void {
	const seen = useRef(state.tabs.map((t) => t.arrival.seq));
	useEffect(() => {
		state.tabs.forEach((tab, i) => {
			const last = seen.current[i] ?? 0;
			if (tab.arrival.seq === last) return;
			seen.current[i] = tab.arrival.seq;
			const {posts, keyEvents, title} = tab.arrival;
			const wanted = notify.bell === 'all' ? posts > 0 : notify.bell === 'key-events' ? keyEvents > 0 : false;
			if (wanted) effects?.bell();
			if (notify.desktop && (wanted || (notify.bell === 'none' && keyEvents > 0))) {
				const blogTitle = tab.blog?.title ?? 'liveblog';
				const what = keyEvents > 0 ? 'Key event' : posts === 1 ? 'New post' : `${posts} new posts`;
				effects?.notify(blogTitle, title ? `${what}: ${title}` : what);
			}
		});
	}, [state.tabs, effects, notify]);
}

export function useStoreWrites(state: State, store: AppStore, save: SaveTab | undefined, now: () => number, timers: Timers = systemTimers): void {
	const written = useRef(state.tabs.map((t) => t.storeSeq));
	const seqs = state.tabs.map((t) => t.storeSeq).join(',');
	useEffect(() => {
		if (!save) return;
		const timer = timers.setTimeout(() => {
			const current = store.getState();
			current.tabs.forEach((tab, i) => {
				if (tab.blog === null || written.current[i] === tab.storeSeq) return;
				written.current[i] = tab.storeSeq;
				void save(tab, i, now()).then((failure) => {
					store.dispatch(failure === null ? {type: 'store-written', at: now()} : {type: 'store-write-failed', message: failure, at: now()});
				});
			});
		}, SAVE_DEBOUNCE_MS);
		return () => timers.clearTimeout(timer);
	}, [seqs, save, store, now, timers]);
}
