import type {State, TabState} from './state.js';

/** Replaces one tab, keeping the State object when the tab did not change. */
export function withTab(state: State, index: number, change: (tab: TabState) => TabState): State {
	const tab = state.tabs[index];
	if (!tab) return state;
	const changed = change(tab);
	if (changed === tab) return state;
	const tabs = state.tabs.slice();
	tabs[index] = changed;
	return {...state, tabs};
}

export function withActive(state: State, change: (tab: TabState) => TabState): State {
	return withTab(state, state.active, change);
}
