/**
 * A column of marker glyphs (▌ and ›) that Ink measures cheaply. Ink runs
 * string-width over every line of every Text on every frame, and one
 * non-ASCII character sends a line down its slow path (about 15 µs for
 * "▌ ", against under 1 µs for two ASCII characters; a frame has two such
 * columns of 26 lines). The column is written with one-column ASCII stand-ins
 * and Transform, which Ink applies only as it writes lines out (after
 * measuring), puts the glyphs back. Both glyphs are one column wide too, so
 * layout and output are exactly what the glyphs themselves would give.
 */
import {Transform} from 'ink';
import type {ReactNode} from 'react';

export type Glyphs = {readonly mark: string; readonly pointer: string};

/** The glyphs themselves, for Texts that are not a GlyphColumn. */
export const realGlyphs: Glyphs = {mark: '▌', pointer: '›'};

/** Stand-ins for a GlyphColumn: never part of an SGR sequence, and the column holds nothing else but spaces. */
export const standIns: Glyphs = {mark: '|', pointer: '>'};

const standIn = /[|>]/g;
const toGlyph = (c: string): string => (c === standIns.mark ? realGlyphs.mark : realGlyphs.pointer);

export function withGlyphs(line: string): string {
	return line.replace(standIn, toGlyph);
}

/** `children` use standIns; `label` is the same column with the real glyphs, for screen readers. */
export function GlyphColumn({label, children}: {readonly label: string; readonly children: ReactNode}): ReactNode {
	return (
		<Transform transform={withGlyphs} accessibilityLabel={label}>
			{children}
		</Transform>
	);
}
