/** The main pane: only the rows on screen, each exactly one terminal row. */
import {Box, Text} from 'ink';
import {Fragment, memo, useLayoutEffect, useRef, type ReactNode} from 'react';
import type {MarkKind, PaneModel, PaneRow} from '../state/selectors.js';
import {GlyphColumn, realGlyphs, standIns, type Glyphs} from './glyph-column.js';
import {cutTo, widthOf} from './measure.js';
import {assignRowKeys, noRowKeys, type RowKeys} from './row-keys.js';
import {rowText, Runs, type StyledRun} from './runs.js';
import {lineTextOf, Segments} from './styled.js';
import type {Style, Theme} from './theme.js';

function markCell(mark: MarkKind, theme: Theme, glyphs: Glyphs): ReactNode {
	if (mark === null) return ' ';
	return <Text {...(mark === 'new' ? theme.tokens.newMark : theme.tokens.updatedMark)}>{glyphs.mark}</Text>;
}

/** The meta row's text after the gutter: time, age, labels and authors, cut to `room` columns. */
function metaRuns(row: Extract<PaneRow, {kind: 'meta'}>, room: number, theme: Theme): StyledRun[] {
	const parts: {text: string; style: Style}[] = [];
	parts.push({text: row.time, style: row.selected ? {...theme.tokens.selected, bold: true} : {bold: true}});
	if (row.ago !== null) parts.push({text: ` · ${row.ago}`, style: theme.tokens.muted});
	if (row.mark === 'new') parts.push({text: ' NEW', style: theme.tokens.newMark});
	if (row.mark === 'updated') parts.push({text: ' UPDATED', style: theme.tokens.updatedMark});
	if (row.pinned) parts.push({text: ' PINNED', style: theme.tokens.keyEvent});
	if (row.keyEvent) parts.push({text: ' ★ KEY EVENT', style: theme.tokens.keyEvent});
	if (row.authors !== '') parts.push({text: ` · ${row.authors}`, style: theme.tokens.muted});
	let left = room;
	const runs: StyledRun[] = [];
	for (const part of parts) {
		const text = cutTo(part.text, Math.max(0, left));
		left -= widthOf(text);
		if (text !== '') runs.push({text, style: part.style});
	}
	return runs;
}

function foldRuns(row: Extract<PaneRow, {kind: 'fold'}>, room: number, theme: Theme): StyledRun[] {
	return [{text: cutTo(`▸ ${row.hidden} more lines · Enter to expand`, Math.max(0, room)), style: theme.tokens.muted}];
}

/** What a row shows right of the two gutter columns, inside the row's own Text. */
function body(row: Extract<PaneRow, {kind: 'meta' | 'text' | 'fold'}>, room: number, theme: Theme): ReactNode {
	if (row.kind === 'text') return <Segments line={row.line} theme={theme} />;
	return (row.kind === 'meta' ? metaRuns(row, room, theme) : foldRuns(row, room, theme)).map((run, i) => (
		<Text key={i} {...run.style}>
			{run.text}
		</Text>
	));
}

/** The same, as a row of its own after a Gutter column. */
function bodyRow(row: Extract<PaneRow, {kind: 'meta' | 'text' | 'fold'}>, room: number, theme: Theme): ReactNode {
	if (row.kind === 'text') return <Runs text={lineTextOf(row.line, theme)} width={room} />;
	return <Runs text={rowText(row.kind === 'meta' ? metaRuns(row, room, theme) : foldRuns(row, room, theme))} width={room} />;
}

function gutterCells(row: PaneRow, theme: Theme, glyphs: Glyphs): ReactNode {
	switch (row.kind) {
		case 'meta':
			return (
				<>
					{markCell(row.mark, theme, glyphs)}
					{row.selected ? <Text {...theme.tokens.key}>{glyphs.pointer}</Text> : ' '}
				</>
			);
		case 'text':
		case 'fold':
			return <>{markCell(row.mark, theme, glyphs)} </>;
		case 'gap':
		case 'footer':
			return '  ';
	}
}

const blankRow = rowText([]);

type RowProps = {readonly row: PaneRow; readonly width: number; readonly theme: Theme; readonly gutter: boolean};

/** Whether two rows draw the same: paneModel builds new row objects every frame. */
export function sameRow(a: PaneRow, b: PaneRow): boolean {
	if (a === b) return true;
	switch (a.kind) {
		case 'meta':
			return (
				b.kind === 'meta' &&
				a.id === b.id &&
				a.time === b.time &&
				a.ago === b.ago &&
				a.mark === b.mark &&
				a.selected === b.selected &&
				a.keyEvent === b.keyEvent &&
				a.pinned === b.pinned &&
				a.authors === b.authors
			);
		case 'text':
			return b.kind === 'text' && a.line === b.line && a.mark === b.mark;
		case 'fold':
			return b.kind === 'fold' && a.hidden === b.hidden && a.mark === b.mark;
		case 'gap':
			return b.kind === 'gap';
		case 'footer':
			return b.kind === 'footer' && a.text === b.text && a.tone === b.tone;
	}
}

