/**
 * Starts the interactive screen. Ink and React are imported only here, after
 * the environment is set up: Ink 6 draws nothing while CI is set (is-in-ci
 * reads it at import), and React picks its production build by NODE_ENV at
 * import. Ink 6 has no alternate-screen option, so the terminal modes are
 * entered and restored here, on every way out.
 *
 * Only what draws is imported before the first frame; the network and the
 * parsers load after it (tab-pollers.ts), so a stored copy is on screen
 * before they are even read from disk.
 */
import {sanitizeLine} from '../text/sanitize.js';
import {onExit} from 'signal-exit';
import {usageLine} from '../args.js';
import {describeFailure, type Failure} from '../errors.js';
import type {FirstPolls} from '../net/first-poll.js';
import type {Validators} from '../net/poll-events.js';
import type {SourceOptions} from '../sources/index.js';
import type {StoredBlog} from '../store/state-file.js';
import {initialState, type StoredRest} from '../state/state.js';
import type {SafeText} from '../text/sanitize.js';
import type {PendingRestore, RestOutcome} from './hooks/use-restores.js';

/**
 * A tab whose `stored` copy holds only the entries of its first screen (see
 * store/state-file.ts loadBlogStateHead): `rest` reads the whole of it.
 */
export type StoredRestOfTab = StoredRest & {
	readonly rest: () => Promise<{readonly kind: 'loaded'; readonly state: StoredBlog} | {readonly kind: 'corrupt'; readonly message: SafeText}>;
};

export type TuiOptions = {
	/** `input` is the resolved URL: the tab's address and the key of its state file. */
	readonly tabs: readonly {readonly input: string; readonly stored: StoredBlog | null; readonly rest?: StoredRestOfTab}[];
	readonly sourceOptions: SourceOptions;
	/** The first polls running in a worker (net/first-poll.ts), for tabs without a stored copy. */
	readonly firstPolls: FirstPolls | null;
	readonly interval: {readonly kind: 'fixed'; readonly ms: number} | {readonly kind: 'adaptive'};
	readonly stateDir: string | null;
	readonly notify: {readonly bell: 'all' | 'key-events' | 'none'; readonly desktop: boolean};
	readonly theme: 'dark' | 'light' | 'auto';
	readonly debugLogPath?: string;
	readonly keyOverrides?: Record<string, string[]>;
	/** Said before the TUI started (a broken config line, a corrupt state file): shown until the first key. */
	readonly warnings?: readonly string[];
};

const ENTER = '\u001B[?1049h\u001B[?1000h\u001B[?1006h\u001B[?2004h';
const LEAVE = '\u001B[?2004l\u001B[?1006l\u001B[?1000l\u001B[?1049l\u001B[?25h';

async function importScreen() {
	const [{createElement}, {render}, {App}, {createTabPollers}, {createSaveTab}, theme, keymap, effects] = await Promise.all([
		import('react'),
		import('ink'),
		import('./app.js'),
		import('./tab-pollers.js'),
		import('./save-tab.js'),
		import('./theme.js'),
		import('./keymap.js'),
		import('./terminal-effects.js'),
	]);
	return {createElement, render, App, createTabPollers, createSaveTab, theme, keymap, effects};
}

type Screen = Awaited<ReturnType<typeof importScreen>>;

/**
 * Imports what draws and returns what starts the screen. cli.tsx calls it
 * first thing, so that React and Ink load while the stored copies are read
 * and the first-poll worker checks the addresses.
 */
export async function loadTui(): Promise<(options: TuiOptions) => Promise<number>> {
	if (process.stdin.isTTY && process.stdout.isTTY) {
		delete process.env['CI'];
		delete process.env['CONTINUOUS_INTEGRATION'];
	}
	process.env['NODE_ENV'] ??= 'production';
	const screen = await importScreen();
	return (options) => runTui(screen, options);
}

