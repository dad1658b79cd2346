/**
 * THE XML parser for feeds. fast-xml-parser's defaults are wrong for feeds
 * (numbers and booleans guessed from text, attributes dropped, HTML entities
 * left encoded), and its output is `any`: everything here returns `unknown`
 * plus small accessors that narrow it, so adapters never trust the shape.
 */
import {XMLParser, type X2jOptions, type ProcessEntitiesOptions} from 'fast-xml-parser';
import {LiveblogError} from '../errors.js';

/** Measured: ~50 MB/s on CDATA feeds, ~20 MB/s on entity-escaped ones; 20 MB is far above any live blog. */
export const MAX_XML_CHARS = 20 * 1024 * 1024;
/**
 * Entity decoding dominates the cost of escaped feeds: a 5 MB `&#65;` flood
 * (1M references) takes ~1.5 s. Ordinary escaped feeds carry ~150 references
 * per post, so 1M leaves room for several thousand posts while bounding the worst case.
 */
export const MAX_ENTITY_REFERENCES = 1_000_000;

/**
 * Limits on entities a document declares itself in its DOCTYPE. `appliesTo:
 * 'external'` counts only those (the attack surface: billion laughs,
 * quadratic blowup), not the predefined and HTML entities of ordinary feeds:
 * counting those too is why `maxTotalExpansions: 1000` rejects any feed full
 * of escaped `<p>`. fast-xml-parser 5.12 also drops entity values that refer
 * to other entities (no recursion) and refuses SYSTEM/PUBLIC entities.
 */
const entityLimits: ProcessEntitiesOptions & {readonly appliesTo: 'external'} = {
	enabled: true,
	// One declared entity's replacement text; real feeds declare none or tiny ones.
	maxEntitySize: 4096,
	maxEntityCount: 64,
	// References to declared entities per document.
	maxTotalExpansions: 10_000,
	// Growth in characters caused by declared entities (quadratic blowup ends here, ~0.2 s).
	maxExpandedLength: 1_000_000,
	appliesTo: 'external',
};

/** Atom text constructs of type xhtml are markup, not text: keep them raw for the HTML converter. */
const XHTML_CONSTRUCTS = ['content', 'summary', 'title', 'subtitle', 'rights'].map(name => `..${name}[type=xhtml]`);

const CRITICAL_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Exported for the test that checks `compact` against fast-xml-parser's own object form. */
export const XML_OPTIONS: Readonly<X2jOptions> = {
	// Attributes carry guid@isPermaLink, link@href/rel, content@type, xml:base, rdf:about.
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	// Keep every value a string: `<guid>0012345</guid>` must not become 12345
	// (ids collide) and `<title>true</title>` must not become a boolean.
	parseTagValue: false,
	parseAttributeValue: false,
	// Feeds indent values and pubDate often carries trailing CR LF + spaces.
	trimValues: true,
	// CDATA merges into the text: `<![CDATA[x]]>` and `x` mean the same to us.
	cdataPropName: false,
	// Namespaces are resolved by the adapters from the xmlns declarations (see `NsContext`).
	removeNSPrefix: false,
	processEntities: entityLimits,
	// Feeds use HTML entities (&#8217;, &hellip;, &nbsp;) freely; without this they stay encoded.
	// Legacy entities without a semicolon are not decoded here, so `&copy=2` stays as written.
	htmlEntities: true,
	stopNodes: XHTML_CONSTRUCTS,
	// Deep nesting is an attack, not a feed; the default bound is kept on purpose.
	maxNestedTags: 100,
	// fast-xml-parser throws on elements named __proto__/constructor/prototype, which would
	// sink a whole feed for one odd element; renamed, they are plain data nobody reads.
	transformTagName: name => (CRITICAL_NAMES.has(name) ? `x-${name}` : name),
	ignoreDeclaration: true,
	ignorePiTags: true,
	// No callback here reads the element path, and building it as a string for
	// every element (the default) costs ~15% of the parse.
	jPath: false,
	// The parser's own conversion of its ordered tree into objects keeps a
	// path matcher and strips attribute prefixes for every element, a fifth of
	// the whole parse; `compact` below builds the same objects without that.
	preserveOrder: true,
};

const parser = new XMLParser(XML_OPTIONS);

/** A parsed XML element as fast-xml-parser gives it: string, object, or array of either. */
export type XmlNode = unknown;
export type XmlObject = Readonly<Record<string, unknown>>;

function fail(url: string, message: string, cause?: unknown): LiveblogError {
	return new LiveblogError({kind: 'parse', message, url}, cause === undefined ? undefined : {cause});
}

function countEntityReferences(text: string): number {
	let count = 0;
	for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) count++;
	return count;
}

/** One entry of fast-xml-parser's ordered output: `{name: children, ':@'?: attributes}` or `{'#text': text}`. */
type OrderedEntry = Readonly<Record<string, unknown>>;

const ATTRIBUTES = ':@';
const TEXT = '#text';

/**
 * The object form fast-xml-parser itself builds from its ordered tree (with
 * these options: no arrays forced, no empty text nodes), built directly:
 * children by name in document order, a repeated name as an array, the
 * element's text joined as `#text` after them, then its attributes; an
 * element with only text becomes that string, an empty one ''. A test
 * compares the two on generated documents.
 */