const Row = memo(DrawRow, (a: RowProps, b: RowProps) => a.width === b.width && a.theme === b.theme && a.gutter === b.gutter && sameRow(a.row, b.row));

/**
 * One row, `width` columns. With `gutter` the two gutter cells are drawn by
 * the Gutter column beside it and the row starts after them: a row of plain
 * ASCII text then stays on string-width's fast path, where a marker (▌, ›)
 * in the same Text would send the whole line through grapheme segmentation,
 * the largest cost of a frame.
 */
function DrawRow({row, width, theme, gutter}: RowProps): ReactNode {
	const room = gutter ? width : width - 2;
	switch (row.kind) {
		case 'meta':
		case 'text':
		case 'fold':
			return gutter ? (
				bodyRow(row, room, theme)
			) : (
				<Text wrap="truncate">
					{gutterCells(row, theme, realGlyphs)}
					{body(row, room, theme)}
				</Text>
			);
		case 'gap':
			return <Runs text={blankRow} width={width} />;
		case 'footer': {
			const text = gutter ? cutTo(row.text, room) : cutTo(`  ${row.text}`, width);
			return <Runs text={rowText([{text, style: row.tone === 'warning' ? theme.tokens.warning : theme.tokens.muted}])} width={gutter ? room : width} />;
		}
	}
}

/** The plain text of a row's gutter cells, for screen readers. */
function gutterText(row: PaneRow): string {
	const mark = (kind: MarkKind): string => (kind === null ? ' ' : realGlyphs.mark);
	switch (row.kind) {
		case 'meta':
			return mark(row.mark) + (row.selected ? realGlyphs.pointer : ' ');
		case 'text':
		case 'fold':
			return `${mark(row.mark)} `;
		case 'gap':
		case 'footer':
			return '  ';
	}
}

/** The gutter cells of every row, one line each, as a single column of glyphs. */
const Gutter = memo(function Gutter({rows, theme}: {readonly rows: readonly PaneRow[]; readonly theme: Theme}): ReactNode {
	return (
		<GlyphColumn label={rows.map(gutterText).join('\n')}>
			{rows.map((row, i) => (
				<Fragment key={i}>
					{i > 0 ? '\n' : ''}
					{gutterCells(row, theme, standIns)}
				</Fragment>
			))}
		</GlyphColumn>
	);
}, (a, b) => a.theme === b.theme && a.rows.length === b.rows.length && a.rows.every((row, i) => sameGutter(row, b.rows[i]!)));

function sameGutter(a: PaneRow, b: PaneRow): boolean {
	const mark = (r: PaneRow): MarkKind => (r.kind === 'meta' || r.kind === 'text' || r.kind === 'fold' ? r.mark : null);
	const pointer = (r: PaneRow): boolean => r.kind === 'meta' && r.selected;
	const blank = (r: PaneRow): boolean => r.kind === 'gap' || r.kind === 'footer';
	return mark(a) === mark(b) && pointer(a) === pointer(b) && blank(a) === blank(b);
}

/** Below this width the gutter stays inside each row (a 2-column gutter would leave no room). */
const GUTTER_MIN_WIDTH = 3;

/** The rows' keys for React (row-keys.ts), remembered from the last frame drawn. */
function useRowKeys(rows: readonly PaneRow[]): readonly string[] {
	const last = useRef<RowKeys>(noRowKeys);
	const keys = assignRowKeys(
		rows.map((row) => row.key),
		last.current,
	);
	// Kept once committed, so a render React throws away does not count as drawn.
	useLayoutEffect(() => {
		last.current = keys;
	});
	return keys.used;
}

export function EntryList({model, width, height, theme}: {readonly model: PaneModel; readonly width: number; readonly height: number; readonly theme: Theme}): ReactNode {
	const keys = useRowKeys(model.rows);
	if (model.empty !== null) {
		return (
			<Box flexDirection="column" width={width} height={height} overflowY="hidden">
				<Text wrap="truncate" {...theme.tokens.muted}>
					{cutTo(`  ${model.empty}`, width)}
				</Text>
			</Box>
		);
	}
	if (width < GUTTER_MIN_WIDTH) {
		return (
			<Box flexDirection="column" width={width} height={height} overflowY="hidden">
				{model.rows.map((row, i) => (
					<Row key={keys[i]} row={row} width={width} theme={theme} gutter={false} />
				))}
			</Box>
		);
	}
	return (
		<Box flexDirection="row" width={width} height={height} overflowY="hidden">
			<Box width={2} height={height} flexShrink={0}>
				<Gutter rows={model.rows} theme={theme} />
			</Box>
			<Box flexDirection="column" width={width - 2} height={height}>
				{model.rows.map((row, i) => (
					<Row key={keys[i]} row={row} width={width - 2} theme={theme} gutter />
				))}
			</Box>
		</Box>
	);
}
