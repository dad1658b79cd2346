import {describe, expect, it} from 'vitest';
import {entryId, makeUnique, shortHash} from '../../src/sources/ids.js';

describe('entryId', () => {
	const none = {id: null, link: null, title: null, date: null, body: null};
	it('prefers the source id, then the link, then a content hash', () => {
		expect(entryId({...none, id: ' 0012345 ', link: 'https://x.test/a'})).toBe('0012345');
		expect(entryId({...none, id: '  ', link: 'https://x.test/a'})).toBe('https://x.test/a');
		const hashed = entryId({...none, title: 'Roads closed', date: 'Sat, 14 Mar 2026 06:40:00 GMT', body: '<p>All of them.</p>'});
		expect(hashed).toMatch(/^h:[0-9a-f]{16}$/);
		expect(entryId({...none, title: 'Roads closed', date: 'Sat, 14 Mar 2026 06:40:00 GMT', body: '<p>All of them.</p>'})).toBe(hashed);
		expect(entryId({...none, title: 'Roads open', date: 'Sat, 14 Mar 2026 06:40:00 GMT', body: '<p>All of them.</p>'})).not.toBe(hashed);
	});
	it('keeps ids printable and bounded', () => {
		expect(entryId({...none, id: 'a\u001b[2Jb'})).toBe('a\uFFFD[2Jb');
		expect(entryId({...none, id: 'x'.repeat(5000)})).toMatch(/^h:[0-9a-f]{16}$/);
	});
	it('hashes deterministically', () => {
		expect(shortHash('abc')).toBe('ba7816bf8f01cfea');
	});
});

describe('makeUnique', () => {
	const key = (e: {text: string}): string => e.text;
	it('leaves distinct ids alone and returns the same objects', () => {
		const a = {id: 'a', text: '1'};
		expect(makeUnique([a, {id: 'b', text: '1'}], key)[0]).toBe(a);
	});
	it('suffixes colliding ids by content and drops exact repeats', () => {
		const out = makeUnique(
			[
				{id: 'x', text: 'one'},
				{id: 'x', text: 'two'},
				{id: 'x', text: 'one'},
				{id: 'x', text: 'three'},
				{id: 'x', text: 'two'},
			],
			key,
		);
		expect(out.map(e => [e.id, e.text])).toEqual([
			['x', 'one'],
			[`x#${shortHash('two')}`, 'two'],
			[`x#${shortHash('three')}`, 'three'],
		]);
	});
});
