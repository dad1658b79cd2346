/**
 * Writes a tab's stored copy (the blog, its validators, what the reader has
 * seen). A failure comes back as a one-line message for the status line: a
 * full disk or a read-only state directory never stops the reading.
 */
import {seenForSave} from '../model/unseen.js';
import type {Validators} from '../net/poll-events.js';
import {saveBlogState, STATE_VERSION} from '../store/state-file.js';
import type {TabState} from '../state/state.js';
import type {SafeText} from '../text/sanitize.js';
import type {SaveTab} from './hooks/use-screen-effects.js';

export type SaveOptions = {
	readonly stateDir: string;
	/** The address each tab was opened with: the key of its file. */
	readonly inputs: readonly string[];
	/** When this run started, kept as "last opened". */
	readonly startedAt: number;
	/** The validators each tab's poller last reported. */
	readonly validators: (tab: number) => Readonly<Record<string, Validators>>;
};

export function createSaveTab(options: SaveOptions): SaveTab {
	return async (tab: TabState, index: number, at: number): Promise<SafeText | null> => {
		const input = options.inputs[index];
		// A preview is a part of the blog: storing it would have the next run count the rest as new.
		// A restored head is only the first screen of the stored copy: the file holds more.
		if (tab.blog === null || tab.extent.kind !== 'whole' || input === undefined) return null;
		const unseen = new Set([...tab.marks].filter(([, mark]) => mark.kind === 'new').map(([id]) => id));
		const result = await saveBlogState(options.stateDir, {
			version: STATE_VERSION,
			url: input,
			savedAt: at,
			lastOpened: options.startedAt,
			blog: tab.blog,
			validators: options.validators(index),
			seen: seenForSave(tab.blog, unseen),
		});
		return result.kind === 'failed' ? result.message : null;
	};
}
