/**
 * argv → what the user asked for. Pure: no environment, no files, no TTY
 * checks. Config-file values and environment variables are folded in later
 * (config/settings.ts), so that a flag always wins and this stays testable.
 */
import {parseArgs as parseNodeArgs} from 'node:util';

export type SourceKind = 'rss' | 'atom' | 'rdf' | 'jsonfeed' | 'jsonld' | 'guardian' | 'auto';
export type ThemeName = 'dark' | 'light' | 'auto';
export type BellMode = 'all' | 'key-events' | 'none';
export type ExportFormat = 'md' | 'html' | 'json';

/**
 * How entries reach the reader. `auto` is the TUI on a terminal and plain
 * follow mode on a pipe; the CLI decides, because only it knows about TTYs.
 */
export type OutputMode = 'auto' | 'once' | 'json' | 'json-once';

/** Flags shared by every command that reads a blog. Null means "not given". */
export type ReadFlags = {
	readonly intervalSeconds: number | null;
	readonly source: SourceKind | null;
	readonly feedIndex: number | null;
	readonly guardianKey: string | null;
	readonly guardianApi: string | null;
	readonly state: 'on' | 'off';
	readonly notify: boolean;
	readonly bell: BellMode | null;
	readonly theme: ThemeName | null;
};

/** What readFlags gives when no flag is given: for commands (--forget) that take none. */
export const NO_FLAGS: ReadFlags = {
	intervalSeconds: null,
	source: null,
	feedIndex: null,
	guardianKey: null,
	guardianApi: null,
	state: 'on',
	notify: false,
	bell: null,
	theme: null,
};

export type Command =
	| {readonly kind: 'help'}
	| {readonly kind: 'version'}
	| {readonly kind: 'show-config'; readonly flags: ReadFlags}
	| {readonly kind: 'forget'; readonly input: string}
	| {readonly kind: 'read'; readonly inputs: readonly string[]; readonly output: OutputMode; readonly flags: ReadFlags}
	| {readonly kind: 'demo'; readonly output: OutputMode; readonly flags: ReadFlags}
	| {
			readonly kind: 'export';
			readonly input: string;
			readonly format: ExportFormat;
			readonly offline: boolean;
			readonly flags: ReadFlags;
	  };

export type UsageError = {readonly kind: 'usage-error'; readonly message: string};

export const usageLine = 'Usage: liveblog [options] <url|name>...   (liveblog --help for every option)';

export const helpText = `liveblog: read a news live blog in the terminal.

Usage:
  liveblog [options] <url|name>...     open each blog (a tab each in the TUI)
  liveblog export <url|name> --format md|html|json [--offline]
  liveblog --demo                      a demo live blog served on 127.0.0.1
  liveblog --forget <url|name>         remove a blog's stored state
  liveblog --config                    print the config file path and settings

Output:
  (default)              the full-screen reader when stdout is a terminal;
                         follow mode (plain text, like tail -f) on a pipe
  --once                 print the blog as it stands as plain text and exit
  --json                 NDJSON, one object a line; with --once, exit after
                         the first read, otherwise keep following

Polling and sources:
  --interval <seconds>   fixed time between polls (1 or more); default adaptive
  --source <kind>        rss|atom|rdf|jsonfeed|jsonld|guardian|auto (default auto)
  --feed-index <n>       pick the n-th feed an HTML page links to (from 1)
  --guardian-key <key>   Guardian Content API key (env GUARDIAN_API_KEY; default: test)
  --guardian-api <url>   Guardian Content API base URL (env GUARDIAN_API_URL)

State, notifications, looks:
  --no-state             neither read nor write the stored copy of any blog
  --forget <url|name>    remove a blog's stored state and exit
  --notify               desktop notifications on new key events
  --bell <mode>          terminal bell on all|key-events|none
  --theme <name>         dark|light|auto
  --config               print the config file path and effective settings

Export:
  --format <fmt>         md|html|json (default md)
  --offline              export the stored copy without fetching

  -h, --help             this help
  -V, --version          the version
`;

const options = {
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'V'},
	interval: {type: 'string'},
	once: {type: 'boolean'},
	json: {type: 'boolean'},
	demo: {type: 'boolean'},
	source: {type: 'string'},
	'feed-index': {type: 'string'},
	'guardian-key': {type: 'string'},
	'guardian-api': {type: 'string'},
	forget: {type: 'string'},
	'no-state': {type: 'boolean'},
	notify: {type: 'boolean'},
	bell: {type: 'string'},
	theme: {type: 'string'},
	config: {type: 'boolean'},
	format: {type: 'string'},
	offline: {type: 'boolean'},
} as const;

