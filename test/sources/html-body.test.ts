import {describe, expect, test} from 'vitest';
import type {Block} from '../../src/model/blog.js';
import {ownText} from '../../src/text/sanitize.js';
import {bodyFromMarkup, htmlToBody, looksLikeHtml, textToBody} from '../../src/sources/html-body.js';

const BASE = 'https://www.example.org/live/storm';

function p(text: string): Block {
	return {kind: 'paragraph', inlines: [{kind: 'text', text: ownText(text)}]};
}

describe('htmlToBody', () => {
	test('paragraphs, whitespace runs and empty blocks', () => {
		const html = '<p>  First\n\t line  </p><p>   </p><p>&nbsp;</p><div>Second <span> part</span></div>';
		expect(htmlToBody(html, BASE)).toEqual([p('First line'), p('Second part')]);
	});

	test('styles and breaks', () => {
		expect(htmlToBody('<p>A <strong>bold</strong> and <i>soft</i> <code>x = 1</code><br>next<br><br><br><br>last<br></p>', BASE)).toEqual([
			{
				kind: 'paragraph',
				inlines: [
					{kind: 'text', text: 'A '},
					{kind: 'text', text: 'bold', style: 'strong'},
					{kind: 'text', text: ' and '},
					{kind: 'text', text: 'soft', style: 'emphasis'},
					{kind: 'text', text: ' '},
					{kind: 'text', text: 'x = 1', style: 'code'},
					{kind: 'break'},
					{kind: 'text', text: 'next'},
					{kind: 'break'},
					{kind: 'break'},
					{kind: 'text', text: 'last'},
				],
			},
		]);
	});

	test('lists: bullets, numbers, nesting depth and continuation text', () => {
		const html = '<ul><li>one<ul><li>inner <em>a</em></li><li>inner b<ul><li>deep</li></ul></li></ul>after</li><li>two</li></ul><ol start="3"><li>x<li value="9">y<li>z</ol>';
		expect(htmlToBody(html, BASE)).toEqual([
			{kind: 'list-item', depth: 0, marker: '•', inlines: [{kind: 'text', text: 'one'}]},
			{kind: 'list-item', depth: 1, marker: '◦', inlines: [{kind: 'text', text: 'inner '}, {kind: 'text', text: 'a', style: 'emphasis'}]},
			{kind: 'list-item', depth: 1, marker: '◦', inlines: [{kind: 'text', text: 'inner b'}]},
			{kind: 'list-item', depth: 2, marker: '▪', inlines: [{kind: 'text', text: 'deep'}]},
			{kind: 'list-item', depth: 0, marker: '', inlines: [{kind: 'text', text: 'after'}]},
			{kind: 'list-item', depth: 0, marker: '•', inlines: [{kind: 'text', text: 'two'}]},
			{kind: 'list-item', depth: 0, marker: '3.', inlines: [{kind: 'text', text: 'x'}]},
			{kind: 'list-item', depth: 0, marker: '9.', inlines: [{kind: 'text', text: 'y'}]},
			{kind: 'list-item', depth: 0, marker: '10.', inlines: [{kind: 'text', text: 'z'}]},
		]);
	});

	test('headings, preformatted text and rules', () => {
		expect(htmlToBody('<hr><h2>Evening <b>summary</b></h2><pre>\n  line one\n    line  two\n</pre><hr><hr><p>end</p><hr>', BASE)).toEqual([
			{kind: 'heading', inlines: [{kind: 'text', text: 'Evening '}, {kind: 'text', text: 'summary', style: 'strong'}]},
			{kind: 'preformatted', text: '  line one\n    line  two'},
			{kind: 'rule'},
			p('end'),
		]);
	});

	test('a plain blockquote with a footer becomes a quote with cite', () => {
		const html = '<blockquote><p>We will rebuild.</p><p>Every road.</p><footer>— Mayor Ana Ruiz</footer></blockquote>';
		expect(htmlToBody(html, BASE)).toEqual([
			{kind: 'quote', inlines: [{kind: 'text', text: 'We will rebuild.'}]},
			{kind: 'quote', inlines: [{kind: 'text', text: 'Every road.'}], cite: 'Mayor Ana Ruiz'},
		]);
	});

	test('an embedded tweet becomes a quote citing its author, with the post link kept', () => {
		const html =
			'<figure class="element element-tweet"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">Water is over the quay wall now <a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; Harbour Watch (@harbourwatch) <a href="https://twitter.com/harbourwatch/status/1">March 3, 2026</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script></figure>';
		expect(htmlToBody(html, BASE)).toEqual([
			{
				kind: 'quote',
				inlines: [
					{kind: 'text', text: 'Water is over the quay wall now '},
					{kind: 'link', text: 'pic.twitter.com/abc', href: 'https://t.co/abc'},
					{kind: 'break'},
					{kind: 'link', text: 'March 3, 2026', href: 'https://twitter.com/harbourwatch/status/1'},
				],
				cite: 'Harbour Watch (@harbourwatch)',
			},
		]);
	});

	test('a Bluesky embed keeps the linked handle in the cite', () => {
		const html = '<blockquote class="bluesky-embed"><p>Power is back in the north.</p>&mdash; Grid Desk (<a href="https://bsky.app/profile/x">@grid.example</a>) <a href="https://bsky.app/profile/x/post/1">4 March 2026 at 10:02</a></blockquote>';
		const [quote] = htmlToBody(html, BASE);
		expect(quote).toMatchObject({kind: 'quote', cite: 'Grid Desk (@grid.example)'});
	});

	test('figure: a caption repeated in alt and figcaption is shown once, credit kept', () => {
		const html = '<figure><img src="a.jpg" alt="Sandbags outside the library"><figcaption>Sandbags outside the library. <span class="credit">Photograph: Lee Park/Agency</span></figcaption></figure>';
		expect(htmlToBody(html, BASE)).toEqual([
			{kind: 'caption', inlines: [{kind: 'text', text: 'Sandbags outside the library. Photograph: Lee Park/Agency'}]},
		]);
	});

	test('figure: different alt text comes first; a lone image shows its alt; empty alts vanish', () => {
		const html = '<figure><img alt="A map of the flood zone"><figcaption>Areas under warning</figcaption></figure><p>Text <img src="e.png" class="emoji" alt="🌊"> here</p><img src="x.gif" alt=""><img alt="Volunteers with shovels">';
		expect(htmlToBody(html, BASE)).toEqual([
			{kind: 'caption', inlines: [{kind: 'text', text: 'A map of the flood zone'}]},
			{kind: 'caption', inlines: [{kind: 'text', text: 'Areas under warning'}]},
			p('Text 🌊 here'),
			{kind: 'caption', inlines: [{kind: 'text', text: 'Volunteers with shovels'}]},
		]);
	});

	test('links: relative resolved, absolute kept, javascript:/mailto: become plain text', () => {
		const html = '<p><a href="/news/1">rel</a>, <a href="https://other.example/x"> abs</a>, <a href="javascript:alert(1)">js</a>, <a href="mailto:a@b.c">mail</a>, <a>none</a></p>';
		expect(htmlToBody(html, BASE)).toEqual([
			{
				kind: 'paragraph',
				inlines: [
					{kind: 'link', text: 'rel', href: 'https://www.example.org/news/1'},
					{kind: 'text', text: ', '},
					{kind: 'link', text: 'abs', href: 'https://other.example/x'},
					{kind: 'text', text: ', js, mail, none'},
				],
			},
		]);
	});

	test('relative links without a base become plain text', () => {
		expect(htmlToBody('<p>see <a href="/x">this</a></p>', null)).toEqual([p('see this')]);
	});

	test('entities, legacy forms behaving as browsers do', () => {
		const html = '<p>Fish &amp chips &copy 2026 &#x1F680; &lt;b&gt; &amp;amp; <a href="https://e.example/?a=1&copy=2">q</a></p>';
		expect(htmlToBody(html, BASE)).toEqual([
			{
				kind: 'paragraph',
				inlines: [
					{kind: 'text', text: 'Fish & chips © 2026 🚀 <b> &amp; '},
					// In attributes a legacy entity followed by "=" is left alone (HTML spec).
					{kind: 'link', text: 'q', href: 'https://e.example/?a=1&copy=2'},
				],
			},
		]);
	});

	test('CJK and right-to-left text pass through unchanged', () => {
		expect(htmlToBody('<p>速報：台風が上陸 <b>東京</b></p><p>שלום עולם</p>', BASE)).toEqual([
			{kind: 'paragraph', inlines: [{kind: 'text', text: '速報：台風が上陸 '}, {kind: 'text', text: '東京', style: 'strong'}]},
			p('שלום עולם'),
		]);
	});

	test('script, style, iframe, svg, form, button and noscript are dropped', () => {
		const html = '<p>kept</p><script>document.write("<p>no</p>")</script><style>p{}</style><noscript><p>no</p></noscript><iframe src="x">no</iframe><svg><text>no</text></svg><form><p>no</p><button>no</button></form><p>also kept</p>';
		expect(htmlToBody(html, BASE)).toEqual([p('kept'), p('also kept')]);
	});

	test('boilerplate labels, asides and promo blocks are dropped', () => {
		const html = '<p>Read more</p><p>Related: <a href="/other">Earlier coverage</a></p><aside><p>Sign up</p></aside><ul><li>Sign up</li></ul><div class="newsletter-signup"><p>Get our briefing</p></div><p><a href="/x">Continue reading...</a></p><p>Related: this one has words of its own</p><p>Real news</p>';
		expect(htmlToBody(html, BASE)).toEqual([p('Related: this one has words of its own'), p('Real news')]);
	});

	test('escape and bidi bytes are sanitised', () => {
		const html = '<p>Title \u001b[2J wipe \u202Eevil\u202C</p><blockquote><p>q</p><footer>\u001b]52;c;x\u0007</footer></blockquote>';
		expect(htmlToBody(html, BASE)).toEqual([
			p('Title ␛[2J wipe evil'),
			{kind: 'quote', inlines: [{kind: 'text', text: 'q'}], cite: '␛]52;c;x␇'},
		]);
	});

	test('tables become one block per row with cells separated', () => {
		expect(htmlToBody('<table><tr><th>Town</th><th>Rain</th></tr><tr><td>Ayr</td><td>40mm</td></tr></table>', BASE)).toEqual([
			p('Town | Rain'),
			p('Ayr | 40mm'),
		]);
	});

	test('a 2 MB input is bounded to about a MiB of text', () => {
		const para = `<p>${'word '.repeat(200)}</p>`;
		const html = para.repeat(Math.ceil((2 * 1024 * 1024) / para.length));
		const body = htmlToBody(html, BASE);
		const chars = body.reduce((sum, block) => sum + (block.kind === 'paragraph' ? block.inlines.reduce((s, i) => s + (i.kind === 'break' ? 0 : i.text.length), 0) : 0), 0);
		expect(chars).toBeGreaterThanOrEqual(1024 * 1024);
		expect(chars).toBeLessThan(1024 * 1024 + 2000);
		expect(body[0]).toEqual(p('word '.repeat(200).trim()));
	});

	test('very deep nesting is flattened, not followed', () => {
		const depth = 30_000;
		const html = `${'<div><ul><li>'.repeat(depth)}bottom${'</li></ul></div>'.repeat(depth)}<p>after</p>`;
		const body = htmlToBody(html, BASE);
		expect(body.at(-1)).toEqual(p('after'));
		const bottom = body.find((block) => block.kind === 'list-item');
		expect(bottom).toMatchObject({kind: 'list-item', depth: 8, inlines: [{kind: 'text', text: 'bottom'}]});
	});
});

