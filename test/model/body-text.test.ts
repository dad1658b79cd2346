import {describe, expect, it} from 'vitest';
import type {Body, Inline} from '../../src/model/blog.js';
import {bodyPlainText, entryPlainText, inlinesPlainText} from '../../src/model/body-text.js';
import {ownText} from '../../src/text/sanitize.js';

const t = (text: string): Inline => ({kind: 'text', text: ownText(text)});
const link = (text: string, href: string): Inline => ({kind: 'link', text: ownText(text), href});

describe('bodyPlainText', () => {
	it('separates blocks with blank lines and keeps list items together', () => {
		const body: Body = [
			{kind: 'heading', inlines: [t('What we know')]},
			{kind: 'paragraph', inlines: [t('The storm made landfall at '), {kind: 'text', text: ownText('06:10'), style: 'strong'}, t('.')]},
			{kind: 'list-item', depth: 0, marker: ownText('•'), inlines: [t('Power is out in the north')]},
			{kind: 'list-item', depth: 1, marker: ownText('–'), inlines: [t('about 20,000 homes')]},
			{kind: 'list-item', depth: 0, marker: ownText('2.'), inlines: [t('Schools are closed')]},
			{kind: 'paragraph', inlines: [t('More soon.')]},
		];
		expect(bodyPlainText(body)).toBe(
			[
				'What we know',
				'',
				'The storm made landfall at 06:10.',
				'',
				'• Power is out in the north',
				'  – about 20,000 homes',
				'2. Schools are closed',
				'',
				'More soon.',
			].join('\n'),
		);
	});

	it('prefixes quotes, brackets captions and writes links with their URL', () => {
		const body: Body = [
			{kind: 'quote', inlines: [t('We are ready.'), {kind: 'break'}, t('Stay indoors.')], cite: ownText('the mayor')},
			{kind: 'caption', inlines: [t('Flooding on the coast road')]},
			{kind: 'paragraph', inlines: [t('Read '), link('the warning', 'https://example.org/warn'), t(' or '), link('https://example.org/', 'https://example.org/')]},
			{kind: 'rule'},
			{kind: 'preformatted', text: ownText('  wind  120 km/h\n  rain   80 mm\n')},
		];
		expect(bodyPlainText(body)).toBe(
			[
				'> We are ready.',
				'> Stay indoors.',
				'> \u2014 the mayor',
				'',
				'[Flooding on the coast road]',
				'',
				'Read the warning (https://example.org/warn) or https://example.org/',
				'',
				'* * *',
				'',
				'  wind  120 km/h',
				'  rain   80 mm',
			].join('\n'),
		);
	});

	it('treats a bare host label as the same URL and an empty label as the URL', () => {
		expect(inlinesPlainText([link('https://example.org', 'https://example.org/')])).toBe('https://example.org/');
		expect(inlinesPlainText([link('  ', 'https://example.org/a')])).toBe('https://example.org/a');
	});

	it('skips empty blocks and trims trailing spaces', () => {
		const body: Body = [
			{kind: 'paragraph', inlines: []},
			{kind: 'paragraph', inlines: [t('  one  '), {kind: 'break'}, t('two')]},
			{kind: 'caption', inlines: [t(' ')]},
		];
		expect(bodyPlainText(body)).toBe('one\ntwo');
	});

	it('aligns continuation lines of a list item under its text', () => {
		const body: Body = [{kind: 'list-item', depth: 0, marker: ownText('10.'), inlines: [t('first'), {kind: 'break'}, t('second')]}];
		expect(bodyPlainText(body)).toBe('10. first\n    second');
	});

	it('puts a continuation item (empty marker) under the text of the item above', () => {
		const body: Body = [
			{kind: 'list-item', depth: 0, marker: ownText('•'), inlines: [t('first paragraph')]},
			{kind: 'list-item', depth: 0, marker: ownText(''), inlines: [t('second paragraph')]},
		];
		expect(bodyPlainText(body)).toBe('• first paragraph\n  second paragraph');
	});
});

describe('entryPlainText', () => {
	it('puts the title above the body', () => {
		const body: Body = [{kind: 'paragraph', inlines: [t('Body text')]}];
		expect(entryPlainText({title: ownText('Headline'), body})).toBe('Headline\n\nBody text');
		expect(entryPlainText({title: null, body})).toBe('Body text');
		expect(entryPlainText({title: ownText('Only a title'), body: []})).toBe('Only a title');
	});
});
