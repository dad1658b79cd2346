import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {MAX_LINE_CHARS, safeHttpUrl, sanitizeBody, sanitizeLine} from '../../src/text/sanitize.js';

/** Any byte that would let a terminal act on text rather than show it. */
const controlPattern = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('sanitizeLine', () => {
	it('shows ESC as a visible placeholder and the rest of the sequence as text', () => {
		expect(sanitizeLine('a\u001B]52;c;aGk=\u0007b')).toBe('a␛]52;c;aGk=␇b');
		expect(sanitizeLine('\u001B[2Jwiped')).toBe('␛[2Jwiped');
	});

	it('turns C0 controls into control pictures and line breaks into one space', () => {
		expect(sanitizeLine('back\bspace')).toBe('back␈space');
		expect(sanitizeLine('one\r\ntwo\tthree\vfour\ffive')).toBe('one two three four five');
		expect(sanitizeLine('x\u0085y\u2028z\u2029w')).toBe('x y z w');
		expect(sanitizeLine('nul\u0000')).toBe('nul␀');
	});

	it('marks DEL and replaces C1 controls', () => {
		expect(sanitizeLine('del\u007F')).toBe('del␡');
		expect(sanitizeLine('osc\u009D0;title\u009C')).toBe('osc\uFFFD0;title\uFFFD');
	});

	it('removes bidi embeddings, overrides and isolates but keeps real RTL text', () => {
		expect(sanitizeLine('\u202Egnp.exe\u202C')).toBe('gnp.exe');
		expect(sanitizeLine('\u2066x\u2069')).toBe('x');
		expect(sanitizeLine('שלום עולם')).toBe('שלום עולם');
		expect(sanitizeLine('مرحبا')).toBe('مرحبا');
	});

	it('removes invisible format characters but keeps emoji sequences intact', () => {
		expect(sanitizeLine('zero\u200Bwidth\u2060join\uFEFFsoft\u00ADhy')).toBe('zerowidthjoinsofthy');
		// England's flag is a tag sequence; stray tags elsewhere are dropped.
		const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
		expect(sanitizeLine(`flag ${england}`)).toBe(`flag ${england}`);
		expect(sanitizeLine('hidden\u{E0041}\u{E0042}tag')).toBe('hiddentag');
		expect(sanitizeLine('👩‍👩‍👧 family')).toBe('👩‍👩‍👧 family');
	});

	it('keeps at most eight combining marks per character', () => {
		const zalgo = 'e' + '\u0301'.repeat(50);
		expect(sanitizeLine(zalgo)).toBe('e' + '\u0301'.repeat(8));
	});

	it('bounds length and collapses runs of spaces', () => {
		expect(sanitizeLine('x'.repeat(1_000_000))).toHaveLength(MAX_LINE_CHARS);
		expect(sanitizeLine('  a \n\n  b  ')).toBe('a b');
	});
});

describe('sanitizeBody', () => {
	it('keeps newlines, normalises CR LF and lone CR, expands tabs', () => {
		expect(sanitizeBody('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
		expect(sanitizeBody('ab\tc')).toBe('ab      c');
	});

	it('collapses more than two blank lines to two', () => {
		expect(sanitizeBody('a\n\n\n\n\n\nb')).toBe('a\n\n\nb');
	});

	it('applies the same control rules as lines', () => {
		expect(sanitizeBody('x\u001B[31mred\u009B')).toBe('x␛[31mred\uFFFD');
	});
});

describe('safeHttpUrl', () => {
	it('accepts http and https only', () => {
		expect(safeHttpUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
		expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
		expect(safeHttpUrl('file:///etc/passwd')).toBeNull();
		expect(safeHttpUrl('data:text/html,hi')).toBeNull();
	});

	it('resolves relative URLs against a base', () => {
		expect(safeHttpUrl('/feed.xml', 'https://example.org/blog/')).toBe('https://example.org/feed.xml');
		expect(safeHttpUrl('', 'https://example.org/')).toBeNull();
	});

	it('resolves exactly as parsing against the base would, for absolute and relative links alike', () => {
		const reference = (raw: string, base: string | null): string | null => {
			const trimmed = raw.trim();
			if (trimmed === '') return null;
			let url: URL;
			try {
				url = base ? new URL(trimmed, base) : new URL(trimmed);
			} catch {
				return null;
			}
			if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
			return /^[\x21-\x7e]+$/.test(url.href) ? url.href : null;
		};
		const start = fc.constantFrom('https://', 'http://', 'HTTP://', 'https:', 'http:/', 'https:\\\\', 'http:\\/', ' https://', '\thttp://', '//', '/', '', 'ftp://', 'h\nttps://');
		const tail = fc.constantFrom('example.org', 'e.org/a b', 'Ex.ORG:443/x?y#z', '', '@', 'user@host/', '[::1]/', '..', 'a/../b', '%zz', '\u00e9.org', ' ');
		const base = fc.constantFrom(null, 'https://example.org/blog/', 'http://127.0.0.1:9/feed', 'not a url', 'file:///tmp/x', 'https://', 'mailto:a@b', 'https://other.test/a?b');
		fc.assert(
			fc.property(start, tail, base, (head, rest, b) => {
				expect(safeHttpUrl(head + rest, b)).toBe(reference(head + rest, b));
			}),
			{numRuns: 3000},
		);
	});

	it('never returns a URL carrying raw control bytes', () => {
		const url = safeHttpUrl('https://example.org/\u001B]8;;evil\u0007');
		expect(url).not.toBeNull();
		expect(url).not.toMatch(controlPattern);
	});
});

describe('properties', () => {
	it('no output of either sanitiser contains a control byte, for any input', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary', maxLength: 300}), input => {
				expect(sanitizeLine(input)).not.toMatch(controlPattern);
				const body = sanitizeBody(input);
				expect(body.replace(/\n/g, '')).not.toMatch(controlPattern);
			}),
			{numRuns: 2000},
		);
	});

	it('is idempotent, so re-sanitising stored text changes nothing', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary', maxLength: 200}), input => {
				const once = sanitizeLine(input);
				expect(sanitizeLine(once)).toBe(once);
				const body = sanitizeBody(input);
				expect(sanitizeBody(body)).toBe(body);
			}),
			{numRuns: 1000},
		);
	});
});
