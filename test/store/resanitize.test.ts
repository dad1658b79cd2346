import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {resafeUrl, resanitizeBody, resanitizeLine} from '../../src/store/resanitize.js';
import {safeHttpUrl, sanitizeBody, sanitizeLine} from '../../src/text/sanitize.js';

// Characters the sanitiser treats specially, mixed with ordinary and random ones.
const special = [
	'\u001b', '\n', '\r', '\t', '\u000b', '\u000c', ' ', '  ', '\u0000', '\u007f', '\u0085', '\u009b', '\u00ad', '\u00a0',
	'\u0301', '\u200b', '\u2028', '\u2029', '\u202e', '\u2066', '\u2060', '\ufeff', '\u3000', '\u{e0041}', '\u{e007f}',
	'\u{1f3f4}', 'a', 'Z', 'é', '速', '🙂',
];
const unit = fc.oneof(
	{weight: 3, arbitrary: fc.constantFrom(...special)},
	{weight: 1, arbitrary: fc.integer({min: 0, max: 0x10ffff}).map((cp) => String.fromCodePoint(cp))},
	{weight: 1, arbitrary: fc.constantFrom('\u0301'.repeat(9), '\n\n\n\n', 'plain words ')},
);
const text = fc.string({unit, maxLength: 40});

describe('resanitize fast paths', () => {
	it('give exactly what the sanitiser gives, for any input', () => {
		fc.assert(
			fc.property(text, (input) => {
				expect(resanitizeBody(input)).toBe(sanitizeBody(input));
				expect(resanitizeLine(input)).toBe(sanitizeLine(input));
			}),
			{numRuns: 3000},
		);
	});

	it('return already clean text unchanged and clean a tampered string', () => {
		expect(resanitizeLine('Storm live: ferry services suspended')).toBe('Storm live: ferry services suspended');
		expect(resanitizeBody('one\n\ntwo  spaced')).toBe('one\n\ntwo  spaced');
		expect(resanitizeLine('\u001b[2Jgone\u202e')).toBe('\u241b[2Jgone');
		expect(resanitizeBody('x\u001b]52;c;AAAA\u0007')).toBe('x\u241b]52;c;AAAA\u2407');
	});

	it('apply the length bounds', () => {
		expect(resanitizeLine('a'.repeat(3000))).toHaveLength(2048);
	});
});

// URLs made of the pieces the URL parser rewrites, normalises or refuses, mixed with plain ones.
const scheme = fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://', 'javascript:', 'https:', 'https:///', '');
const label = fc.constantFrom('news', 'example', 'org', 'a-b', 'A', '-x', 'x-', 'xn--nxasmq6b', 'xn--bad', '1', '0x7f', '123', 'b_c', '', 'é', '%41');
const host = fc.array(label, {minLength: 1, maxLength: 4}).map((labels) => labels.join('.'));
const authority = fc.tuple(fc.constantFrom('', 'user@', 'u:p@'), host, fc.constantFrom('', ':80', ':443', ':8080', ':', ':99999', '.'));
const segment = fc.constantFrom('live', '.', '..', '%2e', '%2E%2e', 'a b', 'x^y', 'x`y', '{y}', 'x|y', "it's", 'caf\u00e9', '%zz', '%41', '\\', '\u001b[2J', 'x"y', 'a<b', '~ok', '');
const path = fc.array(segment, {maxLength: 4}).map((segments) => segments.map((part) => `/${part}`).join(''));
const query = fc.option(fc.array(fc.constantFrom('a=1', "b='x'", 'c=%zz', 'd=?', 'e=a b', 'f=é', 'g=`', '', '#'), {maxLength: 3}).map((parts) => `?${parts.join('&')}`), {nil: ''});
const fragment = fc.option(fc.constantFrom('#post-1', '#a#b', '#x`y', '#a b', "#it's", '#', '#\u0007'), {nil: ''});
const urlLike = fc.tuple(scheme, authority, path, query, fragment).map(([s, [user, h, port], p, q, f]) => `${s}${user}${h}${port}${p}${q}${f}`);

describe('resafeUrl', () => {
	it('gives exactly what safeHttpUrl gives, for URL-like strings and any string', () => {
		fc.assert(
			fc.property(fc.oneof(urlLike, fc.string(), fc.webUrl({withQueryParameters: true, withFragments: true})), (input) => {
				expect(resafeUrl(input)).toBe(safeHttpUrl(input));
			}),
			{numRuns: 5000},
		);
	});

	it('keeps a stored URL as it is and still refuses or rewrites a tampered one', () => {
		const stored = 'https://news.example.org/storm/live?block=post-2000-001999#post-2000-001999';
		expect(resafeUrl(stored)).toBe(stored);
		expect(resafeUrl('javascript:alert(1)')).toBeNull();
		expect(resafeUrl('https://example.org/a/../b')).toBe('https://example.org/b');
		expect(resafeUrl('https://example.org/\u001b]52;c;x\u0007y')).toBe('https://example.org/%1B]52;c;x%07y');
		expect(resafeUrl(null)).toBeNull();
	});
});
