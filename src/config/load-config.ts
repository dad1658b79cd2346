/**
 * The config file, read with smol-toml and checked field by field. Nothing in
 * it is fatal: a file that does not parse is reported with its line and the
 * program runs on defaults; a setting with a wrong value is reported with its
 * line and only that setting falls back to its default.
 */
import {readFileSync} from 'node:fs';
import {parse, TomlError} from 'smol-toml';
import type {BellMode, ThemeName} from '../args.js';

export type FileConfig = {
	/** Named blogs: `liveblog <name>` opens the URL. */
	readonly blogs: Readonly<Record<string, string>>;
	readonly intervalSeconds: number | null;
	readonly guardianKey: string | null;
	readonly guardianApi: string | null;
	readonly theme: ThemeName | null;
	readonly bell: BellMode | null;
	readonly desktop: boolean | null;
	/** Command name → keys, passed to the TUI's keymap as overrides. */
	readonly keys: Readonly<Record<string, readonly string[]>>;
};

export type LoadedConfig = {
	readonly config: FileConfig;
	/** One line each, naming the file and line; empty when all is well. */
	readonly problems: readonly string[];
	readonly status: 'loaded' | 'missing' | 'invalid';
};

export const emptyConfig: FileConfig = {
	blogs: {},
	intervalSeconds: null,
	guardianKey: null,
	guardianApi: null,
	theme: null,
	bell: null,
	desktop: null,
	keys: {},
};

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * The line a setting is written on, for messages about values (smol-toml
 * reports lines only for syntax errors). Finds `key =` inside `[table]`.
 */
export function lineOf(text: string, table: string | null, key: string): number | null {
	let current: string | null = null;
	const lines = text.split(/\r?\n/);
	for (const [index, raw] of lines.entries()) {
		const line = raw.trim();
		const header = /^\[\s*([^\]]+?)\s*\]/.exec(line);
		if (header) {
			current = header[1] ?? null;
			continue;
		}
		const assignment = /^("?)([^"=]+?)\1\s*=/.exec(line);
		if (assignment && assignment[2] === key && current === table) return index + 1;
	}
	return null;
}

class Checker {
	readonly problems: string[] = [];
	constructor(
		private readonly path: string,
		private readonly text: string,
	) {}

	problem(table: string | null, key: string, message: string, outcome = 'using the default'): void {
		const line = lineOf(this.text, table, key);
		const where = line === null ? this.path : `${this.path} line ${line}`;
		const name = table === null ? key : `${table}.${key}`;
		this.problems.push(`${where}: ${name} ${message}; ${outcome}`);
	}

	string(source: Table, table: string | null, key: string): string | null {
		const value = source[key];
		if (value === undefined) return null;
		if (typeof value === 'string' && value.trim() !== '') return value;
		this.problem(table, key, 'must be a non-empty string');
		return null;
	}

	choice<T extends string>(source: Table, table: string | null, key: string, allowed: readonly T[]): T | null {
		const value = source[key];
		if (value === undefined) return null;
		const found = allowed.find(candidate => candidate === value);
		if (found !== undefined) return found;
		this.problem(table, key, `must be one of ${allowed.map(a => `"${a}"`).join(', ')}`);
		return null;
	}
}

function readBlogs(check: Checker, value: unknown): Record<string, string> {
	const blogs: Record<string, string> = {};
	if (value === undefined) return blogs;
	if (!isTable(value)) {
		check.problem(null, 'blogs', 'must be a table of name = "url"');
		return blogs;
	}
	for (const [name, url] of Object.entries(value)) {
		if (typeof url === 'string' && /^(https?:\/\/|guardian:)\S+$/.test(url)) blogs[name] = url;
		else check.problem('blogs', name, 'must be an http(s) URL or guardian:<id>');
	}
	return blogs;
}

function readInterval(check: Checker, value: unknown): number | null {
	if (value === undefined || value === 'adaptive') return null;
	if (typeof value === 'number' && Number.isFinite(value) && value >= 1) return value;
	if (typeof value === 'bigint' && value >= 1n && value <= 86_400n) return Number(value);
	check.problem(null, 'interval', 'must be a number of seconds, 1 or more, or "adaptive"');
	return null;
}

function readKeys(check: Checker, value: unknown): Record<string, string[]> {
	const keys: Record<string, string[]> = {};
	if (value === undefined) return keys;
	if (!isTable(value)) {
		check.problem(null, 'keys', 'must be a table of command = ["key", ...]');
		return keys;
	}
	for (const [command, binding] of Object.entries(value)) {
		const list = typeof binding === 'string' ? [binding] : binding;
		if (Array.isArray(list) && list.length > 0 && list.every((k): k is string => typeof k === 'string' && k !== '')) {
			keys[command] = list;
		} else {
			check.problem('keys', command, 'must be a key or a list of keys');
		}
	}
	return keys;
}

function subTable(check: Checker, root: Table, name: string): Table {
	const value = root[name];
	if (value === undefined) return {};
	if (isTable(value)) return value;
	check.problem(null, name, 'must be a table');
	return {};
}

/** Parses and checks config text. `path` is only used in messages. */
export function parseConfig(text: string, path: string): LoadedConfig {
	let root: Table;
	try {
		root = parse(text);
	} catch (error) {
		if (error instanceof TomlError) {
			const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid TOML';
			return {
				config: emptyConfig,
				problems: [`${path} line ${error.line}, column ${error.column}: ${reason}; starting with default settings`],
				status: 'invalid',
			};
		}
		throw error;
	}
	const check = new Checker(path, text);
	const guardian = subTable(check, root, 'guardian');
	const notify = subTable(check, root, 'notify');
	let desktop: boolean | null = null;
	if (notify['desktop'] !== undefined) {
		if (typeof notify['desktop'] === 'boolean') desktop = notify['desktop'];
		else check.problem('notify', 'desktop', 'must be true or false');
	}
	const config: FileConfig = {
		blogs: readBlogs(check, root['blogs']),
		intervalSeconds: readInterval(check, root['interval']),
		guardianKey: check.string(guardian, 'guardian', 'key'),
		guardianApi: check.string(guardian, 'guardian', 'api'),
		theme: check.choice(root, null, 'theme', ['dark', 'light', 'auto']),
		bell: check.choice(notify, 'notify', 'bell', ['all', 'key-events', 'none']),
		desktop,
		keys: readKeys(check, root['keys']),
	};
	const known = new Set(['blogs', 'interval', 'guardian', 'theme', 'notify', 'keys']);
	for (const key of Object.keys(root)) {
		if (!known.has(key)) check.problem(null, key, 'is not a liveblog setting', 'ignored');
	}
	return {config, problems: check.problems, status: check.problems.length > 0 ? 'invalid' : 'loaded'};
}

/** Reads the file at `path`; a missing file is the ordinary case and no problem. */
export function loadConfig(path: string): LoadedConfig {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
			return {config: emptyConfig, problems: [], status: 'missing'};
		}
		const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
		return {config: emptyConfig, problems: [`${path}: cannot be read (${reason}); starting with default settings`], status: 'invalid'};
	}
	return parseConfig(text, path);
}