function compact(entries: readonly OrderedEntry[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	let text: string | undefined;
	for (const entry of entries) {
		let name: string | undefined;
		for (const key in entry) {
			if (key !== ATTRIBUTES) {
				name = key;
				break;
			}
		}
		if (name === undefined) continue;
		const value = entry[name];
		if (name === TEXT) {
			text = text === undefined ? (value as string) : text + String(value);
			continue;
		}
		if (!Array.isArray(value)) continue;
		const children = compact(value as OrderedEntry[]);
		let node: unknown = children;
		const attributes = entry[ATTRIBUTES];
		if (attributes) {
			for (const key of Object.keys(attributes)) children[key] = (attributes as Record<string, unknown>)[key];
		} else {
			const keys = Object.keys(children);
			if (keys.length === 0) node = '';
			else if (keys.length === 1 && children[TEXT] !== undefined) node = children[TEXT];
		}
		if (Object.hasOwn(out, name) && out[name] !== undefined) {
			const existing = out[name];
			if (Array.isArray(existing)) existing.push(node);
			else out[name] = [existing, node];
		} else {
			out[name] = node;
		}
	}
	if (text !== undefined && text.length > 0) out[TEXT] = text;
	return out;
}

/** Strips trailing whitespace, comments and processing instructions. */
function trimTrailingMisc(text: string): string {
	let end = text.trimEnd();
	for (;;) {
		if (end.endsWith('-->')) {
			const start = end.lastIndexOf('<!--');
			if (start === -1) return end;
			end = end.slice(0, start).trimEnd();
		} else if (end.endsWith('?>')) {
			const start = end.lastIndexOf('<?');
			if (start === -1) return end;
			end = end.slice(0, start).trimEnd();
		} else {
			return end;
		}
	}
}

/** The first element name that is not the declaration. */
export function rootName(document: XmlObject): string | null {
	for (const key of Object.keys(document)) {
		if (!key.startsWith('?') && !key.startsWith('#')) return key;
	}
	return null;
}

/**
 * Parses a feed document. Throws LiveblogError('parse') with a one-line
 * reason for oversized, malformed or truncated input; never anything else.
 */
export function parseXml(text: string, url: string): XmlObject {
	if (text.length > MAX_XML_CHARS) {
		throw fail(url, `the document is over ${MAX_XML_CHARS / 1024 / 1024} MB of text; refused`);
	}
	if (countEntityReferences(text) > MAX_ENTITY_REFERENCES) {
		throw fail(url, `the document has over ${MAX_ENTITY_REFERENCES} entity references; refused`);
	}
	// A BOM or blank lines before the first markup are common and harmless.
	const body = text.replace(/^\uFEFF/, '');
	let parsed: unknown;
	try {
		const ordered: unknown = parser.parse(body);
		parsed = Array.isArray(ordered) ? compact(ordered as OrderedEntry[]) : ordered;
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		if (/entity|expan/i.test(reason)) {
			throw fail(url, `entity expansion refused (${reason.replace(/^\[\w+\]\s*/, '')})`, error);
		}
		throw fail(url, `malformed or cut-off XML (${reason.slice(0, 160)})`, error);
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw fail(url, 'no XML element found');
	}
	const document = parsed as XmlObject;
	const root = rootName(document);
	if (root === null) throw fail(url, 'no XML element found');
	// fast-xml-parser accepts a document that stops after a complete tag;
	// a feed whose root never closes is a truncated download.
	const tail = trimTrailingMisc(body);
	const name = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	// Either form holds no '<' past its first character, so a match can only
	// start at the last '<': testing from there spares a scan of the whole document.
	const lastTag = tail.slice(Math.max(0, tail.lastIndexOf('<')));
	const closesRoot = new RegExp(`(?:</${name}\\s*>|<${name}\\b[^<>]*/>)$`).test(lastTag);
	if (!closesRoot) throw fail(url, `the document ends before </${root}> (truncated download?)`);
	return document;
}

// ---------------------------------------------------------------------------
// Accessors: narrow fast-xml-parser's output without trusting its shape.

export function isObject(value: unknown): value is XmlObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own property only: a feed element named `constructor` must not reach Object.prototype. */
export function own(node: unknown, key: string): unknown {
	return isObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

/** Every child with this exact (prefixed) name, whether it occurred once or many times. */
export function all(node: unknown, key: string): readonly unknown[] {
	const value = own(node, key);
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

export function attr(node: unknown, name: string): string | null {
	const value = own(node, `@_${name}`);
	return typeof value === 'string' ? value : null;
}

/** The text of an element: a plain string, or `#text` beside attributes. */
export function textOf(node: unknown): string | null {
	if (typeof node === 'string') return node;
	if (isObject(node)) {
		const text = own(node, '#text');
		return typeof text === 'string' ? text : null;
	}
	return null;
}

export function firstText(node: unknown, key: string): string | null {
	for (const child of all(node, key)) {
		const text = textOf(child)?.trim();
		if (text) return text;
	}
	return null;
}

/** Resolves an `xml:base` attribute against the base in force, keeping the old one when it is unusable. */
export function withBase(node: unknown, base: string): string {
	const declared = attr(node, 'xml:base');
	if (!declared) return base;
	try {
		return new URL(declared.trim(), base).href;
	} catch {
		return base;
	}
}
