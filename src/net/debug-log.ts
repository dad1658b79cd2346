/**
 * LIVEBLOG_DEBUG=<file>: one tab-separated line per request, appended. The
 * terminal belongs to the UI, so diagnostics go to a file; a log that cannot
 * be written is silently dropped rather than disturbing the reader.
 */
import {appendFile} from 'node:fs/promises';
import type {NextPoll} from './poll-events.js';

export type DebugLogEntry = {
	readonly at: number;
	readonly url: string;
	/** Conditional headers sent (If-None-Match, If-Modified-Since). */
	readonly sent: Readonly<Record<string, string>>;
	/** Final status, or null when no response arrived. */
	readonly status: number | null;
	readonly bytes: number;
	readonly durationMs: number;
	/** "modified", "not-modified", "same-hash" or a failure line. */
	readonly result: string;
	readonly next: NextPoll | null;
};

export type DebugLog = {
	readonly write: (entry: DebugLogEntry) => void;
	/** Resolves when the lines written so far are on disk (or failed). */
	readonly flush: () => Promise<void>;
};

/** The value is on one line and free of tabs, so each entry stays one parseable line. */
function field(value: string): string {
	return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

export function formatDebugLine(entry: DebugLogEntry): string {
	const sent = Object.entries(entry.sent)
		.map(([name, value]) => `${name}=${value}`)
		.join(' ');
	const next = entry.next ? `next ${Math.round(entry.next.delayMs)} ms (${entry.next.reason})` : 'next -';
	return [
		new Date(entry.at).toISOString(),
		field(entry.url),
		`sent ${field(sent) || '-'}`,
		`status ${entry.status ?? '-'}`,
		`${entry.bytes} B`,
		`${Math.round(entry.durationMs)} ms`,
		next,
		field(entry.result),
	].join('\t');
}

/** A logger writing to `path`, or one that does nothing when no path is set. */
export function createDebugLog(path: string | undefined): DebugLog {
	if (path === undefined || path === '') return {write: () => undefined, flush: () => Promise.resolve()};
	let chain: Promise<void> = Promise.resolve();
	return {
		write(entry) {
			const line = `${formatDebugLine(entry)}\n`;
			// Chained so lines keep their order; every failure is swallowed.
			chain = chain.then(() => appendFile(path, line)).catch(() => undefined);
		},
		flush: () => chain,
	};
}

export function debugLogPathFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
	const value = env['LIVEBLOG_DEBUG'];
	return value === undefined || value === '' ? undefined : value;
}
