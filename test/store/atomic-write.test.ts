import {spawnSync} from 'node:child_process';
import {chmod, mkdir, mkdtemp, open, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {classifyWriteError, nodeFs, writeFileAtomic, type AtomicFs} from '../../src/store/atomic-write.js';

let dir = '';
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'liveblog-atomic-'));
});
afterEach(async () => {
	await rm(dir, {recursive: true, force: true});
});

describe('writeFileAtomic', () => {
	it('writes, then replaces the whole file, leaving no temporary file', async () => {
		const path = join(dir, 'state.json');
		expect(await writeFileAtomic(path, '{"v":1}')).toEqual({kind: 'written', bytes: 7});
		expect(await writeFileAtomic(path, '{"v":"two"}')).toEqual({kind: 'written', bytes: 11});
		expect(await readFile(path, 'utf8')).toBe('{"v":"two"}');
		expect(await readdir(dir)).toEqual(['state.json']);
	});

	it('refuses data over the size bound and leaves the old file alone', async () => {
		const path = join(dir, 'state.json');
		await writeFileAtomic(path, 'old');
		const result = await writeFileAtomic(path, 'x'.repeat(2000), {maxBytes: 1024});
		expect(result).toMatchObject({kind: 'failed', reason: 'too-large'});
		expect(await readFile(path, 'utf8')).toBe('old');
	});

	it('reports a full disk as a value, keeps the old file and cleans up', async () => {
		// A real ENOSPC from the kernel: the temporary file is opened on
		// /dev/full, so the write itself fails exactly as on a full disk. (A real
		// full filesystem would need a mount, which tests cannot do; the rename
		// step cannot hit ENOSPC on the same filesystem.)
		const path = join(dir, 'state.json');
		await writeFileAtomic(path, 'old');
		const full: AtomicFs = {...nodeFs, open: (p, flags, mode) => (p.includes('.tmp-') ? open('/dev/full', 'w') : nodeFs.open(p, flags, mode))};
		const result = await writeFileAtomic(path, 'new content', {fs: full});
		expect(result).toMatchObject({kind: 'failed', reason: 'disk-full'});
		expect(result.kind === 'failed' && result.message).toContain('the disk is full (ENOSPC)');
		expect(await readFile(path, 'utf8')).toBe('old');
		expect(await readdir(dir)).toEqual(['state.json']);
	});

	it('reports a directory it cannot write to, and never throws', async () => {
		const locked = join(dir, 'locked');
		await mkdir(locked);
		const path = join(locked, 'state.json');
		await writeFileAtomic(path, 'old');
		const lock = await makeUnwritable(locked);
		try {
			const result = await writeFileAtomic(path, 'new');
			expect(result).toMatchObject({kind: 'failed', reason: lock.expected});
			expect(await readFile(path, 'utf8')).toBe('old');
		} finally {
			await lock.undo();
		}
	});

	it('fails cleanly when the target is a directory or its folder is a file', async () => {
		const target = join(dir, 'state.json');
		await mkdir(target);
		expect(await writeFileAtomic(target, 'x')).toMatchObject({kind: 'failed', reason: 'other'});
		expect(await readdir(dir)).toEqual(['state.json']);
		const file = join(dir, 'plain');
		await writeFile(file, '');
		expect(await writeFileAtomic(join(file, 'state.json'), 'x')).toMatchObject({kind: 'failed', reason: 'other'});
	});
});

describe('classifyWriteError', () => {
	it('maps error codes to reasons', () => {
		expect(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', undefined].map(classifyWriteError)).toEqual([
			'disk-full',
			'disk-full',
			'read-only',
			'read-only',
			'read-only',
			'other',
			'other',
		]);
	});
});

/**
 * A directory the test process cannot write to. chmod 0o500 does not stop
 * root, and tests often run as root (here, and in CI containers): then the
 * directory is made immutable with `chattr +i` (EPERM even for root) where the
 * filesystem and capabilities allow it. Where neither works, the directory is
 * replaced by a regular file, so writes inside fail with ENOTDIR instead.
 */
async function makeUnwritable(path: string): Promise<{expected: 'read-only' | 'other'; undo: () => Promise<void>}> {
	if (process.getuid?.() !== 0) {
		await chmod(path, 0o500);
		return {expected: 'read-only', undo: () => chmod(path, 0o700)};
	}
	if (spawnSync('chattr', ['+i', path]).status === 0) {
		const undo = async (): Promise<void> => {
			spawnSync('chattr', ['-i', path]);
		};
		try {
			await writeFile(join(path, 'probe'), '');
		} catch {
			return {expected: 'read-only', undo};
		}
		await undo();
	}
	const saved = await readFile(join(path, 'state.json'));
	await rm(path, {recursive: true});
	await writeFile(path, '');
	return {
		expected: 'other',
		undo: async () => {
			await rm(path);
			await mkdir(path);
			await writeFile(join(path, 'state.json'), saved);
		},
	};
}
