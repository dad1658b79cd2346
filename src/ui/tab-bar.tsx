/** One row of blog tabs with unseen counts; scrolls so the active tab is always in view. */
import {Text} from 'ink';
import type {ReactNode} from 'react';
import type {TabLabel} from '../state/selectors.js';
import {displayWidth, truncateToWidth} from '../text/width.js';
import type {Theme} from './theme.js';

const MAX_LABEL = 24;

function labelText(tab: TabLabel): string {
	const count = tab.unseen > 0 ? ` (${tab.unseen})` : '';
	return ` ${tab.number} ${truncateToWidth(tab.label, MAX_LABEL)}${count} `;
}

/** The run of tabs to show: grow around the active one while they fit. */
export function tabWindow(widths: readonly number[], active: number, columns: number): {start: number; end: number} {
	let start = active;
	let end = active + 1;
	let used = widths[active] ?? 0;
	const room = columns - 2; // for the ‹ › scroll hints
	for (;;) {
		const right = widths[end];
		if (right !== undefined && used + right <= room) {
			used += right;
			end++;
			continue;
		}
		const left = widths[start - 1];
		if (left !== undefined && used + left <= room) {
			used += left;
			start--;
			continue;
		}
		return {start, end};
	}
}

export function TabBar({tabs, columns, theme}: {readonly tabs: readonly TabLabel[]; readonly columns: number; readonly theme: Theme}): ReactNode {
	const labels = tabs.map(labelText);
	const active = Math.max(0, tabs.findIndex((t) => t.active));
	const {start, end} = tabWindow(
		labels.map((l) => displayWidth(l)),
		active,
		columns,
	);
	return (
		<Text wrap="truncate">
			<Text {...theme.tokens.muted}>{start > 0 ? '‹' : ' '}</Text>
			{labels.slice(start, end).map((label, i) => {
				const tab = tabs[start + i]!;
				const room = columns - 2;
				return (
					<Text key={tab.number} {...(tab.active ? theme.tokens.tabActive : theme.tokens.tabInactive)}>
						{truncateToWidth(label, room)}
					</Text>
				);
			})}
			<Text {...theme.tokens.muted}>{end < tabs.length ? '›' : ''}</Text>
		</Text>
	);
}
