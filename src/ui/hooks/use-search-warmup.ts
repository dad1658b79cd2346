/**
 * Builds the search text of the active blog's entries in small slices after
 * it changes, so that the first character typed after `/` searches cached
 * text instead of converting 5,000 bodies while the reader waits. Each slice
 * is a few milliseconds; a blog that does not change costs nothing (the
 * effect only runs when the entries array is replaced).
 */
import {useEffect} from 'react';
import type {Entry} from '../../model/blog.js';
import {warmSearchText} from '../../state/list.js';

const SLICE = 100;

export function useSearchWarmup(entries: readonly Entry[] | undefined): void {
	useEffect(() => {
		if (entries === undefined || entries.length === 0) return;
		let at = 0;
		let handle: NodeJS.Immediate | null = null;
		const step = (): void => {
			at = warmSearchText(entries, at, SLICE);
			handle = at < entries.length ? setImmediate(step) : null;
		};
		handle = setImmediate(step);
		return () => {
			if (handle !== null) clearImmediate(handle);
		};
	}, [entries]);
}
