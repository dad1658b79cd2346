/** Two rows: badge, title and polling state; then what the reader should know now. */
import {Box} from 'ink';
import {memo, type ReactNode} from 'react';
import type {HeaderModel, Tone} from '../state/selectors.js';
import {cutTo, padTo, widthOf} from './measure.js';
import {rowText, Runs, type StyledRun} from './runs.js';
import type {Style, Theme} from './theme.js';

function toneStyle(tone: Tone, theme: Theme): Style {
	switch (tone) {
		case 'new':
			return theme.tokens.newMark;
		case 'warning':
			return theme.tokens.warning;
		case 'filter':
			return theme.tokens.filter;
		case 'muted':
			return theme.tokens.muted;
	}
}

type HeaderProps = {readonly model: HeaderModel; readonly columns: number; readonly theme: Theme};

function sameModel(a: HeaderModel, b: HeaderModel): boolean {
	return (
		a.title === b.title &&
		a.badge === b.badge &&
		a.right === b.right &&
		a.notes.length === b.notes.length &&
		a.notes.every((note, i) => note.text === b.notes[i]!.text && note.tone === b.notes[i]!.tone)
	);
}

/** Redrawn only when what it shows changes: most keys leave the header as it was. */
export const Header = memo(DrawHeader, (a: HeaderProps, b: HeaderProps) => a.columns === b.columns && a.theme === b.theme && sameModel(a.model, b.model));

function DrawHeader({model, columns, theme}: HeaderProps): ReactNode {
	const badge = ` ${model.badge} `;
	const badgeStyle = model.badge === 'LIVE' ? theme.tokens.badgeLive : model.badge === 'ENDED' ? theme.tokens.badgeEnded : theme.tokens.badgeUnknown;
	const badgeWidth = Math.min(columns, widthOf(badge));
	let right = model.right;
	// The title matters more than the poll details: they give way first.
	if (columns - badgeWidth - 1 - widthOf(right) - 1 < Math.min(20, widthOf(model.title))) right = '';
	const titleWidth = Math.max(0, columns - badgeWidth - 1 - (right === '' ? 0 : widthOf(right) + 1));
	// Poll details that gave way on the first line lead the second, so a narrow
	// pane still says when the next poll is due and why.
	const lineTwo = right === '' && model.right !== '' ? [{text: model.right, tone: 'muted' as const}, ...model.notes] : model.notes;
	const notes: StyledRun[] = [];
	let used = 0;
	lineTwo.forEach((note, i) => {
		const sep = i === 0 ? '' : ' · ';
		const room = columns - used - widthOf(sep);
		if (room <= 0) return;
		const text = cutTo(note.text, room);
		used += widthOf(sep) + widthOf(text);
		notes.push({text: sep, style: theme.tokens.muted}, {text, style: toneStyle(note.tone, theme)});
	});
	const lineOne: StyledRun[] = [
		{text: cutTo(badge, badgeWidth, ''), style: badgeStyle},
		{text: columns > badgeWidth ? ' ' : '', style: {}},
		{text: padTo(model.title, titleWidth), style: theme.tokens.title},
		{text: right === '' ? '' : ` ${right}`, style: theme.tokens.muted},
	];
	return (
		<Box flexDirection="column" width={columns} height={2}>
			<Runs text={rowText(lineOne)} width={columns} />
			<Runs text={rowText(notes)} width={columns} />
		</Box>
	);
}
