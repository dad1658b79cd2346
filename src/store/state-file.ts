/**
 * One blog's saved state: the last good copy, validators, which entries the
 * reader has seen, when it was last opened. Loading never throws and never
 * blocks a start: a missing file is a fresh start, a bad one is moved aside
 * (`<name>.corrupt-<time>`) with a warning, and the program goes on.
 */
import {mkdir, open, rename, unlink} from 'node:fs/promises';
import {basename} from 'node:path';
import {sanitizeLine, type SafeText} from '../text/sanitize.js';
import {
	MAX_STATE_BYTES,
	classifyWriteError,
	errorCode,
	sweepStaleTemps,
	writeFileAtomic,
	type AtomicFs,
	type WriteFailureReason,
	type WriteResult,
} from './atomic-write.js';
import {stateFilePath} from './paths.js';
import {headSpan, PREFIX_BYTES, serialiseState} from './state-head.js';
import type {EntryId} from '../model/blog.js';
import {decodeStoredBlog, StateShapeError, type StoredBlog} from './state-decode.js';
import {decodeHeadSection, decodeStoredHead, type StoredHead} from './state-head-decode.js';

export {STATE_VERSION, type StoredBlog} from './state-decode.js';

export type LoadResult =
	| {readonly kind: 'missing'}
	| {readonly kind: 'loaded'; readonly state: StoredBlog}
	/**
	 * Start fresh and show `message`. `movedTo` is where the bad file now is,
	 * or null when it could not be read or moved (it is then left in place).
	 */
	| {readonly kind: 'corrupt'; readonly movedTo: string | null; readonly message: SafeText};

export type ForgetResult =
	| {readonly kind: 'forgotten'; readonly path: string}
	| {readonly kind: 'missing'; readonly path: string}
	| {readonly kind: 'failed'; readonly reason: WriteFailureReason; readonly message: SafeText};

export type StoreOptions = {
	/** Epoch ms, for the name a corrupt file is moved to; defaults to the wall clock. */
	readonly now?: number;
	readonly maxBytes?: number;
	readonly fs?: AtomicFs;
};

/** Temporary files younger than this may belong to a writer still running. */
const STALE_TEMP_MS = 10 * 60_000;

export async function loadBlogState(dir: string, url: string, options: StoreOptions = {}): Promise<LoadResult> {
	const read = await readParsed(dir, url, options);
	return read.kind === 'parsed' ? decodeOrMoveAside(read.path, read.now, () => decodeStoredBlog(read.value, url)) : read;
}

/**
 * What a start reads before its first frame: like loadBlogState, except that
 * a file this program wrote comes back as its first `want` entries and key
 * events (see decodeStoredHead), with `rest` to decode the whole of it after
 * the frame is drawn. A rest that turns out damaged is moved aside then, as
 * loadBlogState would have done at once.
 */
export type HeadResult =
	| LoadResult
	| {
			readonly kind: 'head';
			readonly state: StoredBlog;
			readonly unseen: readonly EntryId[];
			readonly keyEvents: number;
			readonly rest: () => Promise<Exclude<LoadResult, {kind: 'missing'}>>;
	  };

export async function loadBlogStateHead(dir: string, url: string, want: number, options: StoreOptions = {}): Promise<HeadResult> {
	const fromHead = await readHeadSection(dir, url, want, options);
	if (fromHead !== null) return fromHead;
	const read = await readParsed(dir, url, options);
	if (read.kind !== 'parsed') return read;
	let head: StoredHead | null;
	try {
		head = decodeStoredHead(read.value, url, want);
	} catch (error) {
		return moveAside(read.path, read.now, shapeProblem(error));
	}
	if (head === null) return decodeOrMoveAside(read.path, read.now, () => decodeStoredBlog(read.value, url));
	const {state, unseen, keyEvents, rest} = head;
	return {kind: 'head', state, unseen, keyEvents, rest: async () => decodeOrMoveAside(read.path, options.now ?? Date.now(), rest)};
}

/**
 * The head section alone (state-head.ts): a few hundred kilobytes read and
 * parsed instead of the whole file. Null whenever it cannot serve (no head,
 * too small a head, anything odd about it): the whole file is read then.
 */
async function readHeadSection(dir: string, url: string, want: number, options: StoreOptions): Promise<HeadResult | null> {
	const path = stateFilePath(dir, url);
	let value: unknown;
	try {
		const handle = await open(path, 'r');
		try {
			const {size} = await handle.stat();
			if (size > (options.maxBytes ?? MAX_STATE_BYTES)) return null;
			const start = Buffer.alloc(Math.min(PREFIX_BYTES, size));
			await handle.read(start, 0, start.length, 0);
			const span = headSpan(start.toString('latin1'));
			if (span === null || span.offset + span.bytes > size) return null;
			const bytes = Buffer.alloc(span.bytes);
			const {bytesRead} = await handle.read(bytes, 0, span.bytes, span.offset);
			if (bytesRead !== span.bytes) return null;
			value = JSON.parse(bytes.toString('utf8'));
		} finally {
			await handle.close().catch(() => undefined);
		}
	} catch {
		return null;
	}
	let head: Omit<StoredHead, 'rest'> | null;
	try {
		head = decodeHeadSection(value, url, want);
	} catch {
		return null;
	}
	if (head === null) return null;
	const rest = async (): Promise<Exclude<LoadResult, {kind: 'missing'}>> => {
		const read = await readParsed(dir, url, options);
		if (read.kind === 'missing') return {kind: 'corrupt', movedTo: null, message: sanitizeLine(`the saved copy ${basename(path)} went away while it was read; starting fresh`)};
		return read.kind === 'parsed' ? decodeOrMoveAside(read.path, read.now, () => decodeStoredBlog(read.value, url)) : read;
	};
	return {kind: 'head', ...head, rest};
}

