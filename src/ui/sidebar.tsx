/** Key events, newest first: a heading row, then each event as its time and headline in one or two rows. */
import {Box, Text} from 'ink';
import {Fragment, memo, type ReactNode} from 'react';
import {asciiPieces, Runs} from './runs.js';
import type {SidebarItem, SidebarModel} from '../state/selectors.js';
import {padToWidth, truncateToWidth} from '../text/width.js';
import type {Theme} from './theme.js';

type ItemProps = {readonly item: SidebarItem; readonly focused: boolean; readonly width: number; readonly theme: Theme; readonly gutter: boolean};

function markOf(item: SidebarItem, width: number, theme: Theme): ReactNode {
	const mark = item.mark === null ? ' ' : '▌';
	const markStyle = item.mark === 'new' ? theme.tokens.newMark : theme.tokens.updatedMark;
	return <Text {...markStyle}>{width > 0 ? mark : ''}</Text>;
}

/**
 * One key event; its lines come from a per-entry cache, so an unchanged item
 * is skipped between frames. With `gutter` the marker and pointer are drawn
 * by the Gutter column beside it (see runs.tsx for why).
 */
const Item = memo(
	function Item({item, focused, width, theme, gutter}: ItemProps): ReactNode {
		const selected = item.selected && focused;
		const textStyle = selected ? theme.tokens.selected : item.selected ? theme.tokens.keyEvent : {};
		// Only the focused selection has a background to fill; other lines need no trailing spaces.
		const room = Math.max(0, width - 2);
		return item.lines.map((line, i) => {
			const text = selected ? padToWidth(line, room) : truncateToWidth(line, room);
			if (gutter) {
				const runs = [{text, style: textStyle}];
				return <Runs key={i} runs={runs} pieces={asciiPieces(runs)} width={room} />;
			}
			return (
				<Text key={i} wrap="truncate">
					{markOf(item, width, theme)}
					{width > 1 ? (item.selected && i === 0 ? '›' : ' ') : ''}
					<Text {...textStyle}>{text}</Text>
				</Text>
			);
		});
	},
	(a, b) =>
		a.focused === b.focused &&
		a.width === b.width &&
		a.theme === b.theme &&
		a.gutter === b.gutter &&
		a.item.id === b.item.id &&
		a.item.lines === b.item.lines &&
		a.item.selected === b.item.selected &&
		a.item.mark === b.item.mark,
);

/** The marker and pointer cells of every item line, as one Text beside the items. */
function Gutter({items, width, theme}: {readonly items: readonly SidebarItem[]; readonly width: number; readonly theme: Theme}): ReactNode {
	const cells: ReactNode[] = [];
	for (const item of items) {
		item.lines.forEach((_, i) => {
			cells.push(
				<Fragment key={`${item.id}:${i}`}>
					{cells.length > 0 ? '\n' : ''}
					{markOf(item, width, theme)}
					{item.selected && i === 0 ? '›' : ' '}
				</Fragment>,
			);
		});
	}
	return <Text>{cells}</Text>;
}

/** Below this width the marker and pointer stay inside each line. */
const GUTTER_MIN_WIDTH = 3;

export function Sidebar({model, width, height, theme}: {readonly model: SidebarModel; readonly width: number; readonly height: number; readonly theme: Theme}): ReactNode {
	const heading = truncateToWidth(`${model.focused ? '▶' : ' '} Key events (${model.total})`, width);
	const gutter = width >= GUTTER_MIN_WIDTH;
	const items = model.items.map((item) => <Item key={item.id} item={item} focused={model.focused} width={width} theme={theme} gutter={gutter} />);
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
			{gutter && items.length > 0 ? (
				<Box flexDirection="row" width={width} flexShrink={0}>
					<Box width={2} flexShrink={0}>
						<Gutter items={model.items} width={width} theme={theme} />
					</Box>
					<Box flexDirection="column" width={width - 2}>
						{items}
					</Box>
				</Box>
			) : (
				items
			)}
		</Box>
	);
}
