/**
 * A row of styled text drawn as one Text that Ink measures cheaply. Ink runs
 * string-width over every Text on every frame, and a line with one "—", "·"
 * or "▌" in it leaves string-width's ASCII fast path and is segmented
 * grapheme by grapheme (about 100 µs for a 100-column line): measuring was
 * the largest cost of a frame. So Ink measures stand-in text instead, where
 * each non-ASCII grapheme is as many ASCII "?" as it is wide, and the row's
 * Transform, which Ink applies only as it writes the line out, puts the real
 * graphemes back in those columns. Widths add up over grapheme boundaries,
 * so the stand-in is exactly as wide as the real text, and the line Ink
 * writes is exactly the line the real text would give.
 */
import {Text, Transform} from 'ink';
import type {ReactNode} from 'react';
import {widthOf} from './measure.js';
import type {Style} from './theme.js';

/** A piece of a row in one style; `href` makes it an OSC 8 hyperlink. */
export type StyledRun = {readonly text: string; readonly style: Style; readonly href?: string};

/** A row as drawn: what Ink measures, and how each written line is turned back into the real one. */
export type RowText = {
	/** The row itself, for a row that does not fit and must be cut. */
	readonly real: readonly StyledRun[];
	/** What Ink measures and lays out: the real runs when they are all ASCII. */
	readonly measured: readonly StyledRun[];
	readonly width: number;
	/** Null when `measured` is the real text. */
	readonly restore: ((line: string) => string) | null;
	/** The real text without styles, for screen readers. */
	readonly label: string;
};

const printableAscii = /^[\x20-\x7e]*$/;
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const STAND_IN = '?';
const ESC = 0x1b;

export function hyperlink(href: string, text: string): string {
	return `\u001B]8;;${href}\u0007${text}\u001B]8;;\u0007`;
}

function written(run: StyledRun, text: string): string {
	return run.href === undefined ? text : hyperlink(run.href, text);
}

/** Where the escape sequence starting at `at` ends (the index after it): SGR from styles, OSC 8 from links. */
function escapeEnd(line: string, at: number): number {
	if (line[at + 1] === ']') {
		const bel = line.indexOf('\u0007', at + 2);
		return bel === -1 ? line.length : bel + 1;
	}
	let i = at + 2;
	while (i < line.length) {
		const c = line.charCodeAt(i);
		i++;
		if (c >= 0x40 && c <= 0x7e) break;
	}
	return i;
}

/**
 * Replaces the visible columns listed in `columns` (ascending) with `graphemes`
 * (the second column of a wide grapheme with ''), leaving escape sequences and
 * every other column as they are.
 */
function restorer(columns: readonly number[], graphemes: readonly string[]): (line: string) => string {
	return (line) => {
		let out = '';
		let from = 0;
		let column = 0;
		let next = 0;
		for (let i = 0; i < line.length && next < columns.length; ) {
			if (line.charCodeAt(i) === ESC) {
				i = escapeEnd(line, i);
				continue;
			}
			if (column === columns[next]) {
				out += line.slice(from, i) + graphemes[next]!;
				from = i + 1;
				next++;
			}
			column++;
			i++;
		}
		return out + line.slice(from);
	};
}

/** Prepares runs for drawing. It segments every non-ASCII run, so laid-out lines keep theirs (styled.tsx). */
export function rowText(real: readonly StyledRun[]): RowText {
	const label = real.map((run) => run.text).join('');
	if (printableAscii.test(label)) return {real, measured: real, width: label.length, restore: null, label};
	const columns: number[] = [];
	const graphemes: string[] = [];
	const measured: StyledRun[] = [];
	let column = 0;
	for (const run of real) {
		if (printableAscii.test(run.text)) {
			measured.push(run);
			column += run.text.length;
			continue;
		}
		let text = '';
		for (const {segment} of segmenter.segment(run.text)) {
			if (printableAscii.test(segment)) {
				text += segment;
				column++;
				continue;
			}
			const width = widthOf(segment);
			// A grapheme of no width has no column to stand in: such a row is measured as it is.
			if (width === 0) return {real, measured: real, width: widthOf(label), restore: null, label};
			columns.push(column);
			graphemes.push(segment);
			for (let i = 1; i < width; i++) {
				columns.push(column + i);
				graphemes.push('');
			}
			text += STAND_IN.repeat(width);
			column += width;
		}
		measured.push({...run, text});
	}
	return {real, measured, width: column, restore: restorer(columns, graphemes), label};
}

const plain = (style: Style): boolean => Object.keys(style).length === 0;

function spans(runs: readonly StyledRun[]): ReactNode {
	return runs.map((run, i) => {
		const text = written(run, run.text);
		return plain(run.style) ? (
			text
		) : (
			<Text key={i} {...run.style}>
				{text}
			</Text>
		);
	});
}

const asWritten = (line: string): string => line;

/**
 * One terminal row of at most `width` columns, one line tall even when empty
 * (Ink gives an empty Text no height, and a collapsed blank row would shift
 * every row below it out of line with the marker column drawn beside it).
 * A row that does not fit is cut by Ink, as the real text. Every row that
 * fits is the same kind of element (a Transform, which leaves ASCII rows as
 * they are), so that React can reuse a row's Ink and Yoga nodes for whatever
 * row takes its place on screen.
 */
export function Runs({text, width}: {readonly text: RowText; readonly width: number}): ReactNode {
	if (text.label === '') return <Transform transform={asWritten}> </Transform>;
	if (text.width > width) return <Text wrap="truncate">{spans(text.real)}</Text>;
	return (
		<Transform transform={text.restore ?? asWritten} accessibilityLabel={text.label}>
			{spans(text.measured)}
		</Transform>
	);
}
