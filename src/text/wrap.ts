/**
 * Word wrap of styled runs to a column width. Breaks at spaces, between
 * wide (CJK) characters, and hard-breaks any word longer than the line (a
 * 10,000-character word, a long URL) at grapheme boundaries, so no line is
 * ever wider than asked and no character is cut in half.
 */
import type {SafeText} from './sanitize.js';
import {displayWidth, graphemes} from './width.js';

export type SegmentStyle =
	| 'text'
	| 'strong'
	| 'emphasis'
	| 'code'
	| 'link'
	| 'title'
	| 'heading'
	| 'muted'
	| 'marker'
	| 'quote-bar'
	| 'match';

/** A run of text with one style; `href` only on http(s) links. */
export type Segment = {readonly text: SafeText; readonly style: SegmentStyle; readonly href?: string};
export type Line = readonly Segment[];

/** A styled run before wrapping. `text: '\n'` forces a line break. */
export type Run = {readonly text: string; readonly style: SegmentStyle; readonly href?: string};

type Piece = {text: string; style: SegmentStyle; href?: string; width: number};
/** A word: pieces that must stay together unless the word is wider than a line. */
type Word = {pieces: Piece[]; width: number; spaceBefore: boolean; forceBreak: boolean};

const hasWide = /[\u1100-\uffff]|[\ud800-\udbff]/;

function piece(run: Run, text: string): Piece {
	const p: Piece = {text, style: run.style, width: displayWidth(text)};
	if (run.href !== undefined) p.href = run.href;
	return p;
}

/** Splits runs into words; CJK and other wide characters each become their own word. */
function toWords(runs: readonly Run[]): Word[] {
	const words: Word[] = [];
	let current: Word | null = null;
	let pendingSpace = false;
	let pendingBreak = false;
	const flush = (): void => {
		if (current && current.pieces.length > 0) words.push(current);
		current = null;
	};
	const add = (p: Piece, alone: boolean): void => {
		if (alone || current === null) {
			flush();
			current = {pieces: [], width: 0, spaceBefore: pendingSpace, forceBreak: pendingBreak};
			pendingSpace = false;
			pendingBreak = false;
		}
		current.pieces.push(p);
		current.width += p.width;
		if (alone) flush();
	};
	for (const run of runs) {
		if (run.text === '\n') {
			flush();
			pendingBreak = true;
			pendingSpace = false;
			continue;
		}
		const parts = run.text.split(/(\s+)/);
		for (const part of parts) {
			if (part === '') continue;
			if (/^\s+$/.test(part)) {
				flush();
				if (words.length > 0 || current !== null) pendingSpace = !pendingBreak;
				continue;
			}
			if (!hasWide.test(part)) {
				add(piece(run, part), false);
				continue;
			}
			// Mixed text: narrow stretches stay words, each wide grapheme may break.
			let narrow = '';
			for (const g of graphemes(part)) {
				if (displayWidth(g) >= 2) {
					if (narrow !== '') add(piece(run, narrow), false);
					narrow = '';
					add(piece(run, g), true);
				} else {
					narrow += g;
				}
			}
			if (narrow !== '') add(piece(run, narrow), false);
		}
	}
	flush();
	return words;
}

function toSegments(pieces: readonly Piece[]): Line {
	const out: Segment[] = [];
	for (const p of pieces) {
		const last = out.at(-1);
		if (last && last.style === p.style && last.href === p.href) {
			out[out.length - 1] = {...last, text: (last.text + p.text) as SafeText};
		} else {
			const seg: Segment = p.href === undefined ? {text: p.text as SafeText, style: p.style} : {text: p.text as SafeText, style: p.style, href: p.href};
			out.push(seg);
		}
	}
	return out;
}

/** Cuts a word wider than the line into grapheme chunks of at most `width`. */
function hardBreak(word: Word, width: number): Piece[][] {
	const chunks: Piece[][] = [];
	let chunk: Piece[] = [];
	let used = 0;
	for (const p of word.pieces) {
		let text = '';
		for (const g of graphemes(p.text)) {
			const w = displayWidth(g);
			if (used + w > width && used > 0) {
				if (text !== '') chunk.push({...p, text, width: displayWidth(text)});
				chunks.push(chunk);
				chunk = [];
				used = 0;
				text = '';
			}
			text += g;
			used += w;
		}
		if (text !== '') chunk.push({...p, text, width: displayWidth(text)});
	}
	if (chunk.length > 0) chunks.push(chunk);
	return chunks;
}

/**
 * Wraps runs to `width` columns. `firstPrefix` starts the first line and
 * `restPrefix` every following one (hanging indents, quote bars); the width
 * given is the whole line, prefixes included.
 */
export function wrapRuns(runs: readonly Run[], width: number, firstPrefix: Line = [], restPrefix: Line = firstPrefix): Line[] {
	const prefixWidth = (prefix: Line): number => prefix.reduce((sum, s) => sum + displayWidth(s.text), 0);
	const lines: Line[] = [];
	let prefix = firstPrefix;
	let room = Math.max(1, width - prefixWidth(prefix));
	let pieces: Piece[] = [];
	let used = 0;
	const endLine = (): void => {
		lines.push([...prefix, ...toSegments(pieces)]);
		pieces = [];
		used = 0;
		prefix = restPrefix;
		room = Math.max(1, width - prefixWidth(prefix));
	};
	for (const word of toWords(runs)) {
		if (word.forceBreak && pieces.length > 0) endLine();
		const gap = word.spaceBefore && used > 0 ? 1 : 0;
		if (used + gap + word.width <= room) {
			if (gap) pieces.push({text: ' ', style: pieces.at(-1)?.style ?? 'text', width: 1});
			pieces.push(...word.pieces);
			used += gap + word.width;
			continue;
		}
		if (used > 0) endLine();
		if (word.width <= room) {
			pieces.push(...word.pieces);
			used = word.width;
			continue;
		}
		const chunks = hardBreak(word, room);
		chunks.forEach((chunk, i) => {
			pieces.push(...chunk);
			used = chunk.reduce((sum, p) => sum + p.width, 0);
			if (i < chunks.length - 1) endLine();
		});
	}
	if (pieces.length > 0 || lines.length === 0) endLine();
	return lines;
}

export function lineWidth(line: Line): number {
	return line.reduce((sum, s) => sum + displayWidth(s.text), 0);
}

export function lineText(line: Line): string {
	return line.map((s) => s.text).join('');
}
