/** Small pieces every component uses: a styled run, a line of segments, OSC 8 links. */
import {Text} from 'ink';
import type {ReactNode} from 'react';
import type {Line} from '../text/wrap.js';
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
