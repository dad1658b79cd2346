/**
 * Previews of a large feed (sources/preview-text.ts, previewDocument): a cut
 * of the document read by the same adapter, so its posts are the very posts
 * the whole feed gives, sanitised the same way; when no cut can be made,
 * there is no preview at all.
 */
import {describe, expect, it} from 'vitest';
import {parseDocument, PREVIEW_ENTRIES, PREVIEW_HEAD_BYTES, previewDocument} from '../../src/sources/index.js';
import {cutJsonArray, cutXmlItems} from '../../src/sources/preview-text.js';
import type {FetchedDocument} from '../../src/sources/source.js';
import {rss, type Item} from '../cli/rss.js';

const encoder = new TextEncoder();

function doc(text: string, contentType: string, url = 'https://example.org/feed'): FetchedDocument {
	return {url, status: 200, headers: {'content-type': contentType}, bytes: encoder.encode(text)};
}

/** `count` items, minute 1 the oldest; `rss()` lists them newest first. */
function items(count: number): Item[] {
	return Array.from({length: count}, (_, i) => ({guid: `g${i + 1}`, title: `Post ${i + 1}`, minute: i + 1, html: `<p>Body ${i + 1} <b>bold</b></p>`}));
}

function fullBlog(document: FetchedDocument) {
	const result = parseDocument(document, {});
	if (result.kind !== 'blog') throw new Error(`not a blog: ${result.kind}`);
	return result.blog;
}

function atom(entries: readonly {id: string; minute: number; title: string}[]): string {
	const body = entries
		.map((e) => `<entry><id>${e.id}</id><title>${e.title}</title><updated>${new Date(Date.UTC(2026, 10, 28, 10, 0) + e.minute * 60_000).toISOString()}</updated><content type="html">&lt;p&gt;Text of ${e.title}&lt;/p&gt;</content></entry>`)
		.join('\n');
	return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom live</title><id>urn:x</id><updated>2026-11-28T11:00:00Z</updated>\n${body}\n</feed>`;
}

describe('cutXmlItems', () => {
	it('keeps the head and the first items, and closes the elements left open', () => {
		const text = rss('Storm live', items(5));
		const cut = cutXmlItems(text, 'item', 2, 'first');
		expect(cut).not.toBeNull();
		expect(cut!.match(/<item>/g)).toHaveLength(2);
		expect(cut).toContain('Post 5');
		expect(cut).toContain('Post 4');
		expect(cut).not.toContain('Post 3');
		expect(cut!.endsWith('</item></channel></rss>')).toBe(true);
	});

	it('keeps the last items instead when asked, with everything after them', () => {
		const cut = cutXmlItems(rss('Storm live', items(5)), 'item', 2, 'last');
		expect(cut!.match(/<item>/g)).toHaveLength(2);
		expect(cut).toContain('Post 1');
		expect(cut).toContain('Post 2');
		expect(cut).not.toContain('Post 3');
		expect(cut).toContain('<title>Storm live</title>');
	});

	it('does not take markup quoted in CDATA or a comment for the feed’s own', () => {
		const text = rss('Storm live', [
			{guid: 'x', title: 'Quoted', minute: 9, html: '<p>a literal </item></channel></rss> in a post</p>'},
			...items(3),
		]).replace('<channel>', '<channel><!-- </item> <item> -->');
		const cut = cutXmlItems(text, 'item', 2, 'first');
		expect(cut!.match(/<guid/g)).toHaveLength(2);
		expect(cut).toContain('a literal </item></channel></rss> in a post');
		expect(cut).toContain('Post 3');
		expect(cut).not.toContain('Post 2');
	});

	it('closes RSS 1.0’s root, where items sit beside the channel', () => {
		const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>T</title></channel>${[1, 2, 3].map((n) => `<item rdf:about="https://example.org/${n}"><title>P${n}</title></item>`).join('')}</rdf:RDF>`;
		expect(cutXmlItems(rdf, 'item', 2, 'first')).toBe(rdf.slice(0, rdf.indexOf('<item rdf:about="https://example.org/3"')) + '</rdf:RDF>');
	});

	it('gives nothing for a feed with no more items than asked, or markup it cannot follow', () => {
		const text = rss('Storm live', items(3));
		expect(cutXmlItems(text, 'item', 3, 'first')).toBeNull();
		expect(cutXmlItems(text, 'item', 3, 'last')).toBeNull();
		expect(cutXmlItems(text, 'entry', 1, 'first')).toBeNull();
		expect(cutXmlItems(text.replace('</channel>', '</chanel>'), 'item', 1, 'last')).toBeNull();
		expect(cutXmlItems(text.replace('<item>', '<item x="1>'), 'item', 1, 'first')).toBeNull();
	});
});

