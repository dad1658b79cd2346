/**
 * The child process of the store's crash-injection test (bundled with esbuild
 * and run by plain node). It saves version after version of a large blog
 * state and prints each version number once the save returned. With a kill
 * point it SIGKILLs itself at that step of one write, so a test can place a
 * kill -9 exactly; without one the parent kills it at a random moment.
 *
 * argv: <dir> <url> <entries> <first-version> [<kill-point> <kill-at-version>]
 */
import type {FileHandle} from 'node:fs/promises';
import {open, rename, unlink} from 'node:fs/promises';
import type {Blog, Entry} from '../../src/model/blog.js';
import type {AtomicFs} from '../../src/store/atomic-write.js';
import {saveBlogState} from '../../src/store/state-file.js';
import {ownText} from '../../src/text/sanitize.js';

export type KillPoint = 'after-open' | 'mid-write' | 'before-sync' | 'before-rename' | 'after-rename';

const [dir = '', url = '', entriesArg = '1000', firstArg = '1', killPoint, killAtArg] = process.argv.slice(2);
const entryCount = Number(entriesArg);
const killAt = killAtArg === undefined ? -1 : Number(killAtArg);

function die(): never {
	process.kill(process.pid, 'SIGKILL');
	throw new Error('unreachable');
}

function killingFs(version: number): AtomicFs {
	const armed = version === killAt;
	let opens = 0;
	return {
		open: async (path, flags, mode) => {
			opens++;
			// The second open is of the directory, for its fsync: the rename is done.
			if (armed && killPoint === 'after-rename' && opens === 2) die();
			const handle = await open(path, flags, mode);
			if (!armed) return handle;
			if (killPoint === 'after-open') die();
			return new Proxy(handle, {
				get(target: FileHandle, property, receiver) {
					if (property === 'write' && killPoint === 'mid-write') {
						return async (buffer: Uint8Array, offset: number, length: number) => {
							await target.write(buffer, offset, Math.floor(length / 2));
							die();
						};
					}
					if (property === 'sync' && killPoint === 'before-sync') return () => die();
					const value: unknown = Reflect.get(target, property, receiver);
					return typeof value === 'function' ? value.bind(target) : value;
				},
			});
		},
		rename: async (from, to) => {
			if (armed && killPoint === 'before-rename') die();
			await rename(from, to);
		},
		unlink: (path) => unlink(path),
	};
}

function blogAt(version: number): Blog {
	const filler = 'The wind has picked up along the estuary and the ferry service is suspended until further notice. '.repeat(8);
	const entries: Entry[] = [];
	for (let i = 0; i < entryCount; i++) {
		entries.push({
			id: `post-${i}`,
			title: ownText(`Update ${i} of version ${version}`),
			url: `https://example.org/live#post-${i}`,
			published: 1_770_000_000_000 - i * 60_000,
			dated: 'source',
			updated: null,
			authors: [ownText('Desk')],
			body: [{kind: 'paragraph', inlines: [{kind: 'text', text: ownText(filler)}]}],
			keyEvent: i % 10 === 0,
			pinned: false,
			summary: false,
			firstSeen: 1_770_000_000_000,
			revision: version,
		});
	}
	return {url, format: 'rss', title: ownText(`v${version}`), description: null, homeUrl: null, live: 'live', entries, hints: {}, skipped: 0};
}

for (let version = Number(firstArg); ; version++) {
	const result = await saveBlogState(
		dir,
		{version: 1, url, savedAt: version, lastOpened: version, blog: blogAt(version), validators: {main: {etag: `"v${version}"`}}, seen: []},
		{fs: killingFs(version)},
	);
	process.stdout.write(result.kind === 'written' ? `${version}\n` : `failed ${result.message}\n`);
	if (killAt > 0 && version >= killAt) break;
}
