/** The bottom row: the search prompt, a notice, the last error, a warning, or the main keys. */
import {Text} from 'ink';
import type {ReactNode} from 'react';
import type {StatusModel} from '../state/selectors.js';
import {ownText} from '../text/sanitize.js';
import {truncateToWidth} from '../text/width.js';
import type {Keymap} from './keymap.js';
import type {Theme} from './theme.js';

const hinted = [
	['line-down', 'scroll'],
	['toggle-focus', 'key events'],
	['newest-unseen', 'newest'],
	['search', 'search'],
	['open-link', 'open'],
	['help', 'help'],
	['quit', 'quit'],
] as const;

export function keysHint(keymap: Keymap): string {
	return hinted.map(([command, label]) => `${keymap[command].keys[0] ?? '?'} ${label}`).join(' · ');
}

export function StatusLine({model, columns, theme, keymap}: {readonly model: StatusModel; readonly columns: number; readonly theme: Theme; readonly keymap: Keymap}): ReactNode {
	switch (model.kind) {
		case 'search':
			return (
				<Text wrap="truncate">
					<Text {...theme.tokens.key}>/</Text>
					{truncateToWidth(`${ownText(model.query)}▏  Enter keep · Esc leave`, Math.max(0, columns - 1))}
				</Text>
			);
		case 'error':
			return (
				<Text wrap="truncate" {...theme.tokens.error}>
					{truncateToWidth(`✖ ${model.text}`, columns)}
				</Text>
			);
		case 'warning':
			return (
				<Text wrap="truncate" {...theme.tokens.warning}>
					{truncateToWidth(`! ${model.text}`, columns)}
				</Text>
			);
		case 'notice':
			return (
				<Text wrap="truncate" {...theme.tokens.notice}>
					{truncateToWidth(model.text, columns)}
				</Text>
			);
		case 'keys':
			return (
				<Text wrap="truncate" {...theme.tokens.muted}>
					{truncateToWidth(keysHint(keymap), columns)}
				</Text>
			);
	}
}
