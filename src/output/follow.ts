/**
 * --once, --json and follow mode: the blog as text or NDJSON on stdout, then
 * (unless once) every new, updated or removed entry as polls find them. Poll
 * errors are one line on stderr; follow mode keeps going, once exits 1.
 */
import {describeFailure} from '../errors.js';
import type {Blog, Entry, EntryId} from '../model/blog.js';
import {mergePoll} from '../model/merge.js';
import type {Clock} from '../net/clock.js';
import {blogLine, entryLines, type EntryEvent} from './ndjson.js';
import {readOnce, type IntervalPolicy, type PollerFactory, type ReadTarget, type Writer} from './once.js';
import {formatBlog, formatBlogHeader, formatEntries} from './plain.js';

export type OutputFormat = 'plain' | 'ndjson';

export type ReaderOptions = {
	readonly targets: readonly ReadTarget[];
	readonly format: OutputFormat;
	readonly interval: IntervalPolicy;
	readonly clock: Clock;
	readonly createPoller: PollerFactory;
	readonly out: Writer;
	readonly err: Writer;
	/** Columns for plain text. */
	readonly width: number;
	readonly debugLogPath?: string;
};

function errorLine(target: ReadTarget, message: string, several: boolean): string {
	return `liveblog: ${several ? `${target.input}: ` : ''}${message}\n`;
}

/** Prints each blog once; resolves to the exit code (1 when any read failed). */
export async function runOnce(options: ReaderOptions): Promise<number> {
	let code = 0;
	const several = options.targets.length > 1;
	for (const target of options.targets) {
		const result = await readOnce(target, options.createPoller, options.clock, options.debugLogPath);
		if (result.kind === 'failed') {
			options.err.write(errorLine(target, describeFailure(result.failure), several));
			code = 1;
			continue;
		}
		if (options.format === 'ndjson') {
			options.out.write(blogLine(result.blog) + entryLines(result.blog.entries, 'initial'));
		} else {
			options.out.write(formatBlog(result.blog, options.width));
		}
	}
	return code;
}

function pick(blog: Blog, ids: readonly EntryId[]): Entry[] {
	const wanted = new Set(ids);
	return blog.entries.filter(entry => wanted.has(entry.id));
}

export type Follower = {stop(): void};

/**
 * Follows every target until stopped. Output from several blogs is
 * interleaved as it arrives; a blog line (NDJSON) or a header line (plain)
 * says which blog the following entries belong to whenever it changes.
 */
export function startFollow(options: ReaderOptions): Follower {
	const several = options.targets.length > 1;
	let lastPrinted: ReadTarget | null = null;
	const pollers = options.targets.map(target => {
		let blog: Blog | null = null;
		const print = (next: Blog, batches: ReadonlyArray<readonly [Entry[], EntryEvent]>, first: boolean): void => {
			const nonEmpty = batches.filter(([entries]) => entries.length > 0);
			if (!first && nonEmpty.length === 0) return;
			let text = '';
			if (options.format === 'ndjson') {
				if (first || lastPrinted !== target) text += blogLine(next);
				for (const [entries, event] of nonEmpty) text += entryLines(entries, event);
			} else {
				if (first) text += formatBlogHeader(next, options.width) + '\n';
				else if (several && lastPrinted !== target) text += `--- ${next.title}\n\n`;
				for (const [entries, event] of nonEmpty) text += formatEntries(entries, options.width, event);
			}
			lastPrinted = target;
			options.out.write(text);
		};
		const poller = options.createPoller({
			source: target.source,
			clock: options.clock,
			interval: options.interval,
			restored: false,
			getBlog: () => blog,
			...(options.debugLogPath === undefined ? {} : {debugLogPath: options.debugLogPath}),
			onEvent: event => {
				if (event.type === 'poll-failed') {
					const wait = Math.max(1, Math.round(event.next.delayMs / 1000));
					options.err.write(errorLine(target, `${describeFailure(event.failure)}; trying again in ${wait} s`, several));
					return;
				}
				if (event.type !== 'poll-succeeded') return;
				const previous = blog;
				const merged = mergePoll(previous, event.blog, target.url, event.at);
				blog = merged.blog;
				if (previous === null) {
					print(merged.blog, [[[...merged.blog.entries], 'initial']], true);
					return;
				}
				print(merged.blog, [
					[pick(previous, merged.removed), 'removed'],
					[pick(merged.blog, merged.updated), 'updated'],
					[pick(merged.blog, merged.added), 'new'],
				], false);
			},
		});
		return poller;
	});
	for (const poller of pollers) poller.start();
	return {
		stop: () => {
			for (const poller of pollers) poller.stop();
		},
	};
}