async function runTui(screen: Screen, options: TuiOptions): Promise<number> {
	const {createElement, render, App, createTabPollers, createSaveTab, theme, keymap, effects} = screen;
	const {stdin, stdout, stderr} = process;

	stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
	});

	let restored = false;
	const restore = (): void => {
		if (restored) return;
		restored = true;
		try {
			if (stdin.isTTY) stdin.setRawMode(false);
			stdout.write(LEAVE);
		} catch {
			// The terminal may already be gone (SIGHUP); nothing left to restore.
		}
	};
	onExit(() => restore(), {alwaysLast: true});
	process.on('uncaughtException', (error) => {
		restore();
		// The message may quote feed text: it is sanitised like any other line.
		stderr.write(`liveblog: internal error: ${sanitizeLine(error instanceof Error ? error.message : String(error))}\n`);
		process.exit(70);
	});

	const startedAt = Date.now();
	const validators: Readonly<Record<string, Validators>>[] = options.tabs.map((t) => t.stored?.validators ?? {});
	const fresh = initialState(
		options.tabs.map((t) => ({url: t.input, stored: t.stored, ...(t.rest === undefined ? {} : {rest: t.rest})})),
		{columns: stdout.columns || 80, rows: stdout.rows || 24},
	);
	const pollTabs = options.tabs.map((t) => ({url: t.input, restored: t.stored !== null}));
	const restores: PendingRestore[] = options.tabs.flatMap((t, tab) => {
		const rest = t.rest;
		if (rest === undefined) return [];
		const finish = async (): Promise<RestOutcome> => {
			const result = await rest.rest();
			if (result.kind === 'loaded') {
				// The whole file's, which the poller (started only now) sends back.
				validators[tab] = result.state.validators;
				return {kind: 'loaded', stored: result.state};
			}
			// The tab starts fresh, as it would have with this file damaged at start.
			validators[tab] = {};
			pollTabs[tab] = {url: t.input, restored: false};
			return {kind: 'corrupt', message: result.message};
		};
		return [{tab, finish}];
	});
	const warnings = options.warnings ?? [];
	const initial = warnings.length === 0 ? fresh : {...fresh, notice: sanitizeLine(warnings.join(' · '))};

	// Set when an address turns out to be one no source accepts: the screen closes and says why, as a usage error.
	let invalid: Failure | null = null;
	const pollers = createTabPollers({
		tabs: pollTabs,
		sourceOptions: options.sourceOptions,
		interval: options.interval,
		firstPolls: options.firstPolls,
		validators,
		onInvalid: (failure) => {
			invalid ??= failure;
			instance.unmount();
		},
		...(options.debugLogPath === undefined ? {} : {debugLogPath: options.debugLogPath}),
	});

	const save =
		options.stateDir === null
			? null
			: createSaveTab({
					stateDir: options.stateDir,
					inputs: options.tabs.map((t) => t.input),
					startedAt,
					validators: (tab) => validators[tab] ?? {},
				});

	stdout.write(ENTER);
	let latest = initial;
	const instance = render(
		createElement(App, {
			initial,
			theme: theme.makeTheme(theme.resolveThemeName(options.theme), theme.colorEnabled(), theme.colorEnabled()),
			keymap: keymap.buildKeymap(options.keyOverrides),
			pollers,
			...(save === null ? {} : {save}),
			effects: effects.createTerminalEffects((data) => stdout.write(data), effects.detectEnv()),
			notify: options.notify,
			restores,
			onStateChange: (state: typeof initial) => {
				latest = state;
			},
		}),
		{exitOnCtrlC: false, patchConsole: false},
	);
	try {
		await instance.waitUntilExit();
	} finally {
		// What the reader saw in the last seconds is written before leaving.
		await Promise.race([
			Promise.all(latest.tabs.map((tab, i) => (save === null ? null : save(tab, i, Date.now()).catch(() => null)))),
			new Promise((resolve) => setTimeout(resolve, 1500).unref()),
		]);
		restore();
	}
	if (invalid !== null) {
		stderr.write(`liveblog: ${describeFailure(invalid)}\n${usageLine}\n`);
		return 2;
	}
	return 0;
}
