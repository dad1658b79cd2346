/**
 * What the reader can ask for, independent of which key asks. The key table
 * in ui/keymap.ts maps keys to these; the reducer only ever sees commands.
 */
export const commandNames = [
	'line-down',
	'line-up',
	'page-down',
	'page-up',
	'top',
	'bottom',
	'toggle-focus',
	'activate',
	'newest-unseen',
	'toggle-sidebar',
	'refresh',
	'toggle-pause',
	'follow-newer',
	'open-link',
	'copy-link',
	'search',
	'search-accept',
	'search-cancel',
	'search-backspace',
	'clear-filter',
	'key-events-only',
	'mark-all-seen',
	'toggle-time',
	'goto-tab',
	'prev-tab',
	'next-tab',
	'help',
	'close-help',
	'quit',
] as const;

export type Command = (typeof commandNames)[number];
