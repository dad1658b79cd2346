/**
 * parseXml asks fast-xml-parser for its ordered tree and builds the object
 * form itself (xml.ts `compact`): it must be exactly the object form the
 * parser builds, key order included, for any document.
 */
import fc from 'fast-check';
import {XMLParser} from 'fast-xml-parser';
import {describe, expect, it} from 'vitest';
import {XML_OPTIONS, parseXml} from '../../src/sources/xml.js';

const reference = new XMLParser({...XML_OPTIONS, preserveOrder: false});

const name = fc.constantFrom('item', 'title', 'link', 'guid', 'content', 'content:encoded', 'dc:creator', 'a', 'constructor', 'hasOwnProperty', 'toString', 'summary', 'x1');
const attribute = fc.tuple(fc.constantFrom('href', 'type', 'rel', 'xml:base', 'isPermaLink', 'xmlns:dc', 'constructor'), fc.constantFrom('x', '', 'xhtml', 'html', 'a&amp;b', ' spaced ', '0012'));
const text = fc.constantFrom('text', '  padded  ', ' ', '', 'a &amp; b', '&#8217;&hellip;', '0012345', 'true', '\n\t', 'caf&#xE9;', '<![CDATA[]]>', '<![CDATA[ raw <b>x</b> ]]>', '<!-- note -->', '<?pi x?>');

type Tree = {name: string; attributes: [string, string][]; children: (Tree | string)[]; empty: boolean};
const tree: fc.Arbitrary<Tree> = fc.letrec<{tree: Tree; node: Tree | string}>(tie => ({
	tree: fc.record({
		name,
		attributes: fc.uniqueArray(attribute, {maxLength: 3, selector: ([key]) => key}),
		children: fc.array(tie('node'), {maxLength: 5}),
		empty: fc.boolean(),
	}),
	node: fc.oneof({depthSize: 'small', withCrossShrink: true}, text, tie('tree')),
})).tree;

function serialise(node: Tree | string): string {
	if (typeof node === 'string') return node;
	const attributes = node.attributes.map(([key, value]) => ` ${key}="${value}"`).join('');
	if (node.empty && node.children.length === 0) return `<${node.name}${attributes}/>`;
	return `<${node.name}${attributes}>${node.children.map(serialise).join('')}</${node.name}>`;
}

describe('parseXml builds the object form fast-xml-parser builds', () => {
	it('for any tree of elements, attributes, text, CDATA and comments', () => {
		fc.assert(
			fc.property(tree, root => {
				const document = `<?xml version="1.0"?>\n<rss xmlns:dc="http://purl.org/dc/elements/1.1/">${serialise(root)}</rss>`;
				const ours = parseXml(document, 'https://example.test/feed');
				const theirs: unknown = reference.parse(document);
				expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
				expect(ours).toEqual(theirs);
			}),
			{numRuns: 1500},
		);
	});

	it('for the feeds and pages in the fixtures', () => {
		// Repeated items, namespaced names, xhtml content kept raw, attributes beside text.
		const document = `<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &amp;amp; B</title>
			<entry><id>1</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b></p></div></content></entry>
			<entry><id>2</id><link href="a"/><link href="b" rel="alternate"/><summary><![CDATA[<p>x</p>]]> tail</summary></entry></feed>`;
		expect(JSON.stringify(parseXml(document, 'https://example.test/feed'))).toBe(JSON.stringify(reference.parse(document)));
	});
});
