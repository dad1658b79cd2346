/** Small pieces every component uses: a styled run, a line of segments, OSC 8 links. */
import {Text} from 'ink';
import type {ReactNode} from 'react';
import type {Line} from '../text/wrap.js';
import {hyperlink, rowText, type RowText, type StyledRun} from './runs.js';
import type {Style, Theme} from './theme.js';

// Only hrefs that string-width (and so Ink's layout) recognises as an escape
// sequence become hyperlinks; others would be measured as visible text.
const linkableHref = /^https?:\/\/[-a-zA-Z\d/#&.:=?%@~_]+$/;

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

const lineTexts = new WeakMap<Line, {readonly theme: Theme; readonly value: RowText}>();

/** A laid-out line ready to draw, worked out once per line (and theme), not per frame. */
export function lineTextOf(line: Line, theme: Theme): RowText {
	const hit = lineTexts.get(line);
	if (hit?.theme === theme) return hit.value;
	const runs = line.map((seg): StyledRun => {
		const style = theme.segments[seg.style];
		return seg.href !== undefined && theme.hyperlinks && linkableHref.test(seg.href) ? {text: seg.text, style, href: seg.href} : {text: seg.text, style};
	});
	const value = rowText(runs);
	lineTexts.set(line, {theme, value});
	return value;
}
