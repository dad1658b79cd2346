import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Inline} from '../../src/model/blog.js';
import {cleanRun, inlinesText, isBoilerplate} from '../../src/sources/html-inlines.js';
import {ownText, sanitizeBody} from '../../src/text/sanitize.js';

/** The rule without its first-letter shortcut. */
const LABEL = /^(read more|read more here|related|related content|related stories|related articles|see also|more on this story|sign up|sign up here|subscribe|subscribe now|advertisement|continue reading|continue reading\.\.\.|continue reading…)$/;
const LABELLED_LINK = /^(read more|related|see also|more on this story|sign up|also read)\s*:/;
const NEWSLETTER = /^sign up (to|for)\b.*\bnewsletter\b/;
function reference(inlines: readonly Inline[]): boolean {
	const text = inlinesText(inlines).trim().toLowerCase().replace(/\s+/g, ' ');
	const bare = text.replace(/[\s:.!»›>→-]+$/u, '');
	if (LABEL.test(bare) || LABEL.test(text) || NEWSLETTER.test(bare)) return true;
	if (LABELLED_LINK.test(text)) {
		const content = inlines.filter((inline) => inline.kind !== 'break' && inline.text.trim() !== '');
		const links = content.filter((inline) => inline.kind === 'link');
		return links.length === 1 && content.length <= 2;
	}
	return false;
}

const piece = fc.constantFrom(
	'Read more', 'READ MORE', 'Related', 'Related: ', 'See also', 'More on this story', 'Sign up', 'Sign up to our newsletter',
	'Subscribe now', 'Advertisement', 'Continue reading…', 'Also read:', ' ', '\u00a0', '\n', ':', '»', 'Storm', 'ΣΟ', 'İ',
	'Ṙelated', 'the river', '速', 'READ\u00a0MORE', 'sign\nup for the newsletter', 'K', 'sİgn up', 'Continue\treading',
);
const inline = fc.oneof(
	fc.array(piece, {maxLength: 4}).map((parts): Inline => ({kind: 'text', text: ownText(parts.join(''))})),
	fc.array(piece, {maxLength: 3}).map((parts): Inline => ({kind: 'link', text: ownText(parts.join('')), href: 'https://example.org/x'})),
	fc.constant<Inline>({kind: 'break'}),
);

describe('isBoilerplate', () => {
	it('decides exactly as the full rule does, for any mix of labels and text', () => {
		fc.assert(
			fc.property(fc.array(inline, {maxLength: 4}), (inlines) => {
				expect(isBoilerplate(inlines)).toBe(reference(inlines));
			}),
			{numRuns: 3000},
		);
	});

	it('drops labels whatever their case or leading space, and keeps ordinary paragraphs', () => {
		expect(isBoilerplate([{kind: 'text', text: ownText('  CONTINUE READING...')}])).toBe(true);
		expect(isBoilerplate([{kind: 'text', text: ownText('Related: ')}, {kind: 'link', text: ownText('Earlier coverage'), href: 'https://example.org/a'}])).toBe(true);
		expect(isBoilerplate([{kind: 'text', text: ownText('Rescue teams reached the village at dawn.')}])).toBe(false);
		expect(isBoilerplate([])).toBe(false);
	});
});

describe('cleanRun', () => {
	it('collapses every HTML whitespace run to one space, as a plain replace of all runs does', () => {
		const unit = fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\f', '\r\n', '\u00a0', '\u3000', 'a', 'word', '速', '\u001b', '\u0085');
		fc.assert(
			fc.property(fc.string({unit, maxLength: 30}), (raw) => {
				expect(cleanRun(raw)).toBe(sanitizeBody(raw).replace(/[ \t\n\r\f]+/g, ' '));
			}),
			{numRuns: 2000},
		);
		expect(cleanRun(' one \t two\n\nthree  four ')).toBe(' one two three four ');
	});
});
