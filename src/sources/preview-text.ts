/**
 * Smaller documents cut from a large feed, for the first screen while the
 * whole feed is still being read (see previewDocument in index.ts). A cut is
 * itself a whole document of the same format, so it goes through the very
 * adapter, and the very sanitising, that the full feed does. Nothing here
 * parses content: it only finds where the repeated elements begin and end.
 * Any doubt about the document's shape gives null, meaning no preview.
 */

export type CutEnd = 'first' | 'last';

type ItemSpan = {readonly start: number; readonly end: number};

type ItemScan = {
	readonly spans: readonly ItemSpan[];
	/** The elements open around every item, outermost first. */
	readonly ancestors: readonly string[];
};

function localName(name: string): string {
	const colon = name.indexOf(':');
	return colon === -1 ? name : name.slice(colon + 1);
}

const NAME = /[^\s/>]+/y;

/** Where a markup declaration (`<!DOCTYPE …>`, maybe with an internal subset) ends, past its '>'. */
function declarationEnd(text: string, from: number): number {
	const close = text.indexOf('>', from);
	const bracket = text.indexOf('[', from);
	if (bracket === -1 || close === -1 || close < bracket) return close === -1 ? -1 : close + 1;
	const subsetEnd = text.indexOf(']', bracket);
	if (subsetEnd === -1) return -1;
	const end = text.indexOf('>', subsetEnd);
	return end === -1 ? -1 : end + 1;
}

/** Where a start tag that begins at `lt` ends, past its '>', skipping quoted attribute values. */
function startTagEnd(text: string, from: number): number {
	for (let j = from; j < text.length; j++) {
		const c = text.charCodeAt(j);
		if (c === 0x22 || c === 0x27) {
			const close = text.indexOf(c === 0x22 ? '"' : "'", j + 1);
			if (close === -1) return -1;
			j = close;
		} else if (c === 0x3e) {
			return j + 1;
		} else if (c === 0x3c) {
			return -1;
		}
	}
	return -1;
}

/**
 * The spans of the elements named `item` (by local name) that sit at the
 * depth of the first one, up to `stopAfter` of them. Comments, CDATA and
 * processing instructions are skipped whole, so markup quoted inside a post
 * is never mistaken for the feed's own. Null when the tags do not nest.
 */
function scanItems(text: string, item: string, stopAfter: number): ItemScan | null {
	const stack: string[] = [];
	const spans: ItemSpan[] = [];
	let ancestors: readonly string[] | null = null;
	let itemStart = -1;
	let i = 0;
	for (;;) {
		const lt = text.indexOf('<', i);
		if (lt === -1) break;
		let end: number;
		if (text.startsWith('<!--', lt)) {
			end = text.indexOf('-->', lt + 4);
			end = end === -1 ? -1 : end + 3;
		} else if (text.startsWith('<![CDATA[', lt)) {
			end = text.indexOf(']]>', lt + 9);
			end = end === -1 ? -1 : end + 3;
		} else if (text.startsWith('<?', lt)) {
			end = text.indexOf('?>', lt + 2);
			end = end === -1 ? -1 : end + 2;
		} else if (text.startsWith('<!', lt)) {
			end = declarationEnd(text, lt + 2);
		} else if (text.startsWith('</', lt)) {
			end = text.indexOf('>', lt + 2);
			if (end === -1) return null;
			const name = text.slice(lt + 2, end).trim();
			if (stack.pop() !== name) return null;
			end += 1;
			if (ancestors !== null && stack.length === ancestors.length && localName(name) === item) {
				spans.push({start: itemStart, end});
				if (spans.length >= stopAfter) return {spans, ancestors};
			}
		} else {
			NAME.lastIndex = lt + 1;
			const name = NAME.exec(text)?.[0];
			if (name === undefined) return null;
			end = startTagEnd(text, lt + 1 + name.length);
			if (end === -1) return null;
			if (text.charCodeAt(end - 2) !== 0x2f) {
				if (localName(name) === item && (ancestors === null || stack.length === ancestors.length)) {
					ancestors ??= stack.slice();
					itemStart = lt;
				}
				stack.push(name);
			}
		}
		if (end === -1) return null;
		i = end;
	}
	return ancestors === null ? null : {spans, ancestors};
}

/**
 * An XML feed cut down to `count` of its items (`item` is their local name:
 * item, entry): the first ones, or the last ones for a feed listed oldest
 * first. Everything before the first item is kept (the channel's title,
 * namespaces, base URL). Null when the feed has no more than `count` items
 * or its markup cannot be followed.
 */
export function cutXmlItems(text: string, item: string, count: number, end: CutEnd): string | null {
	const scan = scanItems(text, item, end === 'first' ? count + 1 : Number.POSITIVE_INFINITY);
	if (scan === null || scan.spans.length <= count) return null;
	const {spans, ancestors} = scan;
	const head = text.slice(0, spans[0]!.start);
	if (end === 'last') return head + text.slice(spans[spans.length - count]!.start);
	const closing = ancestors
		.slice()
		.reverse()
		.map((name) => `</${name}>`)
		.join('');
	return text.slice(0, spans[count - 1]!.end) + closing;
}

/**
 * A JSON document whose `key` array is cut to `count` of its members, the
 * first or the last; null when it is not an object with more than `count`
 * of them. The input has already been checked by JSON.parse.
 */
export function cutJsonArray(parsed: unknown, key: string, count: number, end: CutEnd): string | null {
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !Object.hasOwn(parsed, key)) return null;
	const record = parsed as Readonly<Record<string, unknown>>;
	const list = record[key];
	if (!Array.isArray(list) || list.length <= count) return null;
	return JSON.stringify({...record, [key]: end === 'first' ? list.slice(0, count) : list.slice(-count)});
}
