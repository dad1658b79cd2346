import {describe, expect, it} from 'vitest';
import {conditionalHeaders, hashBody, nextValidators} from '../../src/net/validators.js';

describe('validators', () => {
	it('builds conditional request headers', () => {
		expect(conditionalHeaders({etag: 'W/"7"', lastModified: 'Sun, 01 Mar 2026 11:00:00 GMT', bodyHash: 'sha256:x'})).toEqual({
			'if-none-match': 'W/"7"',
			'if-modified-since': 'Sun, 01 Mar 2026 11:00:00 GMT',
		});
		expect(conditionalHeaders(undefined)).toEqual({});
	});

	it('keeps old validators on a 304 that omits them, and takes new ones when sent', () => {
		const previous = {etag: '"a"', lastModified: 'x', bodyHash: 'sha256:1'};
		expect(nextValidators({}, previous, {kind: 'not-modified'})).toEqual(previous);
		expect(nextValidators({etag: '"b"'}, previous, {kind: 'not-modified'})).toEqual({...previous, etag: '"b"'});
	});

	it('drops validators a 200 no longer sends', () => {
		expect(nextValidators({}, {etag: '"a"', lastModified: 'x'}, {kind: 'modified', bodyHash: 'sha256:2'})).toEqual({bodyHash: 'sha256:2'});
	});

	it('hashes bytes', () => {
		expect(hashBody(new TextEncoder().encode('abc'))).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});
