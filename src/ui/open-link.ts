/**
 * Opens a link in the browser with the platform's opener, spawned directly
 * with the URL as one argument (never through a shell), and only for http(s).
 */
import {spawn} from 'node:child_process';
import {safeHttpUrl} from '../text/sanitize.js';

export function openerFor(platform: NodeJS.Platform): {command: string; args: (url: string) => string[]} {
	switch (platform) {
		case 'darwin':
			return {command: 'open', args: (url) => [url]};
		case 'win32':
			// rundll32 takes the URL as data; `start` would need cmd.exe, a shell.
			return {command: 'rundll32', args: (url) => ['url.dll,FileProtocolHandler', url]};
		default:
			return {command: 'xdg-open', args: (url) => [url]};
	}
}

export type Spawner = (command: string, args: string[]) => {on(event: 'error', listener: (error: Error) => void): unknown; unref(): void};

const defaultSpawner: Spawner = (command, args) => spawn(command, args, {stdio: 'ignore', detached: true, shell: false});

/** Returns the URL opened, or null when it was not an http(s) URL. */
export function openLink(raw: string | null, spawner: Spawner = defaultSpawner, platform: NodeJS.Platform = process.platform): string | null {
	const url = safeHttpUrl(raw);
	if (url === null) return null;
	const opener = openerFor(platform);
	try {
		const child = spawner(opener.command, opener.args(url));
		child.on('error', () => undefined);
		child.unref();
	} catch {
		return null;
	}
	return url;
}
