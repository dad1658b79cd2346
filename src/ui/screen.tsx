/**
 * The whole frame from (state, now, theme): pure. Its height is rows - 1,
 * because a frame as tall as the terminal makes Ink clear the screen on every
 * update (the classic flicker, stack notes §2.5).
 */
import {Box} from 'ink';
import {memo, type ReactNode} from 'react';
import {geometry} from '../state/geometry.js';
import {headerModel, paneModel, sidebarModel, statusModel, tabLabels} from '../state/selectors.js';
import type {State} from '../state/state.js';
import {EntryList} from './entry-list.js';
import {Header} from './header.js';
import {HelpOverlay} from './help-overlay.js';
import {keyTable, type Keymap} from './keymap.js';
import {Sidebar} from './sidebar.js';
import {StatusLine} from './status-line.js';
import {TabBar} from './tab-bar.js';
import type {Theme} from './theme.js';

export type ScreenProps = {readonly state: State; readonly now: number; readonly theme: Theme; readonly keymap?: Keymap};

/**
 * The line between sidebar and pane, drawn as a Box's left border: Ink
 * writes a border without measuring it, where a Text of "│" lines would be
 * run through string-width's slow (non-ASCII) path line by line, every frame.
 */
const Separator = memo(function Separator({height, theme}: {readonly height: number; readonly theme: Theme}): ReactNode {
	const {muted} = theme.tokens;
	return (
		<Box
			width={1}
			height={height}
			borderStyle="single"
			borderTop={false}
			borderRight={false}
			borderBottom={false}
			{...(muted.color === undefined ? {} : {borderColor: muted.color})}
			borderDimColor={muted.dimColor === true}
		/>
	);
});

export function Screen({state, now, theme, keymap = keyTable}: ScreenProps): ReactNode {
	const g = geometry(state);
	let body: ReactNode;
	if (state.help) {
		body = <HelpOverlay keymap={keymap} width={g.columns} height={g.bodyHeight} theme={theme} />;
	} else if (g.sidebar.kind === 'full') {
		body = <Sidebar model={sidebarModel(state, g)} width={g.columns} height={g.bodyHeight} theme={theme} />;
	} else {
		const pane = <EntryList model={paneModel(state, now)} width={g.paneWidth} height={g.bodyHeight} theme={theme} />;
		body =
			g.sidebar.kind === 'side' ? (
				<Box flexDirection="row" height={g.bodyHeight}>
					<Sidebar model={sidebarModel(state, g)} width={g.sidebar.width} height={g.bodyHeight} theme={theme} />
					<Separator height={g.bodyHeight} theme={theme} />
					{pane}
				</Box>
			) : (
				pane
			);
	}
	return (
		<Box flexDirection="column" width={g.columns} height={g.height} overflowY="hidden">
			<Header model={headerModel(state, now)} columns={g.columns} theme={theme} />
			{g.tabRows > 0 ? <TabBar tabs={tabLabels(state)} columns={g.columns} theme={theme} /> : null}
			<Box height={g.bodyHeight} width={g.columns} overflowY="hidden">
				{body}
			</Box>
			<StatusLine model={statusModel(state)} columns={g.columns} theme={theme} keymap={keymap} />
		</Box>
	);
}
