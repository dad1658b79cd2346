/**
 * A row of styled text drawn so that Ink measures it cheaply. Ink runs
 * string-width over every Text on every frame; a line with one "—", "·" or
 * "▌" in it leaves string-width's ASCII fast path and is segmented grapheme
 * by grapheme (about 100 µs for a 100-column line, measured here), which made
 * measuring the largest single cost of a frame. Cut at grapheme boundaries
 * into pieces that are either printable ASCII or not, and laid side by side
 * in a row, the same text measures in a few microseconds. Widths add up over
 * grapheme boundaries, so the pieces take exactly the columns the whole did.
 */
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {displayWidth} from '../text/width.js';
import type {Style} from './theme.js';

export type StyledRun = {readonly text: string; readonly style: Style};

const printableAscii = /^[\x20-\x7e]*$/;
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
/** More pieces than this (text that alternates scripts word by word) cost more as nodes than they save. */
const MAX_PIECES = 16;

export type Pieces = {readonly pieces: readonly StyledRun[]; readonly width: number};

/** The runs cut into ASCII and non-ASCII pieces, or null when one Text is as good (all ASCII, or too many pieces). */
export function asciiPieces(runs: readonly StyledRun[]): Pieces | null {
	if (runs.every((run) => printableAscii.test(run.text))) return null;
	const pieces: StyledRun[] = [];
	let width = 0;
	const push = (text: string, style: Style): void => {
		pieces.push({text, style});
		width += displayWidth(text);
	};
	for (const run of runs) {
		if (run.text === '') continue;
		if (printableAscii.test(run.text)) {
			push(run.text, run.style);
			continue;
		}
		let piece = '';
		let ascii: boolean | null = null;
		for (const {segment} of segmenter.segment(run.text)) {
			const isAscii = printableAscii.test(segment);
			if (ascii !== null && isAscii !== ascii) {
				push(piece, run.style);
				piece = '';
			}
			ascii = isAscii;
			piece += segment;
		}
		if (piece !== '') push(piece, run.style);
		if (pieces.length > MAX_PIECES) return null;
	}
	return {pieces, width};
}

/**
 * One terminal row of `width` columns. Pieces are used only when they fit;
 * otherwise (or for plain ASCII) one truncating Text, as Ink would draw it.
 */
export function Runs({runs, pieces, width}: {readonly runs: readonly StyledRun[]; readonly pieces: Pieces | null; readonly width: number}): ReactNode {
	if (pieces === null || pieces.width > width) {
		// Exactly one line tall, even when empty: Ink gives an empty Text no
		// height, and a collapsed blank row would shift every row below it out
		// of line with the marker column drawn beside them.
		return (
			<Box height={1} flexShrink={0}>
				<Text wrap="truncate">
					{runs.map((run, i) => (
						<Text key={i} {...run.style}>
							{run.text}
						</Text>
					))}
				</Text>
			</Box>
		);
	}
	return (
		<Box height={1} flexShrink={0}>
			{pieces.pieces.map((piece, i) => (
				<Text key={i} {...piece.style}>
					{piece.text}
				</Text>
			))}
		</Box>
	);
}
