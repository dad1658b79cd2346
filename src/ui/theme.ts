/**
 * Semantic styles. Only the 16 named ANSI colours are used, so every theme is
 * its own 16-colour fallback and reads the same on any terminal; the terminal's
 * palette decides the exact shades. With NO_COLOR the structure is carried by
 * bold, inverse, underline and the text markers (▌, NEW, ★) alone.
 */
import type {SegmentStyle} from '../text/wrap.js';

export type Style = {
	readonly color?: string;
	readonly backgroundColor?: string;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly inverse?: boolean;
	readonly underline?: boolean;
	readonly italic?: boolean;
};

export type Token =
	| 'badgeLive'
	| 'badgeEnded'
	| 'badgeUnknown'
	| 'title'
	| 'muted'
	| 'newMark'
	| 'updatedMark'
	| 'keyEvent'
	| 'selected'
	| 'error'
	| 'warning'
	| 'notice'
	| 'filter'
	| 'tabActive'
	| 'tabInactive'
	| 'sidebarFocused'
	| 'key';

export type Theme = {readonly name: 'dark' | 'light'; readonly color: boolean; readonly hyperlinks: boolean; readonly tokens: Readonly<Record<Token, Style>>; readonly segments: Readonly<Record<SegmentStyle, Style>>};

type Palette = {accent: string; fresh: string; edited: string; key: string; error: string; warning: string; link: string; match: string};

const dark: Palette = {accent: 'cyan', fresh: 'greenBright', edited: 'yellow', key: 'magentaBright', error: 'redBright', warning: 'yellow', link: 'blueBright', match: 'yellow'};
const light: Palette = {accent: 'blue', fresh: 'green', edited: 'magenta', key: 'magenta', error: 'red', warning: 'red', link: 'blue', match: 'magenta'};

function tokens(p: Palette | null): Theme['tokens'] {
	const c = (color: string): Style => (p === null ? {} : {color});
	return {
		badgeLive: p === null ? {bold: true, inverse: true} : {color: 'white', backgroundColor: p.error === 'red' ? 'red' : 'redBright', bold: true},
		badgeEnded: {bold: true, inverse: true},
		badgeUnknown: {inverse: true},
		title: {bold: true},
		muted: p === null ? {} : {dimColor: true},
		newMark: {...c(p?.fresh ?? ''), bold: true},
		updatedMark: {...c(p?.edited ?? ''), bold: true},
		keyEvent: {...c(p?.key ?? ''), bold: true},
		selected: {inverse: true},
		error: {...c(p?.error ?? ''), bold: true},
		warning: {...c(p?.warning ?? ''), bold: p === null},
		notice: c(p?.accent ?? ''),
		filter: {...c(p?.accent ?? ''), underline: p === null},
		tabActive: {bold: true, inverse: true},
		tabInactive: p === null ? {} : {dimColor: true},
		sidebarFocused: {...c(p?.accent ?? ''), bold: true},
		key: {...c(p?.accent ?? ''), bold: true},
	};
}

function segments(p: Palette | null): Theme['segments'] {
	return {
		text: {},
		strong: {bold: true},
		emphasis: {italic: true},
		code: p === null ? {} : {color: p.accent},
		link: {underline: true, ...(p === null ? {} : {color: p.link})},
		title: {bold: true},
		heading: {bold: true, underline: p === null},
		muted: p === null ? {italic: true} : {dimColor: true},
		marker: p === null ? {bold: true} : {color: p.accent},
		'quote-bar': p === null ? {} : {color: p.accent},
		match: p === null ? {inverse: true} : {inverse: true, color: p.match},
	};
}

export function makeTheme(name: 'dark' | 'light', color: boolean, hyperlinks = true): Theme {
	const palette = color ? (name === 'dark' ? dark : light) : null;
	return {name, color, hyperlinks, tokens: tokens(palette), segments: segments(palette)};
}

/** 'auto' reads COLORFGBG ("15;0": light text on black) where the terminal sets it. */
export function resolveThemeName(choice: 'dark' | 'light' | 'auto', env: NodeJS.ProcessEnv = process.env): 'dark' | 'light' {
	if (choice !== 'auto') return choice;
	const bg = Number(env['COLORFGBG']?.split(';').at(-1));
	return Number.isFinite(bg) && (bg === 7 || bg >= 9) ? 'light' : 'dark';
}

/** NO_COLOR (any non-empty value) turns colour off unless FORCE_COLOR asks for it. */
export function colorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
	const force = env['FORCE_COLOR'];
	if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
	return force !== '0' && force !== 'false';
}
