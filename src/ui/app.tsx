/**
 * The container: the state store, one poller per tab, the keys, the terminal
 * size, the minute clock and the effects. Everything it draws comes from the
 * pure Screen.
 */
import {useApp} from 'ink';
import {useCallback, useEffect, type ReactNode} from 'react';
import type {Command} from '../state/commands.js';
import {headerModel, paneModel, selectedEntry} from '../state/selectors.js';
import {activeTab, restoring, type State} from '../state/state.js';
import {ownText} from '../text/sanitize.js';
import {useAppStore} from './hooks/use-app-state.js';
import {useKeys} from './hooks/use-keys.js';
import {useNow, type NowClock} from './hooks/use-now.js';
import {useOlderPosts} from './hooks/use-older-posts.js';
import {useSearchCompletion} from './hooks/use-search-completion.js';
import {useSearchWarmup} from './hooks/use-search-warmup.js';
import {usePollers, type PollerFactory} from './hooks/use-pollers.js';
import {useRestores, type PendingRestore} from './hooks/use-restores.js';
import {useArrivals, useSettleTimer, useStoreWrites, useTitle, type NotifySettings, type SaveTab} from './hooks/use-screen-effects.js';
import {useTerminalSize, type Size} from './hooks/use-terminal-size.js';
import {systemTimers, type Timers} from './hooks/timers.js';
import {keyTable, type Keymap} from './keymap.js';
import {openLink as defaultOpenLink} from './open-link.js';
import {Screen} from './screen.js';
import type {TerminalEffects} from './terminal-effects.js';
import type {Theme} from './theme.js';

export type AppProps = {
	readonly initial: State;
	readonly theme: Theme;
	readonly keymap?: Keymap;
	/** A fixed size (tests); otherwise the terminal's, following resizes. */
	readonly size?: Size;
	readonly clock?: NowClock;
	/** The ticker, settle and store-debounce timers (tests fire them by hand). */
	readonly timers?: Timers;
	/** A fixed "now" for the screen (tests); otherwise a minute-aligned ticker. */
	readonly now?: number;
	readonly pollers?: PollerFactory;
	readonly save?: SaveTab;
	readonly effects?: TerminalEffects;
	readonly notify?: NotifySettings;
	readonly openLink?: (url: string | null) => string | null;
	readonly onQuit?: () => void;
	/** Tabs drawn from the first screen of their stored copy, and how to read the rest. */
	readonly restores?: readonly PendingRestore[];
	/** Told of every new state (run-tui keeps the last one for the final save). */
	readonly onStateChange?: (state: State) => void;
};

const systemNow: NowClock = {now: () => Date.now()};
const quiet: NotifySettings = {bell: 'none', desktop: false};

export function App(props: AppProps): ReactNode {
	const {theme, keymap = keyTable, clock = systemNow, notify = quiet, effects, timers = systemTimers} = props;
	const [state, store] = useAppStore(props.initial);
	const size = useTerminalSize(props.size);
	// Only the header and the pane show times; compare them at both instants, for the visible rows alone.
	const shownAt = useCallback((at: number): string => {
		const current = store.getState();
		return JSON.stringify([headerModel(current, at), paneModel(current, at).rows]);
	}, [store]);
	const timeChanges = useCallback((from: number, to: number) => shownAt(from) !== shownAt(to), [shownAt]);
	const now = useNow(clock, props.now, timers, timeChanges);
	const {exit} = useApp();
	const clockNow = useCallback(() => clock.now(), [clock]);
	useRestores(store, props.restores, clockNow);
	const pollers = usePollers(store, state.tabs.length, props.pollers, !restoring(state));
	const olderLoads = useOlderPosts(state, store, pollers, clockNow);

	useEffect(() => {
		store.dispatch({type: 'resized', columns: size.columns, rows: size.rows, at: clock.now()});
	}, [size.columns, size.rows, store, clock]);

	const onCommand = useCallback(
		(command: Command, current: State): void => {
			const at = clock.now();
			const tab = current.active;
			const poller = pollers.get(tab);
			const say = (text: string): void => store.dispatch({type: 'notice-shown', text: ownText(text), at});
			switch (command) {
				case 'quit':
					(props.onQuit ?? exit)();
					return;
				case 'refresh': {
					const result = poller?.refresh();
					if (result === 'too-soon') say('refreshed less than 5 s ago; try again in a moment');
					else if (result === 'paused') say('polling is paused; press p to resume');
					return;
				}
				case 'toggle-pause':
					if (poller) store.dispatch({type: 'poll-paused', tab, paused: poller.togglePause(), at});
					return;
				case 'follow-newer': {
					const newer = current.tabs[tab]?.blog?.newerBlog;
					if (newer === undefined) {
						say('no newer live blog has started in this series');
						return;
					}
					olderLoads.abort(tab);
					const followed = pollers.followNewer(tab, () => store.dispatch({type: 'blog-followed', tab, title: newer.title, at}));
					if (!followed) say('cannot follow the newer live blog from here');
					return;
				}
				case 'open-link': {
					const entry = selectedEntry(current);
					const opened = (props.openLink ?? defaultOpenLink)(entry?.url ?? null);
					say(opened === null ? 'this post has no web link' : `opening ${opened}`);
					return;
				}
				case 'copy-link': {
					const url = selectedEntry(current)?.url ?? null;
					if (url === null || effects === undefined) {
						say(url === null ? 'this post has no web link' : 'cannot copy here');
						return;
					}
					effects.copy(url);
					say(`copied ${url}`);
					return;
				}
				default:
			}
		},
		[clock, pollers, olderLoads, store, props.onQuit, props.openLink, exit, effects],
	);

	useKeys(store, keymap, onCommand, clockNow);
	const {onStateChange} = props;
	useEffect(() => {
		onStateChange?.(state);
	}, [state, onStateChange]);
	useSettleTimer(state, store, clockNow, timers);
	useTitle(state, effects);
	useArrivals(state, effects, notify);
	useStoreWrites(state, store, props.save, clockNow, timers);
	useSearchWarmup(activeTab(state).blog?.entries);
	useSearchCompletion(state);

	return <Screen state={state} now={now} theme={theme} keymap={keymap} />;
}
