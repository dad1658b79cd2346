/**
 * Loads older posts when the reader reaches the end of a tab that can have
 * them (the reducer says which: `olderWanted`). One load per tab at a time;
 * the result is dispatched as `older-loaded`/`older-failed`, which the
 * reducer merges as additions.
 */
import {useEffect, useRef} from 'react';
import {olderWanted} from '../../state/older.js';
import type {State} from '../../state/state.js';
import type {AppStore} from './use-app-state.js';
import type {Pollers} from './use-pollers.js';

export type OlderLoads = {
	/** Drops the load in flight for a tab (it followed a newer blog). */
	abort(tab: number): void;
};

export function useOlderPosts(state: State, store: AppStore, pollers: Pollers, now: () => number): OlderLoads {
	const inflight = useRef(new Map<number, AbortController>());
	const wanted = olderWanted(state);
	const blog = wanted === null ? null : (state.tabs[wanted]?.blog ?? null);

	useEffect(() => {
		if (wanted === null || blog === null || inflight.current.has(wanted)) return;
		const controller = new AbortController();
		const started = pollers.get(wanted)?.loadOlder?.(blog, controller.signal) ?? null;
		if (started === null) return;
		const tab = wanted;
		inflight.current.set(tab, controller);
		store.dispatch({type: 'older-requested', tab, at: now()});
		void started.then(
			(outcome) => {
				if (inflight.current.get(tab) === controller) inflight.current.delete(tab);
				if (controller.signal.aborted) return;
				store.dispatch(
					outcome.kind === 'loaded'
						? {type: 'older-loaded', tab, blog: outcome.blog, at: now()}
						: {type: 'older-failed', tab, failure: outcome.failure, at: now()},
				);
			},
			() => {
				// A loader that rejects breaks its own contract; the tab may try again later.
				if (inflight.current.get(tab) === controller) inflight.current.delete(tab);
				if (!controller.signal.aborted) store.dispatch({type: 'older-failed', tab, failure: {kind: 'parse', message: 'older posts could not be read', url: ''}, at: now()});
			},
		);
	}, [wanted, blog, pollers, store, now]);

	useEffect(() => {
		const loads = inflight.current;
		return () => {
			for (const controller of loads.values()) controller.abort();
			loads.clear();
		};
	}, []);

	const api = useRef<OlderLoads | null>(null);
	api.current ??= {
		abort(tab) {
			inflight.current.get(tab)?.abort();
			inflight.current.delete(tab);
		},
	};
	return api.current;
}
