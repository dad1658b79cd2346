/**
 * The one ordering of entries everywhere (screen, sidebar, store): pinned
 * first, then newest first. Ties are broken by id so that two entries with the
 * same timestamp never swap places between polls or runs.
 */
import type {Entry} from './blog.js';

type Ordered = Pick<Entry, 'id' | 'pinned' | 'published'>;

export function compareEntries(a: Ordered, b: Ordered): number {
	if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
	if (a.published !== b.published) return b.published - a.published;
	// Plain code-unit comparison: localeCompare depends on the environment's ICU
	// and locale, and the order must be the same on every machine.
	if (a.id === b.id) return 0;
	return a.id < b.id ? -1 : 1;
}
