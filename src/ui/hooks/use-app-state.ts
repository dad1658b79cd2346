/**
 * The reducer's state in a tiny store rather than useReducer: the key hook
 * must resolve each key of a burst ("/kim" typed fast arrives as one chunk)
 * against the state the previous key produced, which useReducer only exposes
 * after a render.
 */
import {useRef, useSyncExternalStore} from 'react';
import type {Action} from '../../state/actions.js';
import {reduce} from '../../state/reducer.js';
import type {State} from '../../state/state.js';

export type AppStore = {
	getState(): State;
	dispatch(action: Action): void;
	subscribe(listener: () => void): () => void;
};

export function createAppStore(initial: State): AppStore {
	let state = initial;
	const listeners = new Set<() => void>();
	return {
		getState: () => state,
		dispatch(action) {
			const next = reduce(state, action);
			if (next === state) return;
			state = next;
			for (const listener of listeners) listener();
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}

export function useAppStore(initial: State): [State, AppStore] {
	const ref = useRef<AppStore | null>(null);
	ref.current ??= createAppStore(initial);
	const store = ref.current;
	const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
	return [state, store];
}
