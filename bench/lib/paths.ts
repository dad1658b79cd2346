/** Where things are, from the compiled bench (.bench-build/bench/...) or anywhere below the repo. */
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

function findRoot(start: string): string {
	let dir = start;
	for (;;) {
		if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'node_modules'))) return dir;
		const up = dirname(dir);
		if (up === dir) throw new Error(`no package root above ${start}`);
		dir = up;
	}
}

export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
/** The compiled bench's own folder (.bench-build/bench). */
export const benchBuild = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cliPath = join(repoRoot, 'dist', 'cli.js');

/** A built app module under dist/, or null when that piece has not landed yet. */
export function distModule(relative: string): string | null {
	const path = join(repoRoot, 'dist', relative);
	return existsSync(path) ? path : null;
}

/** Import a dist/ module, typed by the caller; null when missing. */
export async function importDist<T>(relative: string): Promise<T | null> {
	const path = distModule(relative);
	if (path === null) return null;
	return (await import(pathToFileURL(path).href)) as T;
}
