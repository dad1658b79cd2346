import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Block, Body} from '../../src/model/blog.js';
import {bodyText, isTruncatedBody} from '../../src/model/key-events.js';
import {ownText} from '../../src/text/sanitize.js';

/** The rule as first written: the whole body start, normalised in one piece. */
function comparable(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
		.replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
		.replace(/[\u2010-\u2015]/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}
const ELLIPSIS = /(?:\u2026|\.{3,}|\[\u2026\]|\[\.\.\.\])\s*$/;
function reference(title: string, body: Body): boolean {
	const truncated = ELLIPSIS.test(title);
	const head = comparable(title.replace(ELLIPSIS, '')).replace(/[\s,;:.\-]+$/, '');
	if (head === '') return truncated;
	const text = comparable(bodyText(body, head.length + 4000));
	if (!text.startsWith(head)) return false;
	return truncated || head.split(' ').length >= 4 || head.length === text.length;
}

// Pieces that NFKC, lower-casing, the quote/dash folding or the space collapse change.
const piece = fc.constantFrom(
	'the ', 'river ', 'Crested', 'ΟΔΟΣ', 'Σ', 'σ', 'ς', 'ﬁre', 'İ', 'K', '…', '...', '“', '”', '’', '—', '-', ' ', '  ',
	'\u00a0', '\u3000', '\n', '\t', '\u0301', 'e\u0301', 'é', '①', '㎞', '¨', 'ｆｕｌｌ', '東京', '🌊', ',', '.', ':', 'a', 'B',
);
const words = fc.array(piece, {maxLength: 40}).map(parts => parts.join(''));
const block = words.map((text): Block => ({kind: 'paragraph', inlines: [{kind: 'text', text: ownText(text)}]}));
const body = fc.array(block, {maxLength: 10});

describe('isTruncatedBody on long bodies', () => {
	it('decides exactly as comparing the whole body start would', () => {
		fc.assert(
			fc.property(words, body, fc.boolean(), (title, blocks, cut) => {
				// Half the time the title is taken from the body itself, so that matches are common.
				const text = bodyText(blocks);
				const t = cut && text.length > 0 ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) + (title.length % 2 ? '…' : '') : title;
				expect(isTruncatedBody(t, blocks)).toBe(reference(t, blocks));
			}),
			{numRuns: 2000},
		);
	});

	it('spots the truncated opening of a long multi-paragraph body and keeps a headline', () => {
		const paragraph = (text: string): Block => ({kind: 'paragraph', inlines: [{kind: 'text', text: ownText(text)}]});
		const long = [paragraph('Ferry services were suspended across the  islands on Tuesday morning.'), paragraph('x '.repeat(3000))];
		expect(isTruncatedBody('Ferry services were suspended across the…', long)).toBe(true);
		expect(isTruncatedBody('ferry services were suspended', long)).toBe(true);
		expect(isTruncatedBody('Ferry services suspended', long)).toBe(false);
		expect(isTruncatedBody('Ferry services were suspended across the islands on Tuesday morning. x x', long)).toBe(true);
	});
});
