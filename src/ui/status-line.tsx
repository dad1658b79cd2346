/** The bottom row: the search prompt, a notice, the last error, a warning, or the main keys. */
import {Text} from 'ink';
import {memo, type ReactNode} from 'react';
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

type StatusProps = {readonly model: StatusModel; readonly columns: number; readonly theme: Theme; readonly keymap: Keymap};

function sameModel(a: StatusModel, b: StatusModel): boolean {
	if (a.kind === 'keys' || b.kind === 'keys') return a.kind === b.kind;
	if (a.kind === 'search' || b.kind === 'search') return a.kind === 'search' && b.kind === 'search' && a.query === b.query;
	return a.kind === b.kind && a.text === b.text;
}

/** Redrawn only when its text changes: the keys hint is the same on almost every frame. */
export const StatusLine = memo(
	DrawStatusLine,
	(a: StatusProps, b: StatusProps) => a.columns === b.columns && a.theme === b.theme && a.keymap === b.keymap && sameModel(a.model, b.model),
);

function DrawStatusLine({model, columns, theme, keymap}: StatusProps): ReactNode {
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
