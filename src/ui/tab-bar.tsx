/** One row of blog tabs with unseen counts; scrolls so the active tab is always in view. */
import {memo, type ReactNode} from 'react';
import type {TabLabel} from '../state/selectors.js';
import {cutTo, widthOf} from './measure.js';
import {rowText, Runs, type StyledRun} from './runs.js';
import type {Theme} from './theme.js';

const MAX_LABEL = 24;

function labelText(tab: TabLabel): string {
	const count = tab.unseen > 0 ? ` (${tab.unseen})` : '';
	return ` ${tab.number} ${cutTo(tab.label, MAX_LABEL)}${count} `;
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

type TabBarProps = {readonly tabs: readonly TabLabel[]; readonly columns: number; readonly theme: Theme};

const sameTab = (a: TabLabel, b: TabLabel): boolean => a.label === b.label && a.unseen === b.unseen && a.active === b.active && a.number === b.number;

/** Redrawn only when a label, a count or the active tab changes (tabLabels builds new objects every frame). */
export const TabBar = memo(
	DrawTabBar,
	(a: TabBarProps, b: TabBarProps) => a.columns === b.columns && a.theme === b.theme && a.tabs.length === b.tabs.length && a.tabs.every((tab, i) => sameTab(tab, b.tabs[i]!)),
);

function DrawTabBar({tabs, columns, theme}: TabBarProps): ReactNode {
	const labels = tabs.map(labelText);
	const active = Math.max(0, tabs.findIndex((t) => t.active));
	const {start, end} = tabWindow(
		labels.map((l) => widthOf(l)),
		active,
		columns,
	);
	const room = columns - 2;
	const runs: StyledRun[] = [{text: start > 0 ? '‹' : ' ', style: theme.tokens.muted}];
	labels.slice(start, end).forEach((label, i) => {
		const tab = tabs[start + i]!;
		runs.push({text: cutTo(label, room), style: tab.active ? theme.tokens.tabActive : theme.tokens.tabInactive});
	});
	runs.push({text: end < tabs.length ? '›' : '', style: theme.tokens.muted});
	return <Runs text={rowText(runs)} width={columns} />;
}
