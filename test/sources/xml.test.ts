import {describe, expect, it} from 'vitest';
import {LiveblogError} from '../../src/errors.js';
import {own, parseXml, textOf} from '../../src/sources/xml.js';
import {decodeResidualEntities, repairMojibake} from '../../src/sources/text-repair.js';

const URL_ = 'https://feeds.example.test/feed.xml';

function parseError(text: string): string {
	try {
		parseXml(text, URL_);
	} catch (error) {
		expect(error).toBeInstanceOf(LiveblogError);
		const failure = (error as LiveblogError).failure;
		expect(failure.kind).toBe('parse');
		return (error as LiveblogError).message;
	}
	throw new Error('expected a parse failure');
}

function channel(text: string): unknown {
	return own(own(parseXml(text, URL_), 'rss'), 'channel');
}

describe('parseXml options', () => {
	it('keeps values as strings: leading zeros and booleans survive', () => {
		const ch = channel('<rss><channel><guid>0012345</guid><title>true</title><ttl>10</ttl></channel></rss>');
		expect(own(ch, 'guid')).toBe('0012345');
		expect(own(ch, 'title')).toBe('true');
		expect(own(ch, 'ttl')).toBe('10');
	});

	it('keeps attributes and decodes HTML entities', () => {
		const ch = channel('<rss><channel><guid isPermaLink="false">x</guid><title>It&#8217;s &hellip; caf&#xE9;</title></channel></rss>');
		expect(own(own(ch, 'guid'), '@_isPermaLink')).toBe('false');
		expect(own(ch, 'title')).toBe('It\u2019s \u2026 caf\u00e9');
	});

	it('parses an ordinary feed full of escaped markup', () => {
		const item = '<item><description>&lt;p&gt;One &amp;amp; two&lt;/p&gt;&lt;ul&gt;&lt;li&gt;x&lt;/li&gt;&lt;/ul&gt;</description></item>';
		const ch = channel(`<rss><channel>${item.repeat(3000)}</channel></rss>`);
		const items = own(ch, 'item') as unknown[];
		expect(items).toHaveLength(3000);
		expect(textOf(own(items[0], 'description'))).toBe('<p>One &amp; two</p><ul><li>x</li></ul>');
	});

	it('recovers a bare ampersand and leaves a legacy entity without semicolon alone', () => {
		expect(own(channel('<rss><channel><title>Fish & Chips &amp; more &lt;3</title></channel></rss>'), 'title')).toBe('Fish & Chips & more <3');
		expect(own(channel('<rss><channel><title>?page=1&copy=2;mode=x</title></channel></rss>'), 'title')).toBe('?page=1&copy=2;mode=x');
	});

	it('accepts whitespace, comments and processing instructions before the root', () => {
		const doc = '\n\t  <!-- generated -->\n<?xml-stylesheet href="a.xsl"?>\n<rss><channel><title>T</title></channel></rss>\n<!-- end -->\n';
		expect(own(channel(doc), 'title')).toBe('T');
	});

	it('keeps a property named like a prototype member as plain data', () => {
		const ch = channel('<rss><channel><constructor>c</constructor><__proto__ polluted="yes">p</__proto__><toString>t</toString><title constructor="x">T</title></channel></rss>');
		expect(own(ch, 'x-constructor')).toBe('c');
		expect(own(ch, 'constructor')).toBeUndefined();
		expect(own(ch, 'title')).toEqual({'#text': 'T', '@_constructor': 'x'});
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		expect(own({}, 'constructor')).toBeUndefined();
	});
});