type Read = Exclude<LoadResult, {kind: 'loaded'}> | {readonly kind: 'parsed'; readonly value: unknown; readonly path: string; readonly now: number};

async function readParsed(dir: string, url: string, options: StoreOptions): Promise<Read> {
	const path = stateFilePath(dir, url);
	const now = options.now ?? Date.now();
	const maxBytes = options.maxBytes ?? MAX_STATE_BYTES;
	await sweepStaleTemps(path, STALE_TEMP_MS, now);

	let text: string;
	try {
		const handle = await open(path, 'r');
		try {
			const {size} = await handle.stat();
			if (size > maxBytes) return await moveAside(path, now, `it is ${Math.round(size / 1024 / 1024)} MB, over the limit`);
			text = await handle.readFile('utf8');
		} finally {
			await handle.close().catch(() => undefined);
		}
	} catch (error) {
		const code = errorCode(error);
		// ENOTDIR: the state directory's path runs through a file, so nothing was
		// ever saved there; saving will say what is wrong.
		if (code === 'ENOENT' || code === 'ENOTDIR') return {kind: 'missing'};
		if (code === 'EISDIR') return moveAside(path, now, 'it is a directory');
		return {kind: 'corrupt', movedTo: null, message: sanitizeLine(`could not read the saved copy ${basename(path)} (${code ?? 'error'}); starting fresh`)};
	}

	try {
		return {kind: 'parsed', value: JSON.parse(text), path, now};
	} catch {
		return moveAside(path, now, 'it is not valid JSON');
	}
}

function shapeProblem(error: unknown): string {
	return error instanceof StateShapeError ? error.message : 'it could not be read';
}

async function decodeOrMoveAside(path: string, now: number, decode: () => StoredBlog): Promise<Exclude<LoadResult, {kind: 'missing'}>> {
	try {
		return {kind: 'loaded', state: decode()};
	} catch (error) {
		return moveAside(path, now, shapeProblem(error));
	}
}

async function moveAside(path: string, now: number, why: string): Promise<Extract<LoadResult, {kind: 'corrupt'}>> {
	const movedTo = `${path}.corrupt-${fileStamp(now)}`;
	try {
		await rename(path, movedTo);
	} catch {
		return {kind: 'corrupt', movedTo: null, message: sanitizeLine(`the saved copy ${basename(path)} is damaged (${why}) and could not be moved aside; starting fresh`)};
	}
	return {kind: 'corrupt', movedTo, message: sanitizeLine(`the saved copy was damaged (${why}); moved to ${basename(movedTo)}; starting fresh`)};
}

function fileStamp(now: number): string {
	const date = new Date(now);
	const iso = Number.isNaN(date.getTime()) ? String(Math.trunc(now)) : date.toISOString();
	return iso.replace(/[:.]/g, '-');
}

export async function saveBlogState(dir: string, state: StoredBlog, options: StoreOptions = {}): Promise<WriteResult> {
	try {
		await mkdir(dir, {recursive: true, mode: 0o700});
	} catch (error) {
		const code = errorCode(error);
		return {
			kind: 'failed',
			reason: classifyWriteError(code),
			message: sanitizeLine(`could not create the state directory ${dir} (${code ?? 'error'})`),
		};
	}
	// `seen` only ever names entries that are kept, so it is bounded with them.
	const kept = new Set(state.blog.entries.map((entry) => entry.id));
	const seen = state.seen.filter((id) => kept.has(id));
	let json: string;
	try {
		json = serialiseState(state, seen);
	} catch (error) {
		// A RangeError for a string past V8's limit: say so rather than crash.
		return {kind: 'failed', reason: 'too-large', message: sanitizeLine(`could not serialise the state (${error instanceof Error ? error.name : 'error'})`)};
	}
	return writeFileAtomic(stateFilePath(dir, state.url), json, {
		...(options.maxBytes === undefined ? {} : {maxBytes: options.maxBytes}),
		...(options.fs === undefined ? {} : {fs: options.fs}),
	});
}

/** `liveblog --forget <url>`. Corrupt copies moved aside earlier are left for the reader to inspect. */
export async function forgetBlogState(dir: string, url: string): Promise<ForgetResult> {
	const path = stateFilePath(dir, url);
	try {
		await unlink(path);
		return {kind: 'forgotten', path};
	} catch (error) {
		const code = errorCode(error);
		if (code === 'ENOENT' || code === 'ENOTDIR') return {kind: 'missing', path};
		return {kind: 'failed', reason: classifyWriteError(code), message: sanitizeLine(`could not remove ${path} (${code ?? 'error'})`)};
	}
}
