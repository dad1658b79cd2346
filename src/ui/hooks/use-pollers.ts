/**
 * One poller per tab, started once and stopped on unmount. The app reaches
 * the network only through the factory it is given (run-tui wires
 * net/poller.ts and the tab's source; tests pass scripted ones), and through
 * the per-tab handles this hook keeps: refresh, pause, following a series'
 * newer blog, loading older posts.
 */
import {useEffect, useRef} from 'react';
import type {Failure} from '../../errors.js';
import type {Blog, ParsedBlog} from '../../model/blog.js';
import type {PollEvent} from '../../net/poll-events.js';
import type {AppStore} from './use-app-state.js';

export type OlderOutcome = {readonly kind: 'loaded'; readonly blog: ParsedBlog} | {readonly kind: 'failed'; readonly failure: Failure};

export type PollerHandle = {
	start(): void;
	refresh(): 'started' | 'too-soon' | 'paused';
	togglePause(): boolean;
	stop(): void;
	/**
	 * Moves the tab's source on to the newer blog of its series (it must not
	 * poll any more itself: the hook stops it and starts a fresh handle).
	 * False when the source offers none. Absent for sources without series.
	 */
	followNewer?(): boolean;
	/** Starts loading the posts older than the blog's oldest; null when there is nothing to ask. */
	loadOlder?(blog: Blog, signal: AbortSignal): Promise<OlderOutcome> | null;
};

export type PollerFactory = (tab: number, onEvent: (event: PollEvent) => void, getBlog: () => Blog | null) => PollerHandle;

export type Pollers = {
	get(tab: number): PollerHandle | undefined;
	/**
	 * Follows the newer blog of a series in one tab: the source moves on, the
	 * old poller stops, `reset` runs (the tab's state starts over) and a fresh
	 * poller starts on the new blog. False when there is no newer blog.
	 */
	followNewer(tab: number, reset: () => void): boolean;
};

/**
 * `ready` is false while a tab still shows only the first screen of its
 * stored copy: a poll merged into that would find most stored posts "new".
 */
export function usePollers(store: AppStore, count: number, factory: PollerFactory | undefined, ready = true): Pollers {
	const handles = useRef<(PollerHandle | undefined)[]>([]);
	const make = useRef<((tab: number) => PollerHandle) | null>(null);
	useEffect(() => {
		if (!factory || !ready) return;
		const create = (tab: number): PollerHandle =>
			factory(
				tab,
				(event) => store.dispatch({...event, tab}),
				() => store.getState().tabs[tab]?.blog ?? null,
			);
		make.current = create;
		handles.current = Array.from({length: count}, (_, tab) => create(tab));
		for (const handle of handles.current) handle?.start();
		return () => {
			for (const handle of handles.current) handle?.stop();
			handles.current = [];
			make.current = null;
		};
	}, [store, count, factory, ready]);

	const api = useRef<Pollers | null>(null);
	api.current ??= {
		get: (tab) => handles.current[tab],
		followNewer(tab, reset) {
			const old = handles.current[tab];
			const create = make.current;
			if (!old?.followNewer || create === null || !old.followNewer()) return false;
			old.stop();
			reset();
			const fresh = create(tab);
			handles.current[tab] = fresh;
			fresh.start();
			return true;
		},
	};
	return api.current;
}
