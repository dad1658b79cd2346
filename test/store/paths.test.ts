import {describe, expect, it} from 'vitest';
import {stateDir, stateFileName, stateFilePath} from '../../src/store/paths.js';

describe('stateDir', () => {
	it('uses $XDG_STATE_HOME/liveblog when set to an absolute path', () => {
		expect(stateDir({XDG_STATE_HOME: '/var/lib/reader'}, '/home/ana')).toBe('/var/lib/reader/liveblog');
	});

	it('falls back to ~/.local/state/liveblog when unset, empty or relative', () => {
		expect(stateDir({}, '/home/ana')).toBe('/home/ana/.local/state/liveblog');
		expect(stateDir({XDG_STATE_HOME: ''}, '/home/ana')).toBe('/home/ana/.local/state/liveblog');
		expect(stateDir({XDG_STATE_HOME: 'state'}, '/home/ana')).toBe('/home/ana/.local/state/liveblog');
	});
});

describe('stateFileName', () => {
	it('is a readable slug plus a hash of the URL', () => {
		const name = stateFileName('https://www.example.org/news/live/2026/mar/01/storm-live');
		expect(name).toMatch(/^www-example-org-news-live-2026-mar-01-storm-live-[0-9a-f]{16}\.json$/);
	});

	it('is stable for a URL and different for different URLs, even with the same slug', () => {
		const a = stateFileName('https://example.org/live?id=1');
		expect(stateFileName('https://example.org/live?id=1')).toBe(a);
		expect(stateFileName('https://example.org/live?id=2')).not.toBe(a);
		expect(stateFileName('https://example.org/live?id=2').split('-').slice(0, -1)).toEqual(a.split('-').slice(0, -1));
	});

	it('stays short and safe for any input', () => {
		for (const url of ['https://example.org/' + 'x'.repeat(5000), '../../etc/passwd', 'guardian:world/live/2026', '\u001b[2J', '速報', '']) {
			const name = stateFileName(url);
			expect(name).toMatch(/^[a-z0-9-]+-[0-9a-f]{16}\.json$/);
			expect(name.length).toBeLessThanOrEqual(48 + 1 + 16 + 5);
		}
		expect(stateFileName('速報')).toMatch(/^blog-/);
		expect(stateFileName('guardian:world/live/2026')).toMatch(/^guardian-world-live-2026-/);
	});

	it('joins the directory and the name', () => {
		expect(stateFilePath('/s/liveblog', 'https://example.org/a')).toBe(`/s/liveblog/${stateFileName('https://example.org/a')}`);
	});
});
