/**
 * One poller per tab, started once and stopped on unmount. The app reaches
 * the network only through the factory it is given (run-tui wires
 * net/poller.ts; tests pass scripted ones).
 */
import {useEffect, useRef} from 'react';
import type {Blog} from '../../model/blog.js';
import type {PollEvent} from '../../net/poll-events.js';
import type {AppStore} from './use-app-state.js';

export type PollerHandle = {
	start(): void;
	refresh(): 'started' | 'too-soon' | 'paused';
	togglePause(): boolean;
	stop(): void;
};

export type PollerFactory = (tab: number, onEvent: (event: PollEvent) => void, getBlog: () => Blog | null) => PollerHandle;

export function usePollers(store: AppStore, count: number, factory: PollerFactory | undefined): React.RefObject<PollerHandle[]> {
	const pollers = useRef<PollerHandle[]>([]);
	useEffect(() => {
		if (!factory) return;
		const started: PollerHandle[] = [];
		for (let tab = 0; tab < count; tab++) {
			const poller = factory(
				tab,
				(event) => store.dispatch({...event, tab}),
				() => store.getState().tabs[tab]?.blog ?? null,
			);
			started.push(poller);
		}
		pollers.current = started;
		for (const poller of started) poller.start();
		return () => {
			for (const poller of started) poller.stop();
			pollers.current = [];
		};
	}, [store, count, factory]);
	return pollers;
}
