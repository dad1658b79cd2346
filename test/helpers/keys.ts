/** Bytes a terminal sends for keys, named, so tests read as the reader types. */
export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	tab: '\t',
	shiftTab: '\u001B[Z',
	escape: '\u001B',
	backspace: '\u007F',
	ctrlC: '\u0003',
	space: ' ',
} as const;

/** SGR mouse reports (1-based cells). */
export const mouse = {
	wheelDown: (x: number, y: number): string => `\u001B[<65;${x};${y}M`,
	wheelUp: (x: number, y: number): string => `\u001B[<64;${x};${y}M`,
	click: (x: number, y: number): string => `\u001B[<0;${x};${y}M`,
	release: (x: number, y: number): string => `\u001B[<0;${x};${y}m`,
} as const;

/** Replies a terminal may send unasked: none of them is a key. */
export const replies = {
	deviceAttributes: '\u001B[?62;22c',
	cursorPosition: '\u001B[12;40R',
	backgroundColour: '\u001B]11;rgb:0000/0000/0000\u0007',
	backgroundColourSt: '\u001B]11;rgb:ffff/ffff/ffff\u001B\\',
	focusIn: '\u001B[I',
	dcs: '\u001BP>|tmux 3.3a\u001B\\',
} as const;
