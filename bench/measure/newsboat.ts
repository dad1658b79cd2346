/** Getting newsboat for the ingest row: Debian's package, installed when missing. */
import {spawnSync} from 'node:child_process';

function has(command: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${command}`], {stdio: 'ignore'}).status === 0;
}

function apt(args: readonly string[]): boolean {
	const result = spawnSync('apt-get', args, {stdio: 'ignore', env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'}, timeout: 240_000});
	return result.status === 0;
}

/** Path-resolved availability after at most one install attempt (and one `apt-get update` retry). */
export function ensureNewsboat(log: (line: string) => void): {ok: true} | {ok: false; reason: string} {
	if (has('newsboat')) return {ok: true};
	if (!has('apt-get')) return {ok: false, reason: 'newsboat is not installed and apt-get is not available'};
	log('installing newsboat from the Debian packages (apt-get install -y newsboat)…');
	if (apt(['install', '-y', 'newsboat']) || (apt(['update']) && apt(['install', '-y', 'newsboat']))) {
		if (has('newsboat')) return {ok: true};
	}
	return {ok: false, reason: 'newsboat could not be installed (apt-get failed: no root, no network or no package)'};
}