describe('parseXml refusals', () => {
	it('rejects a truncated document with a clear message', () => {
		expect(parseError('<rss><channel><title>T</title><item><title>A</title></item>')).toMatch(/ends before <\/rss> \(truncated download\?\)/);
		expect(parseError('<rss><channel><title>T</title><item><title>A</ti')).toMatch(/malformed or cut-off XML/);
		expect(parseError('<rss><channel><description><![CDATA[half')).toMatch(/CDATA/);
		expect(parseError('<rss><channel><title>a &lt; b</title></channel>\n<!-- </rss> -->')).toMatch(/ends before <\/rss>/);
	});

	it('accepts a root closed by its end tag or by itself, with trailing space, comments and instructions', () => {
		for (const document of [
			'<rss><channel><title>T</title></channel></rss >\n',
			'<rss><channel><title>T</title></channel></rss><!-- cached --> <?pi x?>\n\n',
			'<?xml version="1.0"?><rss version="2.0" xmlns:a="urn:x"/>',
			'<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>T</a:title></a:feed>',
		]) {
			expect(() => parseXml(document, URL_)).not.toThrow();
		}
	});

	it('ends a billion-laughs document with a clear error in well under a second', () => {
		const entities = ['<!ENTITY lol "lol">'];
		for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
		const doc = `<?xml version="1.0"?><!DOCTYPE lolz [${entities.join('')}]><rss><channel><title>&lol9;</title></channel></rss>`;
		const started = performance.now();
		let title: unknown;
		try {
			title = own(channel(doc), 'title');
		} catch (error) {
			expect((error as LiveblogError).message).toMatch(/entity/);
		}
		// fast-xml-parser refuses recursive definitions: the reference stays unexpanded text.
		if (title !== undefined) expect(title).toBe('&lol9;');
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('ends a quadratic blowup with an entity-expansion error', () => {
		const doc = `<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "${'x'.repeat(4000)}">]><rss><channel><title>${'&a;'.repeat(50_000)}</title></channel></rss>`;
		const started = performance.now();
		expect(parseError(doc)).toMatch(/entity expansion refused/);
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('refuses too many references to declared entities', () => {
		const doc = `<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "y">]><rss><channel><title>${'&a;'.repeat(20_000)}</title></channel></rss>`;
		expect(parseError(doc)).toMatch(/entity expansion refused/);
	});

	it('refuses external entities', () => {
		const doc = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>';
		expect(parseError(doc)).toMatch(/External entities are not supported/i);
	});

	it('bounds input size and entity floods before parsing', () => {
		expect(parseError(`<rss>${' '.repeat(21 * 1024 * 1024)}</rss>`)).toMatch(/over 20 MB/);
		const started = performance.now();
		expect(parseError(`<rss><channel><title>${'&#65;'.repeat(1_000_001)}</title></channel></rss>`)).toMatch(/entity references/);
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('refuses a document with no element', () => {
		expect(parseError('just text')).toMatch(/no XML element|malformed/);
	});
});

describe('decodeResidualEntities', () => {
	it('decodes complete named entities XML did not know', () => {
		expect(decodeResidualEntities('caf&eacute; &notin; AT&amp;T')).toBe('café ∉ AT&T');
	});
	it('leaves legacy prefixes, unknown names and markup alone', () => {
		expect(decodeResidualEntities('?page=1&copy=2;mode=x & done')).toBe('?page=1&copy=2;mode=x & done');
		expect(decodeResidualEntities('&copyright; &zzz; <b>"q"</b>')).toBe('&copyright; &zzz; <b>"q"</b>');
	});
});

describe('repairMojibake', () => {
	it('repairs UTF-8 read as Latin-1, raw or entity-written, when a C1 control proves it', () => {
		expect(repairMojibake('&acirc;\u0080&brvbar;')).toBe('\u2026');
		expect(repairMojibake('Wait\u00e2\u0080\u0099s <b>x</b>')).toBe('Wait\u2019s <b>x</b>');
	});
	it('leaves real accented text and markup alone', () => {
		expect(repairMojibake('Ã©tude ¦ café &acirc;')).toBe('Ã©tude ¦ café &acirc;');
		expect(repairMojibake('&lt;p&gt;\u0085')).toBe('&lt;p&gt;\u0085');
	});
});
