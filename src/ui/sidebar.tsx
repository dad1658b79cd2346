/** Key events, newest first: a heading row, then each event as its time and headline in one or two rows. */
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {SidebarModel} from '../state/selectors.js';
import {padToWidth, truncateToWidth} from '../text/width.js';
import type {Theme} from './theme.js';

export function Sidebar({model, width, height, theme}: {readonly model: SidebarModel; readonly width: number; readonly height: number; readonly theme: Theme}): ReactNode {
	const heading = truncateToWidth(`${model.focused ? '▶' : ' '} Key events (${model.total})`, width);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate" {...(model.focused ? theme.tokens.sidebarFocused : theme.tokens.title)}>
				{heading}
			</Text>
			{model.total === 0 ? (
				<Text wrap="truncate" {...theme.tokens.muted}>
					{truncateToWidth('  none flagged yet', width)}
				</Text>
			) : null}
			{model.items.map((item) => {
				const mark = item.mark === null ? ' ' : '▌';
				const markStyle = item.mark === 'new' ? theme.tokens.newMark : theme.tokens.updatedMark;
				const selected = item.selected && model.focused;
				const textStyle = selected ? theme.tokens.selected : item.selected ? theme.tokens.keyEvent : {};
				return item.lines.map((line, i) => (
					<Text key={`${item.id}:${i}`} wrap="truncate">
						<Text {...markStyle}>{width > 0 ? mark : ''}</Text>
						{width > 1 ? (item.selected && i === 0 ? '›' : ' ') : ''}
						<Text {...textStyle}>{padToWidth(line, Math.max(0, width - 2))}</Text>
					</Text>
				));
			})}
		</Box>
	);
}
