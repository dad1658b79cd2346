import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createDebugLog, debugLogPathFromEnv, formatDebugLine} from '../../src/net/debug-log.js';

const entry = {
	at: Date.UTC(2026, 2, 1, 12, 0, 0),
	url: 'https://example.org/live.xml',
	sent: {'if-none-match': '"v1"'},
	status: 304,
	bytes: 0,
	durationMs: 12.4,
	result: 'not-modified',
	next: {at: 0, delayMs: 40_000, reason: 'max-age' as const},
};

describe('debug log', () => {
	it('formats one tab-separated line', () => {
		expect(formatDebugLine(entry)).toBe(
			'2026-03-01T12:00:00.000Z\thttps://example.org/live.xml\tsent if-none-match="v1"\tstatus 304\t0 B\t12 ms\tnext 40000 ms (max-age)\tnot-modified',
		);
	});

	it('keeps a hostile result on its one line', () => {
		const line = formatDebugLine({...entry, status: null, next: null, result: 'HTTP 503 x\n\tinjected\x1b[2J'});
		expect(line.split('\n')).toHaveLength(1);
		expect(line.endsWith('status -\t0 B\t12 ms\tnext -\tHTTP 503 x  injected [2J')).toBe(true);
	});

	it('appends lines in order and swallows write errors', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'liveblog-log-'));
		try {
			const log = createDebugLog(join(dir, 'd.log'));
			log.write(entry);
			log.write({...entry, status: 200, result: 'modified'});
			await log.flush();
			const lines = readFileSync(join(dir, 'd.log'), 'utf8').split('\n');
			expect(lines.map((l) => l.split('\t')[3])).toEqual(['status 304', 'status 200', undefined]);
			const broken = createDebugLog(join(dir, 'missing', 'd.log'));
			broken.write(entry);
			await expect(broken.flush()).resolves.toBeUndefined();
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('reads LIVEBLOG_DEBUG', () => {
		expect(debugLogPathFromEnv({LIVEBLOG_DEBUG: '/tmp/x.log'})).toBe('/tmp/x.log');
		expect(debugLogPathFromEnv({LIVEBLOG_DEBUG: ''})).toBeUndefined();
		expect(debugLogPathFromEnv({})).toBeUndefined();
	});
});
