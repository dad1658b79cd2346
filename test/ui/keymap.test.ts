import {describe, expect, test} from 'vitest';
import {commandNames} from '../../src/state/commands.js';
import {createInputDecoder} from '../../src/ui/input-decoder.js';
import {buildKeymap, helpRows, keyTable, resolveKey} from '../../src/ui/keymap.js';
import {keys, mouse, replies} from '../helpers/keys.js';

const plain = {name: null, ctrl: false} as const;

describe('the key table', () => {
	test('every command has keys and a description', () => {
		expect(Object.keys(keyTable).sort()).toEqual([...commandNames].sort());
		for (const binding of Object.values(keyTable)) {
			expect(binding.keys.length).toBeGreaterThan(0);
			expect(binding.description.length).toBeGreaterThan(3);
		}
	});

	test('no key means two things in one context', () => {
		for (const context of ['entries', 'sidebar', 'search', 'help'] as const) {
			const seen = new Map<string, string>();
			for (const [command, binding] of Object.entries(keyTable)) {
				if (!(binding.contexts as readonly string[]).includes(context)) continue;
				for (const key of binding.keys) {
					expect(seen.get(key), `${key} in ${context}`).toBeUndefined();
					seen.set(key, command);
				}
			}
		}
	});

	test('resolveKey by context', () => {
		expect(resolveKey('j', plain, 'entries')).toEqual({command: 'line-down'});
		expect(resolveKey('', {name: 'down', ctrl: false}, 'sidebar')).toEqual({command: 'line-down'});
		expect(resolveKey('G', plain, 'entries')).toEqual({command: 'bottom'});
		expect(resolveKey('3', plain, 'entries')).toEqual({command: 'goto-tab', arg: 3});
		expect(resolveKey('', {name: 'enter', ctrl: false}, 'search')).toEqual({command: 'search-accept'});
		expect(resolveKey('j', plain, 'search')).toBeUndefined();
		expect(resolveKey('q', plain, 'search')).toBeUndefined();
		expect(resolveKey('c', {name: null, ctrl: true}, 'search')).toEqual({command: 'quit'});
		expect(resolveKey('j', plain, 'help')).toBeUndefined();
		expect(resolveKey('', {name: 'escape', ctrl: false}, 'help')).toEqual({command: 'close-help'});
	});

	test('overrides from the config replace a command’s keys', () => {
		const map = buildKeymap({'line-down': ['e'], nonsense: ['z']});
		expect(resolveKey('e', plain, 'entries', map)).toEqual({command: 'line-down'});
		expect(resolveKey('j', plain, 'entries', map)).toBeUndefined();
		expect(resolveKey('c', {name: null, ctrl: true}, 'entries', map)).toEqual({command: 'quit'});
	});

	test('help rows come from the table, one per command', () => {
		const rows = helpRows();
		expect(rows.map((r) => r.command)).toEqual(Object.keys(keyTable));
		expect(rows.find((r) => r.command === 'goto-tab')?.keys).toBe('123456789');
	});
});

describe('input decoding', () => {
	const decode = (...chunks: string[]) => {
		const decoder = createInputDecoder();
		return chunks.flatMap((c) => decoder.push(c));
	};
	const names = (...chunks: string[]) => decode(...chunks).map((e) => (e.kind === 'key' ? e.key.name ?? (e.key.ctrl ? `^${e.input}` : e.input) : e.kind));

	test('a burst of keys is every key', () => {
		expect(names('jjj')).toEqual(['j', 'j', 'j']);
		expect(names('/kim\r')).toEqual(['/', 'k', 'i', 'm', 'enter']);
	});

	test('arrows, paging and control keys', () => {
		expect(names(keys.up, keys.down, keys.pageUp, keys.pageDown, keys.home, keys.end, keys.tab, keys.shiftTab, keys.escape, keys.backspace, keys.ctrlC)).toEqual([
			'up',
			'down',
			'pageup',
			'pagedown',
			'home',
			'end',
			'tab',
			'shift-tab',
			'escape',
			'backspace',
			'^c',
		]);
		expect(names('\u001B[1;5B', '\u001BOA')).toEqual(['down', 'up']);
	});

	test('terminal replies are swallowed whole, even when split across reads', () => {
		for (const reply of Object.values(replies)) expect(names(reply)).toEqual([]);
		// Ink hands an OSC over as "ESC ]" and then the rest as text.
		expect(names('\u001B]', '11;rgb:0000/0000/0000\u0007j')).toEqual(['j']);
		expect(names('\u001BP', '>|tmux', '\u001B\\', 'k')).toEqual(['k']);
	});

	test('mouse wheel and clicks; releases ignored', () => {
		expect(decode(mouse.wheelDown(10, 5), mouse.wheelUp(3, 4), mouse.click(7, 8), mouse.release(7, 8))).toEqual([
			{kind: 'wheel', lines: 1, x: 10, y: 5},
			{kind: 'wheel', lines: -1, x: 3, y: 4},
			{kind: 'click', x: 7, y: 8},
		]);
	});

	test('a bracketed paste is one paste, its escapes never keys', () => {
		expect(decode('\u001B[200~', 'qq\u001B[2Jj', '\u001B[201~')).toEqual([{kind: 'paste', text: 'qq\u001B[2Jj'}]);
	});
});