test('past the depth bound, dropped elements stay hidden and structure recovers afterwards', () => {
	const html = `${'<div>'.repeat(300)}<script>alert(1)</script>deep${'</div>'.repeat(300)}<ul><li>a</li></ul>`;
	expect(htmlToBody(html, BASE)).toEqual([p('deep'), {kind: 'list-item', depth: 0, marker: '•', inlines: [{kind: 'text', text: 'a'}]}]);
});

describe('textToBody', () => {
	test('paragraphs, line breaks and bullet lists', () => {
		expect(textToBody('First para\nsecond line\r\n\r\n- one\n- two\n\n\n\nLast\u001b[31m')).toEqual([
			{kind: 'paragraph', inlines: [{kind: 'text', text: 'First para'}, {kind: 'break'}, {kind: 'text', text: 'second line'}]},
			{kind: 'list-item', depth: 0, marker: '•', inlines: [{kind: 'text', text: 'one'}]},
			{kind: 'list-item', depth: 0, marker: '•', inlines: [{kind: 'text', text: 'two'}]},
			p('Last␛[31m'),
		]);
	});

	test('empty text is an empty body', () => {
		expect(textToBody('  \n\n ')).toEqual([]);
	});
});

describe('bodyFromMarkup', () => {
	test('chooses HTML or text', () => {
		expect(looksLikeHtml('a < b and c > d')).toBe(false);
		expect(looksLikeHtml('Tom &amp; Jerry')).toBe(true);
		expect(bodyFromMarkup('<p>x</p><p>y</p>', null)).toEqual([p('x'), p('y')]);
		expect(bodyFromMarkup('a < b\n\nc', null)).toEqual([p('a < b'), p('c')]);
	});
});

