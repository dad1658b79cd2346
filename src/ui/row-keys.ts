/**
 * The keys React sees for the pane's rows. A row that stays on screen keeps
 * its key, so scrolling by a line moves rows instead of redrawing them. When
 * no row stays (G, g, a page, a new search), the new rows take over the old
 * rows' keys slot by slot: React then updates the Texts it has instead of
 * unmounting a screen of rows and mounting another (fibers, Ink nodes and
 * Yoga nodes, freed and made again, on every jump). The frame is the same
 * either way; only the work to reach it differs.
 */

/** The keys last used: the rows' own keys, and what React saw for each. */
export type RowKeys = {readonly own: readonly string[]; readonly used: readonly string[]};

export const noRowKeys: RowKeys = {own: [], used: []};

/** Keys for rows whose own keys are `own` (unique), given the last ones. Always unique. */
export function assignRowKeys(own: readonly string[], last: RowKeys): RowKeys {
	if (own.length === last.own.length && own.every((key, i) => key === last.own[i])) return last;
	const lastAt = new Map<string, number>();
	last.own.forEach((key, i) => lastAt.set(key, i));
	const kept = own.some((key) => lastAt.has(key));
	const used: string[] = new Array<string>(own.length);
	const taken = new Set<string>();
	own.forEach((key, i) => {
		// A kept row keeps the key it had; with none kept, slot i takes slot i's.
		const from = kept ? lastAt.get(key) : i;
		const previous = from === undefined ? undefined : last.used[from];
		if (previous !== undefined) {
			used[i] = previous;
			taken.add(previous);
		}
	});
	let fresh = 0;
	own.forEach((key, i) => {
		if (used[i] !== undefined) return;
		let candidate = key;
		// A key handed from slot to slot may be another row's own key by now.
		while (taken.has(candidate)) candidate = `${key}~${fresh++}`;
		used[i] = candidate;
		taken.add(candidate);
	});
	return {own, used};
}
