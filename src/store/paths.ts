/**
 * Where the state lives: `$XDG_STATE_HOME/liveblog/` or
 * `~/.local/state/liveblog/`, one file per blog URL. Environment and home
 * directory are parameters so tests never touch the real home.
 */
import {createHash} from 'node:crypto';
import {isAbsolute, join} from 'node:path';

export type StateEnv = Readonly<Record<string, string | undefined>>;

export function stateDir(env: StateEnv, homedir: string): string {
	const xdg = env['XDG_STATE_HOME'];
	// The XDG spec says relative paths are invalid and must be ignored.
	const base = xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(homedir, '.local', 'state');
	return join(base, 'liveblog');
}

const SLUG_MAX = 48;

/**
 * `<slug>-<hash>.json`: the hash makes the name unique per URL (and safe
 * whatever the URL contains); the slug lets a person find the file by eye.
 */
export function stateFileName(url: string): string {
	const hash = createHash('sha256').update(url).digest('hex').slice(0, 16);
	return `${slugOf(url)}-${hash}.json`;
}

export function stateFilePath(dir: string, url: string): string {
	return join(dir, stateFileName(url));
}

function slugOf(url: string): string {
	let readable = url;
	try {
		const parsed = new URL(url);
		readable = parsed.protocol === 'http:' || parsed.protocol === 'https:' ? `${parsed.host}${parsed.pathname}` : url;
	} catch {
		// Not a URL (e.g. a config name): slug the text itself.
	}
	const slug = readable
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, SLUG_MAX)
		.replace(/-+$/, '');
	return slug === '' ? 'blog' : slug;
}
