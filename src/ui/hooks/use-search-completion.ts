/**
 * Finishes the search of a query being typed, in slices between keys. A key
 * only searches as far as the pane's first two screens need (state/pane.ts);
 * once the whole list is known the screen is drawn again, with its count.
 */
import {useEffect, useReducer} from 'react';
import {finishSome} from '../../state/list.js';
import {paneOf} from '../../state/pane.js';
import {activeTab, type State} from '../../state/state.js';

/** Entries tested per slice: well under a millisecond of includes(). */
const SLICE = 1_000;

export function useSearchCompletion(state: State): void {
	const tab = activeTab(state);
	const {complete} = paneOf(state, tab);
	const all = tab.blog?.entries;
	const {filter, keyEventsOnly} = state;
	const [, redraw] = useReducer((n: number) => n + 1, 0);
	useEffect(() => {
		if (complete || all === undefined) return;
		let handle: NodeJS.Immediate | null = null;
		const step = (): void => {
			if (finishSome(all, filter, keyEventsOnly, SLICE)) {
				handle = null;
				redraw();
			} else {
				handle = setImmediate(step);
			}
		};
		handle = setImmediate(step);
		return () => {
			if (handle !== null) clearImmediate(handle);
		};
	}, [all, filter, keyEventsOnly, complete]);
}
