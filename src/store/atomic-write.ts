/**
 * Crash-safe file replacement: write a temporary file in the same directory,
 * fsync it, rename it over the target, fsync the directory. rename(2) is
 * atomic within a filesystem, so a kill -9 at any moment leaves the old file
 * or the new one, never a mix; two writers racing each replace the file
 * whole (the last rename wins). Failures are returned as values: a full disk
 * or a read-only directory is a warning for the status line, never a crash.
 */
import {randomBytes} from 'node:crypto';
import {open, readdir, rename, stat, unlink, type FileHandle} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {sanitizeLine, type SafeText} from '../text/sanitize.js';

/** Larger than any bounded blog (5,000 entries) should need; refuses runaway growth. */
export const MAX_STATE_BYTES = 32 * 1024 * 1024;

export type WriteFailureReason = 'disk-full' | 'read-only' | 'too-large' | 'other';

export type WriteResult =
	| {readonly kind: 'written'; readonly bytes: number}
	| {readonly kind: 'failed'; readonly reason: WriteFailureReason; readonly message: SafeText};

/** The file operations a write uses; tests substitute them to inject faults. */
export type AtomicFs = {
	readonly open: (path: string, flags: string, mode?: number) => Promise<FileHandle>;
	readonly rename: (from: string, to: string) => Promise<void>;
	readonly unlink: (path: string) => Promise<void>;
};

export const nodeFs: AtomicFs = {open, rename, unlink};

export type AtomicWriteOptions = {
	readonly maxBytes?: number;
	readonly fs?: AtomicFs;
	/** The state holds what someone reads: private by default. */
	readonly mode?: number;
};

const TEMP_MARK = '.tmp-';

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<WriteResult> {
	const fs = options.fs ?? nodeFs;
	const maxBytes = options.maxBytes ?? MAX_STATE_BYTES;
	const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
	const name = basename(path);
	if (bytes.byteLength > maxBytes) {
		return {
			kind: 'failed',
			reason: 'too-large',
			message: sanitizeLine(`not saving ${name}: ${megabytes(bytes.byteLength)} is over the ${megabytes(maxBytes)} limit`),
		};
	}

	const temp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
	let handle: FileHandle | undefined;
	try {
		// 'wx': never follow or reuse something already at the temporary name.
		handle = await fs.open(temp, 'wx', options.mode ?? 0o600);
		let offset = 0;
		while (offset < bytes.byteLength) {
			const {bytesWritten} = await handle.write(bytes, offset, bytes.byteLength - offset);
			if (bytesWritten <= 0) throw Object.assign(new Error('write made no progress'), {code: 'EIO'});
			offset += bytesWritten;
		}
		// Without this the rename can reach the disk before the data does, and a
		// power cut leaves an empty file under the real name.
		await handle.sync();
		await handle.close();
		handle = undefined;
		await fs.rename(temp, path);
	} catch (error) {
		if (handle !== undefined) await handle.close().catch(() => undefined);
		await fs.unlink(temp).catch(() => undefined);
		return failure(error, name);
	}
	await syncDirectory(dirname(path), fs);
	return {kind: 'written', bytes: bytes.byteLength};
}

/**
 * Makes the rename itself durable. Best effort: some filesystems refuse to
 * fsync a directory, and the file is already whole either way.
 */
async function syncDirectory(dir: string, fs: AtomicFs): Promise<void> {
	let handle: FileHandle | undefined;
	try {
		handle = await fs.open(dir, 'r');
		await handle.sync();
	} catch {
		// Durability of the rename is lost on a power cut at worst; nothing to tell the reader.
	} finally {
		await handle?.close().catch(() => undefined);
	}
}

/**
 * Removes temporary files a killed writer left behind for `path`. Only old
 * ones: a young temporary file may belong to another instance writing now.
 */
export async function sweepStaleTemps(path: string, olderThanMs: number, now: number): Promise<number> {
	const dir = dirname(path);
	const prefix = `${basename(path)}${TEMP_MARK}`;
	let names: string[];
	try {
		names = await readdir(dir);
	} catch {
		return 0;
	}
	let removed = 0;
	for (const name of names) {
		if (!name.startsWith(prefix)) continue;
		const full = join(dir, name);
		try {
			const info = await stat(full);
			if (!info.isFile() || now - info.mtimeMs < olderThanMs) continue;
			await unlink(full);
			removed++;
		} catch {
			// Gone already, or not ours to remove: either way nothing to do.
		}
	}
	return removed;
}

export function errorCode(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
	const code: unknown = error.code;
	return typeof code === 'string' ? code : undefined;
}

export function classifyWriteError(code: string | undefined): WriteFailureReason {
	switch (code) {
		case 'ENOSPC':
		case 'EDQUOT':
			return 'disk-full';
		case 'EROFS':
		case 'EACCES':
		case 'EPERM':
			return 'read-only';
		default:
			return 'other';
	}
}

function failure(error: unknown, name: string): WriteResult {
	const code = errorCode(error);
	const reason = classifyWriteError(code);
	const what =
		reason === 'disk-full' ? 'the disk is full' : reason === 'read-only' ? 'the state directory is not writable' : 'the write failed';
	const detail = code ?? (error instanceof Error ? error.message : String(error));
	return {kind: 'failed', reason, message: sanitizeLine(`could not save ${name}: ${what} (${detail})`)};
}

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
