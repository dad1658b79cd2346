/**
 * The app's modules as the bench uses them, loaded from dist/ at run time so
 * that a piece that has not landed yet makes its rows skip instead of
 * breaking the build. Types come from the sources (type-only imports).
 */
import type {mergePoll} from '../../src/model/merge.js';
import type {createPoller} from '../../src/net/poller.js';
import type {createPollSource, parseDocument} from '../../src/sources/index.js';
import type {reduce} from '../../src/state/reducer.js';
import type {initialState} from '../../src/state/state.js';
import {importDist} from '../lib/paths.js';

export type Modules = {
	readonly parseDocument: typeof parseDocument;
	readonly createPollSource: typeof createPollSource;
	readonly mergePoll: typeof mergePoll;
	readonly reduce: typeof reduce;
	readonly initialState: typeof initialState;
	readonly createPoller: typeof createPoller;
};

type Missing = {readonly missing: string};

export async function loadModules(): Promise<Modules | Missing> {
	const [sources, merge, reducer, state, poller] = await Promise.all([
		importDist<typeof import('../../src/sources/index.js')>('sources/index.js'),
		importDist<typeof import('../../src/model/merge.js')>('model/merge.js'),
		importDist<typeof import('../../src/state/reducer.js')>('state/reducer.js'),
		importDist<typeof import('../../src/state/state.js')>('state/state.js'),
		importDist<typeof import('../../src/net/poller.js')>('net/poller.js'),
	]);
	if (sources === null) return {missing: 'dist/sources/index.js'};
	if (merge === null) return {missing: 'dist/model/merge.js'};
	if (reducer === null) return {missing: 'dist/state/reducer.js'};
	if (state === null) return {missing: 'dist/state/state.js'};
	if (poller === null) return {missing: 'dist/net/poller.js'};
	return {
		parseDocument: sources.parseDocument,
		createPollSource: sources.createPollSource,
		mergePoll: merge.mergePoll,
		reduce: reducer.reduce,
		initialState: state.initialState,
		createPoller: poller.createPoller,
	};
}

export function isMissing(value: Modules | Missing): value is Missing {
	return 'missing' in value;
}