describe('htmlToBody reuses one parser', () => {
	// Whatever state a body leaves the parser in (cut off inside a tag, an
	// entity, a comment, a script, too deep, or stopped at the size bound),
	// the next body is read as if the parser were new.
	const next = '<p>After &amp; <a href="/x">link</a> &#8212; <strong>done</strong></p><ul><li>one</li></ul>';
	const poisons = [
		'<p>cut off in a tag <a href="https://e.org/x',
		'<p>cut off in an entity &#82',
		'<p>cut off in a named entity &notin',
		'<!-- an unclosed comment',
		'<script>var x = "</p>',
		'<title>unclosed rcdata &amp',
		'<svg><path d="x"/><p>foreign',
		'<![CDATA[ half',
		`${'<div>'.repeat(600)}deep`,
		`<p>${'word '.repeat(300_000)}</p><p>past the bound</p>`,
		'<plaintext>everything after is text <p>',
	];

	test('so that no body is read differently for the one before it', () => {
		const fresh = htmlToBody(next, BASE);
		expect(fresh.map((block) => block.kind)).toEqual(['paragraph', 'list-item']);
		for (const poison of poisons) {
			htmlToBody(poison, BASE);
			expect(htmlToBody(next, BASE), poison.slice(0, 40)).toEqual(fresh);
		}
	});

	test('including the depth bound\'s decision about the tag where the last body stopped', () => {
		const deep = `${'<div>'.repeat(600)}deep`;
		// A div at the very index where the deep body's last (flattened) div started.
		const same = `${'x'.repeat(deep.lastIndexOf('<div>'))}<div>a</div>b`;
		const fresh = htmlToBody(same, BASE);
		expect(fresh).toEqual([p('x'.repeat(deep.lastIndexOf('<div>'))), p('a'), p('b')]);
		htmlToBody(deep, BASE);
		expect(htmlToBody(same, BASE)).toEqual(fresh);
	});
});