describe('cutJsonArray', () => {
	it('cuts the array to its first or last members and keeps the rest of the object', () => {
		const value = {version: 'v', title: 'T', items: [1, 2, 3, 4]};
		expect(JSON.parse(cutJsonArray(value, 'items', 2, 'first')!)).toEqual({version: 'v', title: 'T', items: [1, 2]});
		expect(JSON.parse(cutJsonArray(value, 'items', 2, 'last')!)).toEqual({version: 'v', title: 'T', items: [3, 4]});
		expect(cutJsonArray(value, 'items', 4, 'first')).toBeNull();
		expect(cutJsonArray([1, 2, 3], 'items', 1, 'first')).toBeNull();
		expect(cutJsonArray({items: 'no'}, 'items', 1, 'first')).toBeNull();
	});
});

describe('previewDocument', () => {
	it('gives the newest posts of a large RSS feed exactly as the whole feed gives them', () => {
		const document = doc(rss('Storm live', items(PREVIEW_ENTRIES + 10)), 'application/rss+xml');
		const preview = previewDocument(document, {});
		const full = fullBlog(document);
		expect(full.entries).toHaveLength(PREVIEW_ENTRIES + 10);
		expect(preview?.entries).toHaveLength(PREVIEW_ENTRIES);
		expect(preview?.title).toBe('Storm live');
		expect(preview?.entries).toEqual(full.entries.slice(0, PREVIEW_ENTRIES));
		expect(preview?.entries[0]?.title).toBe(`Post ${PREVIEW_ENTRIES + 10}`);
	});

	it('reads the head of a long feed to the same posts, multi-byte characters and all', () => {
		const long = Array.from({length: 3000}, (_, i) => ({guid: `g${i}`, title: `Café ☕ ${i} — “déjà vu” 🌊`, minute: i, html: `<p>Él dijo: ${'ñ'.repeat(i % 7)} 日本 ${i}</p>`}));
		const document = doc(rss('Blog 🌊 en vivo', long), 'application/rss+xml');
		expect(document.bytes.length).toBeGreaterThan(PREVIEW_HEAD_BYTES * 2);
		const preview = previewDocument(document, {});
		expect(preview?.title).toBe('Blog 🌊 en vivo');
		expect(preview?.entries).toHaveLength(PREVIEW_ENTRIES);
		expect(preview?.entries).toEqual(fullBlog(document).entries.slice(0, PREVIEW_ENTRIES));
	});

	it('reads the whole document when the head holds too few posts', () => {
		const big = Array.from({length: PREVIEW_ENTRIES + 10}, (_, i) => ({guid: `g${i}`, title: `Long ${i}`, minute: i, html: `<p>${'word '.repeat(4000)}${i}</p>`}));
		const document = doc(rss('Long posts', big), 'application/rss+xml');
		expect(document.bytes.length).toBeGreaterThan(PREVIEW_HEAD_BYTES * 2);
		const preview = previewDocument(document, {});
		expect(preview?.entries).toHaveLength(PREVIEW_ENTRIES);
		expect(preview?.entries).toEqual(fullBlog(document).entries.slice(0, PREVIEW_ENTRIES));
	});

	it('takes the end of a feed listed oldest first, where its newest posts are', () => {
		const list = Array.from({length: PREVIEW_ENTRIES + 10}, (_, i) => ({id: `urn:e${i + 1}`, minute: i + 1, title: `Entry ${i + 1}`}));
		const document = doc(atom(list), 'application/atom+xml');
		const preview = previewDocument(document, {});
		const full = fullBlog(document);
		expect(preview?.entries).toHaveLength(PREVIEW_ENTRIES);
		expect(preview?.entries.map((e) => e.title)).toContain(`Entry ${PREVIEW_ENTRIES + 10}`);
		expect(preview?.entries.map((e) => e.title)).not.toContain('Entry 10');
		expect(preview?.entries).toEqual(full.entries.slice(-PREVIEW_ENTRIES));
	});

	it('takes the end of a long feed listed oldest first too', () => {
		const list = Array.from({length: 4000}, (_, i) => ({id: `urn:e${i + 1}`, minute: i + 1, title: `Entry ${i + 1}`}));
		const document = doc(atom(list), 'application/atom+xml');
		expect(document.bytes.length).toBeGreaterThan(PREVIEW_HEAD_BYTES * 2);
		const preview = previewDocument(document, {});
		expect(preview?.entries.map((e) => e.title)).toContain('Entry 4000');
		expect(preview?.entries).toEqual(fullBlog(document).entries.slice(-PREVIEW_ENTRIES));
	});

	it('reads a JSON Feed’s first items the same way', () => {
		const feed = {
			version: 'https://jsonfeed.org/version/1.1',
			title: 'JSON live',
			items: Array.from({length: PREVIEW_ENTRIES + 5}, (_, i) => ({id: `j${i}`, title: `Item ${i}`, content_html: `<p>${i}</p>`, date_published: new Date(Date.UTC(2026, 10, 28, 12, 0) - i * 60_000).toISOString()})),
		};
		const document = doc(JSON.stringify(feed), 'application/feed+json');
		const preview = previewDocument(document, {});
		expect(preview?.entries).toHaveLength(PREVIEW_ENTRIES);
		expect(preview?.entries).toEqual(fullBlog(document).entries.slice(0, PREVIEW_ENTRIES));
	});

	it('sanitises what a hostile feed says, as the full read does', () => {
		const hostile = items(PREVIEW_ENTRIES + 1).map((item, i) => (i === PREVIEW_ENTRIES ? {...item, title: 'Alpha \u001b[2J\u202eevil'} : item));
		const preview = previewDocument(doc(rss('Storm \u001b]52;c;aGk=\u0007 live', hostile), 'application/rss+xml'), {});
		expect(preview?.title).toBe('Storm \u241b]52;c;aGk=\u2407 live');
		expect(preview?.entries[0]?.title).toBe('Alpha \u241b[2Jevil');
		expect(JSON.stringify(preview)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
	});

	it('gives none for a small feed, a page, a Guardian response, or a document it cannot cut', () => {
		expect(previewDocument(doc(rss('Small', items(PREVIEW_ENTRIES)), 'application/rss+xml'), {})).toBeNull();
		expect(previewDocument(doc('<html><body>hello</body></html>', 'text/html'), {})).toBeNull();
		expect(previewDocument(doc(`<html><body>${'<p>long page</p>'.repeat(70_000)}</body></html>`, 'text/html'), {})).toBeNull();
		expect(previewDocument(doc(JSON.stringify({response: {status: 'ok', content: {}}}), 'application/json', 'https://content.guardianapis.com/x'), {force: 'guardian'})).toBeNull();
		const broken = rss('Broken', items(PREVIEW_ENTRIES + 1)).replace('<title>Post 30</title>', '<title>Post 30</titel>');
		expect(previewDocument(doc(broken, 'application/rss+xml'), {})).toBeNull();
	});
});
