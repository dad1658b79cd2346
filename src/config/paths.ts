/**
 * Where the config file lives: $XDG_CONFIG_HOME/liveblog/config.toml, or
 * ~/.config/liveblog/config.toml when XDG_CONFIG_HOME is unset or relative
 * (the XDG spec says relative values are to be ignored).
 */
import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export function configDir(env: Env, home: string = homedir()): string {
	const xdg = env['XDG_CONFIG_HOME'];
	const base = xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(env['HOME'] ?? home, '.config');
	return join(base, 'liveblog');
}

export function configPath(env: Env, home?: string): string {
	return join(configDir(env, home), 'config.toml');
}
