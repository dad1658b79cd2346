/** Key events, newest first: a heading row, then each event as its time and headline in one or two rows. */
import {Box, Text} from 'ink';
import {Fragment, memo, type ReactNode} from 'react';
import {GlyphColumn, realGlyphs, standIns, type Glyphs} from './glyph-column.js';
import {cutTo, padTo} from './measure.js';
import {rowText, Runs} from './runs.js';
import type {SidebarItem, SidebarModel} from '../state/selectors.js';
import type {Theme} from './theme.js';

/** Whether two items draw the same: sidebarModel builds new item objects every frame. */
function sameItem(a: SidebarItem, b: SidebarItem): boolean {
	return a.id === b.id && a.lines === b.lines && a.selected === b.selected && a.mark === b.mark;
}

type ItemProps = {readonly item: SidebarItem; readonly focused: boolean; readonly width: number; readonly theme: Theme; readonly gutter: boolean};

function markOf(item: SidebarItem, width: number, theme: Theme, glyphs: Glyphs): ReactNode {
	const mark = item.mark === null ? ' ' : glyphs.mark;
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
			const text = selected ? padTo(line, room) : cutTo(line, room);
			if (gutter) {
				return <Runs key={i} text={rowText([{text, style: textStyle}])} width={room} />;
			}
			return (
				<Text key={i} wrap="truncate">
					{markOf(item, width, theme, realGlyphs)}
					{width > 1 ? (item.selected && i === 0 ? realGlyphs.pointer : ' ') : ''}
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
		sameItem(a.item, b.item),
);

type GutterProps = {readonly items: readonly SidebarItem[]; readonly width: number; readonly theme: Theme};

/** Whether two items draw the same marker and pointer cells. */
function sameCells(a: SidebarItem, b: SidebarItem): boolean {
	return a.mark === b.mark && a.selected === b.selected && a.lines.length === b.lines.length;
}

/** The marker and pointer cells of every item line, as one Text beside the items. */
const Gutter = memo(DrawGutter, (a: GutterProps, b: GutterProps) => a.width === b.width && a.theme === b.theme && a.items.length === b.items.length && a.items.every((item, i) => sameCells(item, b.items[i]!)));

function DrawGutter({items, width, theme}: GutterProps): ReactNode {
	const cells: ReactNode[] = [];
	const label: string[] = [];
	for (const item of items) {
		item.lines.forEach((_, i) => {
			const pointer = item.selected && i === 0;
			cells.push(
				<Fragment key={`${item.id}:${i}`}>
					{cells.length > 0 ? '\n' : ''}
					{markOf(item, width, theme, standIns)}
					{pointer ? standIns.pointer : ' '}
				</Fragment>,
			);
			label.push((item.mark === null ? ' ' : realGlyphs.mark) + (pointer ? realGlyphs.pointer : ' '));
		});
	}
	return <GlyphColumn label={label.join('\n')}>{cells}</GlyphColumn>;
}

/** Below this width the marker and pointer stay inside each line. */
const GUTTER_MIN_WIDTH = 3;

type SidebarProps = {readonly model: SidebarModel; readonly width: number; readonly height: number; readonly theme: Theme};

/** Redrawn only when what it shows changes: scrolling the pane leaves the sidebar as it was. */
export const Sidebar = memo(
	DrawSidebar,
	(a: SidebarProps, b: SidebarProps) =>
		a.width === b.width &&
		a.height === b.height &&
		a.theme === b.theme &&
		a.model.total === b.model.total &&
		a.model.focused === b.model.focused &&
		a.model.items.length === b.model.items.length &&
		a.model.items.every((item, i) => sameItem(item, b.model.items[i]!)),
);

function DrawSidebar({model, width, height, theme}: SidebarProps): ReactNode {
	const heading = cutTo(`${model.focused ? '▶' : ' '} Key events (${model.total})`, width);
	const gutter = width >= GUTTER_MIN_WIDTH;
	const items = model.items.map((item) => <Item key={item.id} item={item} focused={model.focused} width={width} theme={theme} gutter={gutter} />);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Runs text={rowText([{text: heading, style: model.focused ? theme.tokens.sidebarFocused : theme.tokens.title}])} width={width} />
			{model.total === 0 ? (
				<Text wrap="truncate" {...theme.tokens.muted}>
					{cutTo('  none flagged yet', width)}
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
