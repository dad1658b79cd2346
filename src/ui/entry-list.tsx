/** The main pane: only the rows on screen, each exactly one terminal row. */
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {MarkKind, PaneModel, PaneRow} from '../state/selectors.js';
import {displayWidth, truncateToWidth} from '../text/width.js';
import {Segments} from './styled.js';
import type {Style, Theme} from './theme.js';

function markCell(mark: MarkKind, theme: Theme): ReactNode {
	if (mark === null) return ' ';
	return <Text {...(mark === 'new' ? theme.tokens.newMark : theme.tokens.updatedMark)}>▌</Text>;
}

function MetaRow({row, width, theme}: {readonly row: Extract<PaneRow, {kind: 'meta'}>; readonly width: number; readonly theme: Theme}): ReactNode {
	const parts: {text: string; style: Style}[] = [];
	parts.push({text: row.time, style: row.selected ? {...theme.tokens.selected, bold: true} : {bold: true}});
	if (row.ago !== null) parts.push({text: ` · ${row.ago}`, style: theme.tokens.muted});
	if (row.mark === 'new') parts.push({text: ' NEW', style: theme.tokens.newMark});
	if (row.mark === 'updated') parts.push({text: ' UPDATED', style: theme.tokens.updatedMark});
	if (row.pinned) parts.push({text: ' PINNED', style: theme.tokens.keyEvent});
	if (row.keyEvent) parts.push({text: ' ★ KEY EVENT', style: theme.tokens.keyEvent});
	if (row.authors !== '') parts.push({text: ` · ${row.authors}`, style: theme.tokens.muted});
	let room = width - 2;
	return (
		<Text wrap="truncate">
			{markCell(row.mark, theme)}
			{row.selected ? <Text {...theme.tokens.key}>›</Text> : ' '}
			{parts.map((part, i) => {
				const text = truncateToWidth(part.text, Math.max(0, room));
				room -= displayWidth(text);
				return text === '' ? null : (
					<Text key={i} {...part.style}>
						{text}
					</Text>
				);
			})}
		</Text>
	);
}

function Row({row, width, theme}: {readonly row: PaneRow; readonly width: number; readonly theme: Theme}): ReactNode {
	switch (row.kind) {
		case 'meta':
			return <MetaRow row={row} width={width} theme={theme} />;
		case 'text':
			return (
				<Text wrap="truncate">
					{markCell(row.mark, theme)} <Segments line={row.line} theme={theme} />
				</Text>
			);
		case 'fold':
			return (
				<Text wrap="truncate">
					{markCell(row.mark, theme)}{' '}
					<Text {...theme.tokens.muted}>{truncateToWidth(`▸ ${row.hidden} more lines · Enter to expand`, Math.max(0, width - 2))}</Text>
				</Text>
			);
		case 'gap':
			return <Text> </Text>;
		case 'footer':
			return (
				<Text wrap="truncate" {...(row.tone === 'warning' ? theme.tokens.warning : theme.tokens.muted)}>
					{truncateToWidth(`  ${row.text}`, width)}
				</Text>
			);
	}
}

export function EntryList({model, width, height, theme}: {readonly model: PaneModel; readonly width: number; readonly height: number; readonly theme: Theme}): ReactNode {
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{model.empty !== null ? (
				<Text wrap="truncate" {...theme.tokens.muted}>
					{truncateToWidth(`  ${model.empty}`, width)}
				</Text>
			) : (
				model.rows.map((row, i) => <Row key={`${row.id}:${i}`} row={row} width={width} theme={theme} />)
			)}
		</Box>
	);
}
