/**
 * Reads stdin through Ink, decodes keys, mouse reports and pastes, and turns
 * them into actions. Active only when stdin is a TTY: `isRawModeSupported`
 * is undefined (not false) for pipes, and Ink would throw on raw mode.
 */
import {useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import type {Command} from '../../state/commands.js';
import {sidebarPlacement} from '../../state/geometry.js';
import {restoring, type State} from '../../state/state.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {createInputDecoder, type InputEvent} from '../input-decoder.js';
import {resolveKey, type Context, type Keymap} from '../keymap.js';
import type {AppStore} from './use-app-state.js';

export function contextOf(state: State): Context {
	if (state.help) return 'help';
	if (state.filter.kind === 'editing') return 'search';
	if (state.focus === 'sidebar' && sidebarPlacement(state).kind !== 'none') return 'sidebar';
	return 'entries';
}

/** Commands whose effect lies outside the state (network, browser, clipboard, exit). */
export type CommandEffects = (command: Command, state: State) => void;

export function handleInput(event: InputEvent, store: AppStore, keymap: Keymap, effects: CommandEffects, now: () => number): void {
	const at = now();
	const state = store.getState();
	switch (event.kind) {
		case 'wheel':
			store.dispatch({type: 'mouse-scrolled', lines: event.lines, x: event.x, y: event.y, at});
			return;
		case 'click':
			store.dispatch({type: 'mouse-clicked', x: event.x, y: event.y, at});
			return;
		case 'paste':
			if (state.filter.kind === 'editing') store.dispatch({type: 'search-typed', text: sanitizeLine(event.text, 200), at});
			return;
		case 'key': {
			const context = contextOf(state);
			const resolved = resolveKey(event.input, event.key, context, keymap);
			if (resolved) {
				store.dispatch({type: 'command', command: resolved.command, at, ...(resolved.arg === undefined ? {} : {arg: resolved.arg})});
				effects(resolved.command, store.getState());
				return;
			}
			if (context === 'search' && !event.key.ctrl && event.input !== '') {
				// sanitizeLine trims, which would eat a typed space.
				const text = event.input === ' ' ? ' ' : sanitizeLine(event.input);
				if (text !== '') store.dispatch({type: 'search-typed', text, at});
			}
		}
	}
}

export function useKeys(store: AppStore, keymap: Keymap, effects: CommandEffects, now: () => number): void {
	const {isRawModeSupported, setRawMode, internal_eventEmitter: emitter} = useStdin();
	const latest = useRef({keymap, effects, now});
	latest.current = {keymap, effects, now};
	const active = isRawModeSupported === true;
	useEffect(() => {
		if (!active) return;
		setRawMode(true);
		const decoder = createInputDecoder();
		// Keys typed while a stored copy is still being decoded (restoring) wait
		// for the whole blog, so that G, search and the rest act on all of it.
		const waiting: InputEvent[] = [];
		const handle = (event: InputEvent): void => handleInput(event, store, latest.current.keymap, latest.current.effects, latest.current.now);
		const flush = (): void => {
			while (waiting.length > 0 && !restoring(store.getState())) handle(waiting.shift()!);
		};
		const onInput = (chunk: string): void => {
			for (const event of decoder.push(chunk)) {
				if (waiting.length > 0 || restoring(store.getState())) waiting.push(event);
				else handle(event);
			}
		};
		const unsubscribe = store.subscribe(flush);
		emitter.on('input', onInput);
		return () => {
			unsubscribe();
			emitter.off('input', onInput);
			setRawMode(false);
		};
	}, [active, setRawMode, emitter, store]);
}
