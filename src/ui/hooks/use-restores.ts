/**
 * Finishes the tabs drawn from the first screen of their stored copy: once
 * that frame is out, the rest of each copy is decoded and handed to the
 * reducer in one action (or, when the rest is damaged, the tab starts fresh
 * and says why, as a damaged file does at start).
 */
import {useEffect} from 'react';
import type {StoredSnapshot} from '../../state/state.js';
import type {SafeText} from '../../text/sanitize.js';
import type {AppStore} from './use-app-state.js';

export type RestOutcome = {readonly kind: 'loaded'; readonly stored: StoredSnapshot} | {readonly kind: 'corrupt'; readonly message: SafeText};

/** One tab's rest: `finish` decodes it (run-tui wires the store's). */
export type PendingRestore = {readonly tab: number; readonly finish: () => Promise<RestOutcome>};

const none: readonly PendingRestore[] = [];

export function useRestores(store: AppStore, restores: readonly PendingRestore[] = none, now: () => number): void {
	useEffect(() => {
		if (restores.length === 0) return;
		let stopped = false;
		// After the frame in hand is written: the decode is the largest piece of work of a warm start.
		const handle = setImmediate(() => {
			for (const {tab, finish} of restores) {
				void finish().then((outcome) => {
					if (stopped) return;
					store.dispatch(
						outcome.kind === 'loaded'
							? {type: 'store-completed', tab, stored: outcome.stored, at: now()}
							: {type: 'store-failed', tab, message: outcome.message, at: now()},
					);
				});
			}
		});
		return () => {
			stopped = true;
			clearImmediate(handle);
		};
	}, [store, restores, now]);
}
