#!/usr/bin/env node
/**
 * Wiring only: argv → command → the mode that runs it. React and Ink are
 * imported dynamically in the TUI branch alone, so --once, --json and follow
 * mode start without loading them (issue 7; test/cli/lean-start.test.ts).
 */
import {existsSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {helpText, isUsageError, NO_FLAGS, parseArgs, usageLine, type Command, type OutputMode, type ReadFlags} from './args.js';
import {loadConfig, type LoadedConfig} from './config/load-config.js';
import {configPath} from './config/paths.js';
import {describeSettings, resolveInput, resolveSettings, type Settings} from './config/settings.js';
import type {ExportInput} from './export/common.js';
import type {ReaderOptions} from './output/follow.js';
import type {SourceOptions} from './sources/index.js';
import type {IntervalPolicy, ReadTarget} from './output/once.js';
import {stateDir, stateFilePath} from './store/paths.js';
import {sanitizeLine} from './text/sanitize.js';

// Everything that fetches, parses or draws is imported where it is used, so
// --help, --version and --config start at once and each mode loads only what
// it needs.
const loadNet = async () => {
	const [{createPoller}, {systemClock}] = await Promise.all([import('./net/poller.js'), import('./net/clock.js')]);
	return {createPoller, systemClock};
};

const DEMO_INTERVAL_SECONDS = 3;

class Exit extends Error {
	constructor(readonly code: number) {
		super(`exit ${code}`);
	}
}

/** Lines said on stderr so far: the TUI repeats them, since its alternate screen hides stderr. */
const saidOnStderr: string[] = [];

function err(line: string): void {
	process.stderr.write(`liveblog: ${line}\n`);
	saidOnStderr.push(line);
}

function usageFailure(message: string): never {
	process.stderr.write(`liveblog: ${message}\n${usageLine}\n`);
	throw new Exit(2);
}

function version(): string {
	const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
	return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

function loadSettings(flags: ReadFlags, path: string): {loaded: LoadedConfig; settings: Settings} {
	const loaded = loadConfig(path);
	for (const problem of loaded.problems) err(problem);
	return {loaded, settings: resolveSettings(flags, loaded.config, process.env)};
}

function stateDirectory(settings: Settings): string | null {
	return settings.state === 'off' ? null : stateDir(process.env, homedir());
}

function urlFor(input: string, settings: Settings): string {
	const resolved = resolveInput(input, settings.blogs);
	if (resolved.kind === 'unknown-name') usageFailure(resolved.message);
	return resolved.url;
}

function sourceOptions(settings: Settings): SourceOptions {
	return {
		force: settings.source,
		guardianKey: settings.guardianKey.value,
		...(settings.feedIndex === null ? {} : {feedIndex: settings.feedIndex}),
		...(settings.guardianApi === null ? {} : {guardianApi: settings.guardianApi}),
	};
}

async function target(input: string, url: string, settings: Settings): Promise<ReadTarget> {
	const {createPollSource} = await import('./sources/index.js');
	try {
		return {input, url, source: createPollSource(url, sourceOptions(settings))};
	} catch (error) {
		const {describeFailure, isLiveblogError} = await import('./errors.js');
		if (isLiveblogError(error)) usageFailure(describeFailure(error.failure));
		throw error;
	}
}

function intervalOf(settings: Settings, fallbackSeconds: number | null): IntervalPolicy {
	const seconds = settings.intervalSeconds ?? fallbackSeconds;
	return seconds === null ? {kind: 'adaptive'} : {kind: 'fixed', ms: Math.round(seconds * 1000)};
}

function debugLogPath(): {debugLogPath?: string} {
	const path = process.env['LIVEBLOG_DEBUG'];
	return path === undefined || path === '' ? {} : {debugLogPath: path};
}

/** Resolves when stdout has taken everything written so far. */
function drained(): Promise<void> {
	return new Promise(resolve => process.stdout.write('', () => resolve()));
}

/**
 * Outside the TUI (which restores the terminal on a crash itself), anything
 * thrown that nothing caught is still one line, never a stack trace; an EPIPE
 * that surfaces this way is a closed pipe and exits 0 like the stream handler.
 */
function quietCrash(error: unknown): void {
	if (error instanceof Error && 'code' in error && error.code === 'EPIPE') process.exit(0);
	err(`unexpected error: ${sanitizeLine(error instanceof Error ? error.message : String(error)).slice(0, 300)}`);
	process.exit(1);
}

/**
 * The first frame comes first. A tab with a stored copy draws it; a tab
 * without one has its feed fetched and parsed in a worker (net/first-poll.ts),
 * started before anything else loads, while this thread loads Ink and draws a
 * loading line. The sources, the poller and undici load after the first frame
 * (ui/tab-pollers.ts).
 */
async function runTui(inputs: readonly {input: string; url: string}[], settings: Settings, interval: IntervalPolicy): Promise<number> {
	process.off('uncaughtException', quietCrash);
	process.off('unhandledRejection', quietCrash);
	// CI and NODE_ENV are settled for Ink and React by ui/run-tui.ts's loadTui, before it imports them.
	const dir = stateDirectory(settings);
	const options = sourceOptions(settings);
	const debug = debugLogPath();
	// A tab with no state file is polled first by the worker; a corrupt one found below starts fresh, polled here.
	const jobs = inputs.flatMap(({url}, tab) => (dir !== null && existsSync(stateFilePath(dir, url)) ? [] : [{tab, url, options, interval, ...debug}]));
	const firstPolls =
		jobs.length === 0 ? null : (await import('./net/first-poll.js')).startFirstPolls(new URL('./net/first-poll-worker.js', import.meta.url), jobs);
	const polledFirst = new Set(jobs.map(job => job.tab));
	const screen = import('./ui/run-tui.js').then(ui => ui.loadTui());
	const {loadBlogStateHead} = await import('./store/state-file.js');
	// Entries and key events the first screen can show: each takes a row at least.
	const firstScreen = Math.max(process.stdout.rows || 24, 24);
	const [tabs, startTui] = await Promise.all([
		Promise.all(
			inputs.map(async ({url}, tab) => {
				const loaded = dir === null || polledFirst.has(tab) ? null : await loadBlogStateHead(dir, url, firstScreen);
				// Said before the alternate screen hides the terminal; the blog starts fresh.
				if (loaded?.kind === 'corrupt') err(loaded.message);
				// The TUI keys its state file on `input`: the resolved URL, as --forget and export do.
				if (loaded?.kind === 'head') {
					const {state, unseen, keyEvents, rest} = loaded;
					return {input: url, stored: state, rest: {unseen, keyEvents, rest}};
				}
				return {input: url, stored: loaded?.kind === 'loaded' ? loaded.state : null};
			}),
		),
		screen,
	]);
	// The worker checks every address before it fetches: a bad one is a usage error, before the screen is taken.
	const invalid = firstPolls === null ? null : await firstPolls.checked;
	if (invalid !== null) {
		const {describeFailure} = await import('./errors.js');
		usageFailure(describeFailure(invalid));
	}
	return startTui({
		tabs,
		sourceOptions: options,
		firstPolls,
		interval,
		stateDir: dir,
		notify: {bell: settings.bell, desktop: settings.desktop},
		theme: settings.theme,
		keyOverrides: Object.fromEntries(Object.entries(settings.keys).map(([command, keys]) => [command, [...keys]])),
		warnings: [...saidOnStderr],
		...debug,
	});
}

async function read(inputs: readonly {input: string; url: string}[], output: OutputMode, settings: Settings, interval: IntervalPolicy): Promise<number> {
	if (output === 'auto' && process.stdout.isTTY === true) return runTui(inputs, settings, interval);
	const targets = await Promise.all(inputs.map(({input, url}) => target(input, url, settings)));
	const {createPoller, systemClock} = await loadNet();
	const {runOnce, startFollow} = await import('./output/follow.js');
	const {outputWidth} = await import('./output/plain.js');
	const options: ReaderOptions = {
		targets,
		format: output === 'json' || output === 'json-once' ? 'ndjson' : 'plain',
		interval,
		clock: systemClock,
		createPoller,
		out: process.stdout,
		err: process.stderr,
		width: process.stdout.isTTY === true && process.stdout.columns > 0 ? process.stdout.columns : outputWidth(process.env['COLUMNS']),
		...debugLogPath(),
	};
	if (output === 'once' || output === 'json-once') {
		const code = await runOnce(options);
		await drained();
		return code;
	}
	const follower = startFollow(options);
	return new Promise<number>(resolve => {
		const stop = (): void => {
			follower.stop();
			void drained().then(() => resolve(0));
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
}

async function exportBlog(command: Extract<Command, {kind: 'export'}>): Promise<number> {
	const {settings} = loadSettings(command.flags, configPath(process.env));
	const url = urlFor(command.input, settings);
	let input: ExportInput;
	if (command.offline) {
		const {loadBlogState} = await import('./store/state-file.js');
		const dir = stateDir(process.env, homedir());
		const stored = await loadBlogState(dir, url);
		if (stored.kind !== 'loaded') {
			err(stored.kind === 'corrupt' ? stored.message : `no stored copy of ${url} (open it once with \`liveblog ${command.input}\`, or export without --offline)`);
			return 1;
		}
		input = {blog: stored.state.blog, exportedAt: Date.now(), origin: {kind: 'stored', savedAt: stored.state.savedAt}};
	} else {
		const {createPoller, systemClock} = await loadNet();
		const {readOnce} = await import('./output/once.js');
		const result = await readOnce(await target(command.input, url, settings), createPoller, systemClock, debugLogPath().debugLogPath);
		if (result.kind === 'failed') {
			const {describeFailure} = await import('./errors.js');
			err(describeFailure(result.failure));
			return 1;
		}
		input = {blog: result.blog, exportedAt: Date.now(), origin: {kind: 'live'}};
	}
	const render =
		command.format === 'md'
			? (await import('./export/markdown.js')).exportMarkdown
			: command.format === 'html'
				? (await import('./export/html.js')).exportHtml
				: (await import('./export/json.js')).exportJson;
	process.stdout.write(render(input));
	await drained();
	return 0;
}

async function forget(input: string): Promise<number> {
	const {settings} = loadSettings(NO_FLAGS, configPath(process.env));
	const url = urlFor(input, settings);
	const {forgetBlogState} = await import('./store/state-file.js');
	const result = await forgetBlogState(stateDir(process.env, homedir()), url);
	switch (result.kind) {
		case 'forgotten':
			process.stdout.write(`forgot ${url} (removed ${result.path})\n`);
			return 0;
		case 'missing':
			process.stdout.write(`nothing stored for ${url}\n`);
			return 0;
		case 'failed':
			err(result.message);
			return 1;
	}
}


async function run(command: Command): Promise<number> {
	switch (command.kind) {
		case 'help':
			process.stdout.write(helpText);
			return 0;
		case 'version':
			process.stdout.write(`liveblog ${version()}\n`);
			return 0;
		case 'show-config': {
			const path = configPath(process.env);
			const {loaded, settings} = loadSettings(command.flags, path);
			process.stdout.write(describeSettings(path, loaded.status, settings, stateDirectory(settings)));
			return 0;
		}
		case 'forget':
			return forget(command.input);
		case 'export':
			return exportBlog(command);
		case 'read': {
			const {settings} = loadSettings(command.flags, configPath(process.env));
			const inputs = command.inputs.map(input => ({input, url: urlFor(input, settings)}));
			return read(inputs, command.output, settings, intervalOf(settings, null));
		}
		case 'demo': {
			const {settings} = loadSettings(command.flags, configPath(process.env));
			const [{startDemoServer}, {systemClock}] = await Promise.all([import('./demo/server.js'), import('./net/clock.js')]);
			const server = await startDemoServer({clock: systemClock});
			// The demo is served as the Guardian API (see demo/server.ts for why);
			// its blog is never stored, so every demo starts from the beginning.
			const demoSettings: Settings = {...settings, guardianApi: server.guardianApi, guardianKey: {value: 'demo', from: 'default'}, source: 'auto', state: 'off'};
			return read([{input: 'demo', url: server.guardianInput}], command.output, demoSettings, intervalOf(settings, DEMO_INTERVAL_SECONDS));
		}
	}
}

async function main(): Promise<void> {
	// `liveblog … | head` closes the pipe early: that is the reader being done, not an error.
	for (const stream of [process.stdout, process.stderr]) {
		stream.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'EPIPE') process.exit(0);
		});
	}
	process.on('uncaughtException', quietCrash);
	process.on('unhandledRejection', quietCrash);
	let code: number;
	try {
		const parsed = parseArgs(process.argv.slice(2));
		if (isUsageError(parsed)) usageFailure(parsed.message);
		code = await run(parsed);
	} catch (error) {
		if (error instanceof Exit) {
			code = error.code;
		} else {
			// Never a stack trace: one line, and LIVEBLOG_DEBUG for the details.
			err(`unexpected error: ${sanitizeLine(error instanceof Error ? error.message : String(error)).slice(0, 300)}`);
			code = 1;
		}
	}
	process.exit(code);
}

void main();
