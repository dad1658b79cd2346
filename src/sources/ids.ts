/**
 * Stable entry ids. A feed's own id (guid, Atom id, rdf:about, JSON Feed id)
 * is best; then the link; then a hash of what the entry says, so an entry
 * with neither keeps the same id from poll to poll as long as it is unchanged.
 */
import {createHash} from 'node:crypto';

/** A short hex digest; not for security, only for stable identity. */
export function shortHash(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export type IdParts = {
	readonly id: string | null;
	readonly link: string | null;
	readonly title: string | null;
	readonly date: string | null;
	readonly body: string | null;
};

const MAX_ID_CHARS = 1024;

/** Ids are keys, not text to show; a control byte in one is replaced so keys stay printable. */
function clean(id: string): string {
	const printable = id.trim().replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
	return printable.length > MAX_ID_CHARS ? `h:${shortHash(printable)}` : printable;
}

export function entryId(parts: IdParts): string {
	const own = parts.id?.trim();
	if (own) return clean(own);
	const link = parts.link?.trim();
	if (link) return clean(link);
	const bodyStart = (parts.body ?? '').trim().slice(0, 200);
	return `h:${shortHash(`${parts.title?.trim() ?? ''}\u0000${parts.date?.trim() ?? ''}\u0000${bodyStart}`)}`;
}

/**
 * Keeps ids unique within one document. A repeated id (feeds whose every
 * guid is the same exist) gets a suffix from the entry's content, so it is
 * stable across polls as long as the entry is; an exact duplicate is dropped.
 */
export function makeUnique<T extends {readonly id: string}>(entries: readonly T[], contentKey: (entry: T) => string): T[] {
	const holders = new Map<string, T>();
	// Content keys are computed only when ids collide: hashing every body would cost more than parsing it.
	const keys = new Map<T, string>();
	const keyOf = (entry: T): string => {
		let key = keys.get(entry);
		if (key === undefined) keys.set(entry, (key = contentKey(entry)));
		return key;
	};
	const out: T[] = [];
	for (const entry of entries) {
		const holder = holders.get(entry.id);
		if (holder === undefined) {
			holders.set(entry.id, entry);
			out.push(entry);
			continue;
		}
		if (keyOf(holder) === keyOf(entry)) continue;
		const id = `${entry.id}#${shortHash(keyOf(entry))}`;
		if (holders.has(id)) continue;
		holders.set(id, entry);
		out.push({...entry, id});
	}
	return out;
}

/** A blog's name of last resort: the host it came from. */
export function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}