type Values = ReturnType<typeof parseNodeArgs<{options: typeof options; allowPositionals: true; strict: true}>>['values'];

const sourceKinds: readonly SourceKind[] = ['rss', 'atom', 'rdf', 'jsonfeed', 'jsonld', 'guardian', 'auto'];
const themes: readonly ThemeName[] = ['dark', 'light', 'auto'];
const bells: readonly BellMode[] = ['all', 'key-events', 'none'];
const formats: readonly ExportFormat[] = ['md', 'html', 'json'];

class ArgumentProblem extends Error {}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | null {
	if (value === undefined) return null;
	const found = allowed.find(candidate => candidate === value);
	if (found === undefined) throw new ArgumentProblem(`${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
	return found;
}

function parseInterval(value: string | undefined): number | null {
	if (value === undefined) return null;
	const seconds = Number(value);
	if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 1) {
		throw new ArgumentProblem(`--interval takes a number of seconds, 1 or more (got '${value}')`);
	}
	return seconds;
}

function parseFeedIndex(value: string | undefined): number | null {
	if (value === undefined) return null;
	if (!/^[1-9]\d{0,3}$/.test(value)) throw new ArgumentProblem(`--feed-index takes a whole number from 1 (got '${value}')`);
	return Number(value);
}

function nonEmpty(value: string | undefined, flag: string): string | null {
	if (value === undefined) return null;
	if (value.trim() === '') throw new ArgumentProblem(`${flag} needs a value`);
	return value;
}

function readFlags(values: Values): ReadFlags {
	return {
		intervalSeconds: parseInterval(values.interval),
		source: oneOf(values.source, sourceKinds, '--source'),
		feedIndex: parseFeedIndex(values['feed-index']),
		guardianKey: nonEmpty(values['guardian-key'], '--guardian-key'),
		guardianApi: nonEmpty(values['guardian-api'], '--guardian-api'),
		state: values['no-state'] === true ? 'off' : 'on',
		notify: values.notify === true,
		bell: oneOf(values.bell, bells, '--bell'),
		theme: oneOf(values.theme, themes, '--theme'),
	};
}

function outputMode(values: Values): OutputMode {
	if (values.json === true) return values.once === true ? 'json-once' : 'json';
	return values.once === true ? 'once' : 'auto';
}

/** Node's messages go on to explain `--`; the first sentence is the useful part. */
function firstSentence(message: string): string {
	const cut = message.indexOf('. ');
	const sentence = cut === -1 ? message : message.slice(0, cut);
	return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function exportCommand(values: Values, positionals: readonly string[], flags: ReadFlags): Command {
	const [input, ...rest] = positionals;
	if (input === undefined) throw new ArgumentProblem('export needs a blog URL or name');
	if (rest.length > 0) throw new ArgumentProblem(`export takes one blog (got also '${rest[0] ?? ''}')`);
	return {kind: 'export', input, format: oneOf(values.format, formats, '--format') ?? 'md', offline: values.offline === true, flags};
}

function interpret(values: Values, positionals: readonly string[]): Command {
	if (values.help === true) return {kind: 'help'};
	if (values.version === true) return {kind: 'version'};
	const flags = readFlags(values);
	if (positionals[0] === 'export') return exportCommand(values, positionals.slice(1), flags);
	if (values.format !== undefined || values.offline === true) {
		throw new ArgumentProblem('--format and --offline belong to `liveblog export`');
	}
	if (values.config === true) return {kind: 'show-config', flags};
	if (values.forget !== undefined) {
		const input = nonEmpty(values.forget, '--forget');
		if (input === null || positionals.length > 0) throw new ArgumentProblem('--forget takes one blog URL or name and nothing else');
		return {kind: 'forget', input};
	}
	const output = outputMode(values);
	if (values.demo === true) {
		if (positionals.length > 0) throw new ArgumentProblem('--demo takes no URL');
		return {kind: 'demo', output, flags};
	}
	if (positionals.length === 0) throw new ArgumentProblem('missing the blog URL');
	return {kind: 'read', inputs: positionals, output, flags};
}

export function parseArgs(argv: readonly string[]): Command | UsageError {
	try {
		const {values, positionals} = parseNodeArgs({args: [...argv], options, allowPositionals: true, strict: true});
		return interpret(values, positionals);
	} catch (error) {
		if (error instanceof ArgumentProblem) return {kind: 'usage-error', message: error.message};
		if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')) {
			return {kind: 'usage-error', message: firstSentence(error.message)};
		}
		throw error;
	}
}

export function isUsageError(result: Command | UsageError): result is UsageError {
	return result.kind === 'usage-error';
}
