/** An App wired to scripted pollers and recorded effects, rendered at a given size. */
import type {Entry, ParsedBlog} from '../../src/model/blog.js';
import type {PollEvent} from '../../src/net/poll-events.js';
import {reduce} from '../../src/state/reducer.js';
import {initialState, type State, type StoredSnapshot} from '../../src/state/state.js';
import {Profiler} from 'react';
import {App, type AppProps} from '../../src/ui/app.js';
import type {PollerFactory, PollerHandle} from '../../src/ui/hooks/use-pollers.js';
import type {TerminalEffects} from '../../src/ui/terminal-effects.js';
import {makeTheme} from '../../src/ui/theme.js';
import {parsed, T0} from './blog-factory.js';
import {render, tick, type Rendered} from './render.js';

export type Harness = Rendered & {
	emit(tab: number, event: PollEvent): Promise<void>;
	succeed(tab: number, list: Entry[], at: number): Promise<void>;
	calls: {refresh: number; pause: number; opened: (string | null)[]; quit: number; created: number[]; stopped: number[]};
	effects: string[];
	/** Moves the clock the App reads (its `now` prop stays fixed unless `ticking`). */
	setClock(ms: number): void;
};

export const NEXT = {at: T0 + 30_000, delayMs: 30_000, reason: 'fixed'} as const;

export function succeeded(list: Entry[], at: number, extra: Partial<ParsedBlog> = {}): PollEvent {
	return {type: 'poll-succeeded', at, blog: parsed(list, extra), sourceUrl: 'https://example.org/feed', via: null, validators: {}, next: NEXT};
}

export type HarnessOptions = {
	columns?: number;
	rows?: number;
	tabs?: number;
	stored?: (StoredSnapshot | null)[];
	/** Entries of the first successful poll of tab 0, applied before the first frame. */
	initial?: Entry[];
	/** Blog-level fields of that first poll (format, newerBlog, …). */
	initialBlog?: Partial<ParsedBlog>;
	/** No fixed `now` prop: the screen's clock ticks through the App's timers. */
	ticking?: boolean;
	/** Extra per-tab poller abilities (following a series, loading older posts). */
	handle?: (tab: number) => Partial<Pick<PollerHandle, 'followNewer' | 'loadOlder'>>;
	now?: number;
	color?: boolean;
	props?: Partial<AppProps>;
	refreshResult?: 'started' | 'too-soon' | 'paused';
	/** Told of every React commit of the App (a Profiler around it), to count renders rather than frames. */
	onCommit?: () => void;
};

export function renderApp(options: HarnessOptions = {}): Harness {
	const columns = options.columns ?? 100;
	const rows = options.rows ?? 30;
	const tabCount = options.tabs ?? 1;
	let state: State = initialState(
		Array.from({length: tabCount}, (_, i) => ({url: `https://example.org/feed${i}`, stored: options.stored?.[i] ?? null})),
		{columns, rows},
	);
	if (options.initial) state = reduce(state, {...succeeded(options.initial, T0, options.initialBlog), tab: 0});
	const emitters: ((e: PollEvent) => void)[] = [];
	const calls = {refresh: 0, pause: 0, opened: [] as (string | null)[], quit: 0, created: [] as number[], stopped: [] as number[]};
	let paused = false;
	const pollers: PollerFactory = (tab, onEvent) => {
		emitters[tab] = onEvent;
		calls.created.push(tab);
		return {
			...options.handle?.(tab),
			start: () => undefined,
			refresh: () => {
				calls.refresh++;
				return options.refreshResult ?? 'started';
			},
			togglePause: () => {
				calls.pause++;
				paused = !paused;
				return paused;
			},
			stop: () => {
				calls.stopped.push(tab);
			},
		};
	};
	const effects: string[] = [];
	const recorder: TerminalEffects = {
		bell: () => effects.push('bell'),
		title: (t) => effects.push(`title:${t}`),
		copy: (t) => effects.push(`copy:${t}`),
		notify: (t, b) => effects.push(`notify:${t}|${b}`),
	};
	let now = options.now ?? T0 + 60 * 60_000;
	const app = (
		<App
			initial={state}
			theme={makeTheme('dark', options.color ?? true, false)}
			size={{columns, rows}}
			{...(options.ticking ? {} : {now})}
			clock={{now: () => now}}
			pollers={pollers}
			effects={recorder}
			notify={{bell: 'all', desktop: true}}
			openLink={(url) => {
				calls.opened.push(url);
				return url;
			}}
			onQuit={() => calls.quit++}
			{...options.props}
		/>
	);
	const onCommit = options.onCommit;
	const rendered = render(
		onCommit === undefined ? (
			app
		) : (
			<Profiler id="app" onRender={() => onCommit()}>
				{app}
			</Profiler>
		),
		{columns, rows},
	);
	return {
		...rendered,
		calls,
		effects,
		setClock(ms) {
			now = ms;
		},
		async emit(tab, event) {
			emitters[tab]?.(event);
			await tick();
			await tick();
		},
		async succeed(tab, list, at) {
			emitters[tab]?.(succeeded(list, at));
			await tick();
			await tick();
		},
	};
}
