import {describe, expect, test} from 'vitest';
import {openLink} from '../../src/ui/open-link.js';
import {clipboardSequence, createTerminalEffects, notifySequences, titleSequence, tmuxWrap} from '../../src/ui/terminal-effects.js';
import {colorEnabled, resolveThemeName} from '../../src/ui/theme.js';

describe('terminal effects', () => {
	test('title, clipboard and notifications are well-formed and carry no control bytes from the text', () => {
		expect(titleSequence('(3) Storm\u001B]52;c;evil\u0007 live')).toBe('\u001B]2;(3) Storm ]52 c evil  live\u0007');
		expect(clipboardSequence('https://example.org/a')).toBe(`\u001B]52;c;${Buffer.from('https://example.org/a').toString('base64')}\u0007`);
		expect(notifySequences('Storm live', 'Key event: Bridge closed')).toBe('\u001B]777;notify;Storm live;Key event: Bridge closed\u0007\u001B]9;Storm live: Key event: Bridge closed\u0007');
	});

	test('inside tmux, sequences for the outer terminal are wrapped for passthrough', () => {
		expect(tmuxWrap('\u001B]9;hi\u0007')).toBe('\u001BPtmux;\u001B\u001B]9;hi\u0007\u001B\\');
		const written: string[] = [];
		const effects = createTerminalEffects((d) => written.push(d), {inTmux: true, hasNotifySend: false});
		effects.copy('x');
		effects.notify('a', 'b');
		effects.bell();
		expect(written[0]).toBe(clipboardSequence('x') + tmuxWrap(clipboardSequence('x')));
		expect(written[1]).toBe(tmuxWrap(notifySequences('a', 'b')));
		expect(written[2]).toBe('\u0007');
	});
});

describe('opening links', () => {
	test('spawns the opener with the URL as one argument, only for http(s)', () => {
		const spawned: [string, string[]][] = [];
		const spawner = (command: string, args: string[]) => {
			spawned.push([command, args]);
			return {on: () => undefined, unref: () => undefined};
		};
		expect(openLink('https://example.org/a b?x=1;rm -rf ~', spawner, 'linux')).toBe('https://example.org/a%20b?x=1;rm%20-rf%20~');
		expect(openLink('javascript:alert(1)', spawner, 'linux')).toBeNull();
		expect(openLink('file:///etc/passwd', spawner, 'darwin')).toBeNull();
		expect(openLink(null, spawner, 'linux')).toBeNull();
		expect(openLink('http://example.org/', spawner, 'darwin')).toBe('http://example.org/');
		expect(spawned).toEqual([
			['xdg-open', ['https://example.org/a%20b?x=1;rm%20-rf%20~']],
			['open', ['http://example.org/']],
		]);
	});
});

describe('theme choice', () => {
	test('NO_COLOR turns colour off unless FORCE_COLOR asks for it', () => {
		expect(colorEnabled({NO_COLOR: '1'})).toBe(false);
		expect(colorEnabled({NO_COLOR: '1', FORCE_COLOR: '1'})).toBe(true);
		expect(colorEnabled({FORCE_COLOR: '0'})).toBe(false);
		expect(colorEnabled({})).toBe(true);
	});

	test('auto picks light on a light background (COLORFGBG)', () => {
		expect(resolveThemeName('auto', {COLORFGBG: '0;15'})).toBe('light');
		expect(resolveThemeName('auto', {COLORFGBG: '15;0'})).toBe('dark');
		expect(resolveThemeName('light', {})).toBe('light');
	});
});
