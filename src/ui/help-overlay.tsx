/** Every key, generated from the keymap so the help cannot drift from what the keys do. */
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {displayWidth, padToWidth, truncateToWidth} from '../text/width.js';
import {helpRows, type Keymap} from './keymap.js';
import type {Theme} from './theme.js';

export function HelpOverlay({keymap, width, height, theme}: {readonly keymap: Keymap; readonly width: number; readonly height: number; readonly theme: Theme}): ReactNode {
	const rows = helpRows(keymap);
	const keyWidth = Math.min(18, Math.max(...rows.map((r) => displayWidth(r.keys))) + 2);
	const room = Math.max(1, height - 1);
	const shown = rows.length > room ? rows.slice(0, room - 1) : rows;
	return (
		<Box flexDirection="column" width={width} height={height} overflowY="hidden">
			<Text wrap="truncate" {...theme.tokens.title}>
				{truncateToWidth('Keys — ? or Esc closes', width)}
			</Text>
			{shown.map((row) => (
				<Text key={row.command} wrap="truncate">
					<Text {...theme.tokens.key}>{padToWidth(row.keys, Math.min(keyWidth, width))}</Text>
					{truncateToWidth(row.description, Math.max(0, width - keyWidth))}
				</Text>
			))}
			{shown.length < rows.length ? (
				<Text wrap="truncate" {...theme.tokens.muted}>
					{truncateToWidth(`… ${rows.length - shown.length} more (make the window taller)`, width)}
				</Text>
			) : null}
		</Box>
	);
}
