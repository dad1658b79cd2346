/**
 * FastTokenizer skips through text and quoted attribute values with a native
 * search; the parser must see exactly the events the stock tokenizer gives,
 * in the same order and split the same way, however the markup is written
 * in chunks.
 */
import fc from 'fast-check';
import {Parser, type Handler} from 'htmlparser2';
import {describe, expect, it} from 'vitest';
import {FastTokenizer} from '../../src/sources/html-tokenizer.js';

type Event = readonly [string, ...unknown[]];

function events(html: string, chunk: number, fast: boolean, options: {decodeEntities: boolean; xmlMode?: boolean}): Event[] {
	const out: Event[] = [];
	const record =
		(name: string) =>
		(...args: unknown[]): void => {
			out.push([name, ...args]);
		};
	const handler: Partial<Handler> = {
		onopentagname: record('opentagname'),
		onattribute: record('attribute'),
		onopentag: record('opentag'),
		onclosetag: record('closetag'),
		ontext: record('text'),
		oncomment: record('comment'),
		oncdatastart: record('cdatastart'),
		oncdataend: record('cdataend'),
		onprocessinginstruction: record('pi'),
		onend: record('end'),
	};
	const parser = new Parser(handler, fast ? {...options, Tokenizer: FastTokenizer} : options);
	for (let at = 0; at < html.length; at += chunk) parser.write(html.slice(at, at + chunk));
	parser.end();
	return out;
}

// Everything that changes the tokenizer's state, and text around it.
const piece = fc.constantFrom(
	'<', '>', '&', ';', '"', "'", '=', '/', ' ', '\n', '\t', 'text ', 'word', '\u00e9', '🌊', '\u2014',
	'<p>', '</p>', '<p class="x">', '<a href="https://e.org/?a=1&amp;b=2&copy=3">', '</a>', '<img alt=\'it&apos;s\' src=x>', '<br/>',
	'&amp;', '&nbsp;', '&#8212;', '&#x1F30A;', '&copy', '&notit;', '&#0;', '&#xD800;', '&#1114112;', '&bogus;', '&am',
	'<!--', '-->', '<!-- c -->', '<![CDATA[', ']]>', '<!DOCTYPE html>', '<?pi x?>', '<script>', '</script>', '<style>', '</style>',
	'<title>', '</title>', '<textarea>', '</textarea>', '<svg>', '</svg>', '<math><mi/></math>', '<plaintext>', '<xmp>', '</xmp>',
	'<a b=c d>', 'attr="unterminated', "x='y", '<UL><LI>One<LI>Two</UL>', '</br>', '<3', '< b', '</ >', '<//>',
);
const markup = fc.array(piece, {maxLength: 40}).map(parts => parts.join(''));

describe('FastTokenizer', () => {
	it('gives the stock tokenizer\'s events for any markup, in any chunking', () => {
		fc.assert(
			fc.property(markup, fc.integer({min: 1, max: 64}), fc.boolean(), fc.boolean(), (html, chunk, decodeEntities, xmlMode) => {
				const options = {decodeEntities, xmlMode};
				expect(events(html, chunk, true, options)).toEqual(events(html, chunk, false, options));
			}),
			{numRuns: 4000},
		);
	});

	it('is in force: the states it speeds up are its own (a renamed internal would silently drop it)', () => {
		for (const name of ['stateText', 'stateInAttributeValueDoubleQuotes', 'stateInAttributeValueSingleQuotes']) {
			expect(Object.hasOwn(FastTokenizer.prototype, name), name).toBe(true);
		}
	});

	it('gives them for a real post body written whole', () => {
		const html =
			'<p>In Brightholm &#8212; the river &amp; the <a href="https://news.example.org/storm?ref=live&amp;src=1">full report</a>.&nbsp;🌊</p>' +
			'<figure class="element-image"><img src="https://img.example.org/1.jpg" alt="Waves &amp; spray" width="1200"><figcaption>Waves. Photograph: pool</figcaption></figure>';
		const fast = events(html, 65536, true, {decodeEntities: true});
		expect(fast).toEqual(events(html, 65536, false, {decodeEntities: true}));
		const text = fast.filter(([name]) => name === 'text').map(([, data]) => data).join('');
		expect(text).toBe('In Brightholm \u2014 the river & the full report.\u00a0🌊Waves. Photograph: pool');
		expect(fast).toContainEqual(['attribute', 'href', 'https://news.example.org/storm?ref=live&src=1', '"']);
	});
});
