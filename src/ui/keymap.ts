/**
 * THE key table: every command, its keys, what it does and where it applies.
 * Dispatch, the help overlay and the README's key list all read this table,
 * so they cannot drift apart. Pure: no React, no Ink.
 */
import type {Command} from '../state/commands.js';

export type Context = 'entries' | 'sidebar' | 'search' | 'help';

/** Named keys the input decoder produces; printable keys are their character. */
export type KeyName = 'up' | 'down' | 'left' | 'right' | 'pageup' | 'pagedown' | 'home' | 'end' | 'tab' | 'shift-tab' | 'enter' | 'escape' | 'backspace' | 'delete' | 'space';

export type Key = {readonly name: KeyName | null; readonly ctrl: boolean};

export type Binding = {readonly keys: readonly string[]; readonly description: string; readonly contexts: readonly Context[]};

const browse: readonly Context[] = ['entries', 'sidebar'];

export const keyTable = {
	'line-down': {keys: ['j', 'down'], description: 'Down a line (selects the next post; next key event in the sidebar)', contexts: browse},
	'line-up': {keys: ['k', 'up'], description: 'Up a line', contexts: browse},
	'page-down': {keys: ['space', 'pagedown'], description: 'Down a page', contexts: browse},
	'page-up': {keys: ['b', 'pageup'], description: 'Up a page', contexts: browse},
	top: {keys: ['g', 'home'], description: 'To the newest post', contexts: browse},
	bottom: {keys: ['G', 'end'], description: 'To the oldest post', contexts: browse},
	'toggle-focus': {keys: ['tab', 'shift-tab'], description: 'Move focus between key events and posts', contexts: browse},
	activate: {keys: ['enter'], description: 'Sidebar: jump to that post · Posts: expand or fold a long post', contexts: browse},
	'newest-unseen': {keys: ['n'], description: 'Jump to the newest unseen post', contexts: browse},
	'toggle-sidebar': {keys: ['s'], description: 'Show or hide the key-events sidebar', contexts: browse},
	refresh: {keys: ['r'], description: 'Refresh now (at most every 5 s)', contexts: browse},
	'toggle-pause': {keys: ['p'], description: 'Pause or resume polling', contexts: browse},
	'follow-newer': {keys: ['L'], description: 'Follow the newer live blog of a series, when one has started', contexts: browse},
	'open-link': {keys: ['o'], description: "Open the selected post's link in the browser", contexts: browse},
	'copy-link': {keys: ['y'], description: "Copy the selected post's link (OSC 52)", contexts: browse},
	search: {keys: ['/'], description: 'Search titles and text as you type', contexts: browse},
	'search-accept': {keys: ['enter'], description: 'Keep the filtered view', contexts: ['search']},
	'search-cancel': {keys: ['escape'], description: 'Leave the search', contexts: ['search']},
	'search-backspace': {keys: ['backspace', 'delete'], description: 'Delete a character of the search', contexts: ['search']},
	'clear-filter': {keys: ['escape'], description: 'Clear the filter and key-events-only view', contexts: browse},
	'key-events-only': {keys: ['K'], description: 'Show key events only', contexts: browse},
	'mark-all-seen': {keys: ['m'], description: 'Mark every post seen', contexts: browse},
	'toggle-time': {keys: ['t'], description: 'Relative or absolute times', contexts: browse},
	'goto-tab': {keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], description: 'Go to blog 1–9', contexts: browse},
	'prev-tab': {keys: ['['], description: 'Previous blog', contexts: browse},
	'next-tab': {keys: [']'], description: 'Next blog', contexts: browse},
	help: {keys: ['?'], description: 'Show or hide this help', contexts: browse},
	'close-help': {keys: ['?', 'escape'], description: 'Close the help', contexts: ['help']},
	quit: {keys: ['q', 'ctrl+c'], description: 'Quit', contexts: ['entries', 'sidebar', 'help']},
} as const satisfies Record<Command, Binding>;

export type Keymap = Readonly<Record<Command, Binding>>;

const commandList = Object.keys(keyTable) as Command[];

export function isCommand(name: string): name is Command {
	return (commandList as string[]).includes(name);
}

/** The table with the config file's `[keys]` overrides applied (command → keys). */
export function buildKeymap(overrides: Readonly<Record<string, readonly string[]>> = {}): Keymap {
	const map: Record<string, Binding> = {...keyTable};
	for (const [command, keys] of Object.entries(overrides)) {
		const base = map[command];
		if (base && isCommand(command)) map[command] = {...base, keys: [...keys]};
	}
	return map as Keymap;
}

/** The name a key is written as in the table: "j", "G", "down", "ctrl+c". */
export function keyString(input: string, key: Key): string | null {
	if (key.ctrl && input !== '') return `ctrl+${input.toLowerCase()}`;
	if (key.name !== null) return key.name;
	return input === '' ? null : input;
}

export type Resolved = {readonly command: Command; readonly arg?: number};

/** Which command a key means in a context, if any. */
export function resolveKey(input: string, key: Key, context: Context, keymap: Keymap = keyTable): Resolved | undefined {
	const name = keyString(input, key);
	if (name === null) return undefined;
	// Ctrl-C always quits, whatever the context or the overrides say.
	if (name === 'ctrl+c') return {command: 'quit'};
	for (const command of commandList) {
		const binding = keymap[command];
		if (!binding.contexts.includes(context) || !binding.keys.includes(name)) continue;
		if (command === 'goto-tab') return {command, arg: Number(name)};
		return {command};
	}
	return undefined;
}

/** Rows for the help overlay (and the README): keys, description, per command. */
export function helpRows(keymap: Keymap = keyTable): {command: Command; keys: string; description: string}[] {
	return commandList.map((command) => ({
		command,
		keys: keymap[command].keys.join(command === 'goto-tab' ? '' : ' '),
		description: keymap[command].description,
	}));
}
