/** The bottom row: the search prompt, a notice, the last error, a warning, a first load still under way, or the main keys. */
import {memo, type ReactNode} from 'react';
import type {StatusModel} from '../state/selectors.js';
import {ownText} from '../text/sanitize.js';
import type {Keymap} from './keymap.js';
import {cutTo} from './measure.js';
import {rowText, Runs, type StyledRun} from './runs.js';
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

/** The line as styled runs, cut to `columns`. */
function statusRuns(model: StatusModel, columns: number, theme: Theme, keymap: Keymap): StyledRun[] {
	switch (model.kind) {
		case 'search':
			return [
				{text: '/', style: theme.tokens.key},
				{text: cutTo(`${ownText(model.query)}▏  Enter keep · Esc leave`, Math.max(0, columns - 1)), style: {}},
			];
		case 'error':
			return [{text: cutTo(`✖ ${model.text}`, columns), style: theme.tokens.error}];
		case 'warning':
			return [{text: cutTo(`! ${model.text}`, columns), style: theme.tokens.warning}];
		case 'notice':
			return [{text: cutTo(model.text, columns), style: theme.tokens.notice}];
		case 'loading':
			return [{text: cutTo(model.text, columns), style: theme.tokens.muted}];
		case 'keys':
			return [{text: cutTo(keysHint(keymap), columns), style: theme.tokens.muted}];
	}
}

function DrawStatusLine({model, columns, theme, keymap}: StatusProps): ReactNode {
	return <Runs text={rowText(statusRuns(model, columns, theme, keymap))} width={columns} />;
}
