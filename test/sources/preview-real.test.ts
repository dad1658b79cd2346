/**
 * Previews over the real-world samples in ../shared/fixtures/real/, read in
 * place: wherever a preview is made, its posts are the very posts the whole
 * document gives (same ids, same normalised fields), and it holds the blog's
 * newest post. Real feeds carry what our own fixtures may not (namespaces,
 * CDATA, comments, legacy charsets, RSS 1.0's items beside the channel).
 */
import {readFileSync, readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {parseDocument, PREVIEW_ENTRIES, previewDocument} from '../../src/sources/index.js';
import type {FetchedDocument} from '../../src/sources/source.js';

const REAL_DIR = fileURLToPath(new URL('../../../shared/fixtures/real/', import.meta.url));
const files = readdirSync(REAL_DIR).filter((name) => name !== 'SOURCES.md').sort();

function documentFor(name: string): FetchedDocument {
	const headers: Record<string, string> = name.endsWith('.json') ? {'content-type': 'application/json'} : name.endsWith('.html') ? {'content-type': 'text/html'} : {};
	return {url: `https://example.test/${name}`, status: 200, headers, bytes: new Uint8Array(readFileSync(REAL_DIR + name))};
}

/** The samples with more posts than a preview holds, in three shapes: RSS 2.0, RSS 1.0 (RDF) and a Guardian RSS front. */
const PREVIEWED = ['guardian-rss-us-front-2018-with-liveblog-items.xml', 'rdf-rss1-science-dc-date.xml', 'rss2-huggingface-relative-urls.xml'];

describe('previews of the real-world samples', () => {
	it.each(files)('%s: a preview holds only posts the whole document gives, unchanged', (name) => {
		const document = documentFor(name);
		const preview = previewDocument(document, {});
		expect(preview !== null).toBe(PREVIEWED.includes(name));
		if (preview === null) return;
		const full = parseDocument(document, {});
		if (full.kind !== 'blog') throw new Error(`${name}: the whole document is not a blog (${full.kind})`);
		expect(preview.entries).toHaveLength(PREVIEW_ENTRIES);
		const byId = new Map(full.blog.entries.map((entry) => [entry.id, entry]));
		for (const entry of preview.entries) expect(entry).toEqual(byId.get(entry.id));
		expect(preview.entries[0]?.id).toBe(full.blog.entries[0]?.id);
		expect(preview.title).toBe(full.blog.title);
	});
});
