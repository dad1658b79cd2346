/** Small pieces every component uses: a styled run, a line of segments, OSC 8 links. */
import {Text} from 'ink';
import type {ReactNode} from 'react';
import type {Line} from '../text/wrap.js';
import {asciiPieces, type Pieces, type StyledRun} from './runs.js';
import type {Style, Theme} from './theme.js';

// Only hrefs that string-width (and so Ink's layout) recognises as an escape
// sequence become hyperlinks; others would be measured as visible text.
const linkableHref = /^https?:\/\/[-a-zA-Z\d/#&.:=?%@~_]+$/;

export function hyperlink(href: string, text: string): string {
	return `\u001B]8;;${href}\u0007${text}\u001B]8;;\u0007`;
}

export function S({style, children}: {readonly style: Style; readonly children: ReactNode}): ReactNode {
	return <Text {...style}>{children}</Text>;
}

export function Segments({line, theme}: {readonly line: Line; readonly theme: Theme}): ReactNode {
	return line.map((seg, i) => {
		const text = seg.href !== undefined && theme.hyperlinks && linkableHref.test(seg.href) ? hyperlink(seg.href, seg.text) : seg.text;
		return (
			<Text key={i} {...theme.segments[seg.style]}>
				{text}
			</Text>
		);
	});
}

export type LineRuns = {readonly runs: readonly StyledRun[]; readonly pieces: Pieces | null};

const lineRuns = new WeakMap<Line, {readonly theme: Theme; readonly value: LineRuns}>();

/** A laid-out line as styled runs and their ASCII pieces, worked out once per line (and theme), not per frame. */
export function lineRunsOf(line: Line, theme: Theme): LineRuns {
	const hit = lineRuns.get(line);
	if (hit?.theme === theme) return hit.value;
	let linked = false;
	const runs = line.map((seg): StyledRun => {
		const link = seg.href !== undefined && theme.hyperlinks && linkableHref.test(seg.href);
		linked ||= link;
		return {text: link ? hyperlink(seg.href!, seg.text) : seg.text, style: theme.segments[seg.style]};
	});
	// A hyperlink's escape sequence must wrap its whole text: such lines stay one Text.
	const value = {runs, pieces: linked ? null : asciiPieces(runs)};
	lineRuns.set(line, {theme, value});
	return value;
}
