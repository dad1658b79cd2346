import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import iconv from 'iconv-lite';
import {describe, expect, it} from 'vitest';
import {decodeBytes, decodeDocument, mediaType, normalizeCharset} from '../../src/text/decode.js';

const realFixture = (name: string): Uint8Array =>
	readFileSync(fileURLToPath(new URL(`../../../shared/fixtures/real/${name}`, import.meta.url)));

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const ascii = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const concat = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

describe('decodeBytes', () => {
	it('decodes 0x80–0x9F as windows-1252 punctuation when the header says windows-1252', () => {
		// € “ ” … – —
		const decoded = decodeBytes(bytes(0x80, 0x93, 0x94, 0x85, 0x96, 0x97), 'text/xml; charset=windows-1252');
		expect(decoded.text).toBe('€“”…–—');
		expect(decoded.source).toBe('header');
	});

	it('reads an ISO-8859-1 label as windows-1252, as browsers do', () => {
		const decoded = decodeBytes(concat(ascii('caf'), bytes(0xe9, 0x20, 0x80)), 'text/html; charset="ISO-8859-1"');
		expect(decoded.charset).toBe('windows-1252');
		expect(decoded.text).toBe('café €');
	});

	it('takes the charset from the XML declaration', () => {
		const doc = concat(ascii('<?xml version="1.0" encoding="windows-1252"?><t>'), bytes(0x93, 0x71, 0x94), ascii('</t>'));
		const decoded = decodeBytes(doc);
		expect(decoded.source).toBe('xml-declaration');
		expect(decoded.text).toBe('<?xml version="1.0" encoding="windows-1252"?><t>“q”</t>');
	});

	it('takes the charset from an HTML meta charset tag', () => {
		const doc = concat(ascii('<html><head><meta charset="iso-8859-15"></head><body>'), bytes(0xa4), ascii('</body>'));
		const decoded = decodeBytes(doc, 'text/html');
		expect(decoded.source).toBe('html-meta');
		expect(decoded.text).toContain('<body>€</body>');
	});

	it('takes the charset from a meta http-equiv content-type tag', () => {
		const doc = concat(
			ascii('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><p>'),
			iconv.encode('Привет', 'koi8-r'),
		);
		expect(decodeBytes(doc).text.endsWith('<p>Привет')).toBe(true);
	});

	it('decodes KOI8-R from the header', () => {
		const decoded = decodeBytes(iconv.encode('Новости: срочно', 'koi8-r'), 'application/rss+xml; charset=KOI8-R');
		expect(decoded.text).toBe('Новости: срочно');
	});

	it('decodes UTF-16LE and UTF-16BE with a BOM and strips it', () => {
		const text = '<?xml version="1.0" encoding="UTF-16"?><t>€ “ok” 速報</t>';
		const le = concat(bytes(0xff, 0xfe), Buffer.from(text, 'utf16le'));
		const be = concat(bytes(0xfe, 0xff), Buffer.from(text, 'utf16le').swap16());
		expect(decodeBytes(le)).toMatchObject({text, charset: 'utf-16le', source: 'bom'});
		expect(decodeBytes(be)).toMatchObject({text, charset: 'utf-16be', source: 'bom'});
	});

	it('detects UTF-16 without a BOM from the "<?" pattern', () => {
		const text = '<?xml version="1.0"?><t>ü</t>';
		expect(decodeBytes(Buffer.from(text, 'utf16le')).text).toBe(text);
		expect(decodeBytes(Buffer.from(text, 'utf16le').swap16()).text).toBe(text);
	});

	it('prefers a BOM over a contradicting header, and strips a UTF-8 BOM', () => {
		const doc = concat(bytes(0xef, 0xbb, 0xbf), Buffer.from('<t>é</t>'));
		const decoded = decodeBytes(doc, 'text/xml; charset=iso-8859-1');
		expect(decoded.text).toBe('<t>é</t>');
		expect(decoded.source).toBe('bom');
	});

	it('treats an ASCII-readable UTF-16 declaration as UTF-8', () => {
		const decoded = decodeBytes(Buffer.from('<?xml version="1.0" encoding="utf-16"?><t>é</t>'));
		expect(decoded.text).toBe('<?xml version="1.0" encoding="utf-16"?><t>é</t>');
	});

	it('falls back to windows-1252 for undeclared Latin-1 bytes (real UOL feed)', () => {
		const decoded = decodeBytes(realFixture('broken-no-decl-latin1-bytes-uol.xml'), 'text/xml');
		expect(decoded.source).toBe('fallback-latin1');
		expect(decoded.text).toContain('<description>Últimas Notícias</description>');
		expect(decoded.text).not.toContain('\uFFFD');
	});

	it('reads real Latin-1 and Greek feeds by their XML declaration', () => {
		const pt = decodeBytes(realFixture('rss2-jn-pt-iso-8859-1-feedburner.xml'));
		expect(pt.source).toBe('xml-declaration');
		expect(pt.text).toContain('Notícias');
		expect(pt.text).not.toContain('\uFFFD');
		const el = decodeBytes(realFixture('broken-iso-8859-7-greek-date.xml'));
		expect(el.text).toContain('Τρι, 29 Ιούν 2004');
	});

	it('believes the document over a server-wide charset=utf-8 when the bytes are not UTF-8', () => {
		const doc = concat(ascii('<?xml version="1.0" encoding="ISO-8859-1"?><t>S'), bytes(0xe3, 0x6f), ascii(' Paulo</t>'));
		const decoded = decodeBytes(doc, 'application/xml; charset=utf-8');
		expect(decoded).toMatchObject({charset: 'windows-1252', source: 'xml-declaration'});
		expect(decoded.text.endsWith('<t>São Paulo</t>')).toBe(true);
	});

	it('keeps damaged UTF-8 as UTF-8 with U+FFFD when most multibyte text is valid', () => {
		const doc = concat(Buffer.from('<t>Zürich, Genève, Köln '), bytes(0xff), Buffer.from('</t>'));
		const decoded = decodeBytes(doc);
		expect(decoded.charset).toBe('utf-8');
		expect(decoded.text).toBe('<t>Zürich, Genève, Köln \uFFFD</t>');
	});

	it('decodes valid UTF-8 under a utf-8 header as the header says, multi-byte text and all', () => {
		const decoded = decodeBytes(Buffer.from('<t>Zürich — 東京 🌊</t>'), 'application/rss+xml; charset=UTF-8');
		expect(decoded).toEqual({text: '<t>Zürich — 東京 🌊</t>', charset: 'utf-8', source: 'header'});
	});

	it('replaces invalid bytes in declared UTF-8 with U+FFFD instead of throwing', () => {
		const decoded = decodeBytes(bytes(0x61, 0xc3, 0x28, 0x62), 'text/plain; charset=utf-8');
		expect(decoded.text).toBe('a\uFFFD(b');
	});

	it('ignores an unknown charset label and uses UTF-8', () => {
		const decoded = decodeBytes(Buffer.from('<t>ä</t>'), 'text/xml; charset=x-no-such-thing');
		expect(decoded).toMatchObject({text: '<t>ä</t>', charset: 'utf-8', source: 'default'});
	});

	it('never throws on arbitrary bytes in any charset', () => {
		const noise = Uint8Array.from({length: 4096}, (_, i) => (i * 7919 + 13) % 256);
		for (const type of [undefined, 'text/xml; charset=utf-16', 'text/xml; charset=koi8-r', 'text/xml; charset=windows-1252']) {
			expect(typeof decodeBytes(noise, type).text).toBe('string');
		}
		expect(decodeBytes(bytes(0xff)).text.length).toBe(1);
		expect(decodeBytes(new Uint8Array(0)).text).toBe('');
	});
});

describe('helpers', () => {
	it('normalises labels', () => {
		expect(normalizeCharset('Latin1')).toBe('windows-1252');
		expect(normalizeCharset('"UTF-8"')).toBe('utf-8');
		expect(normalizeCharset('iso-8859-7')).toBe('iso-8859-7');
		expect(normalizeCharset('bogus')).toBeNull();
	});

	it('extracts the media type', () => {
		expect(mediaType('Application/RSS+XML; charset=utf-8')).toBe('application/rss+xml');
		expect(mediaType(undefined)).toBeNull();
		expect(mediaType('  ')).toBeNull();
	});
});

describe('decodeDocument', () => {
	it('builds a SourceText from a FetchedDocument', () => {
		const source = decodeDocument({
			url: 'https://example.org/feed',
			status: 200,
			headers: {'content-type': 'Text/XML; charset=windows-1252'},
			bytes: concat(ascii('<t>'), bytes(0x80), ascii('</t>')),
		});
		expect(source).toEqual({
			url: 'https://example.org/feed',
			contentType: 'text/xml',
			headers: {'content-type': 'Text/XML; charset=windows-1252'},
			text: '<t>€</t>',
		});
	});
});
