/**
 * The effective settings: a flag wins over the environment, which wins over
 * the config file, which wins over the defaults. Pure, so `--config` can show
 * exactly what a run would use and tests can check the precedence.
 */
import type {BellMode, ReadFlags, SourceKind, ThemeName} from '../args.js';
import type {Env} from './paths.js';
import type {FileConfig} from './load-config.js';

export const DEFAULT_GUARDIAN_KEY = 'test';

export type Origin = 'flag' | 'env' | 'config' | 'default';

export type Settings = {
	/** Null: adaptive polling. */
	readonly intervalSeconds: number | null;
	readonly source: SourceKind;
	readonly feedIndex: number | null;
	readonly guardianKey: {readonly value: string; readonly from: Origin};
	readonly guardianApi: string | null;
	readonly state: 'on' | 'off';
	readonly theme: ThemeName;
	readonly bell: BellMode;
	readonly desktop: boolean;
	readonly keys: Readonly<Record<string, readonly string[]>>;
	readonly blogs: Readonly<Record<string, string>>;
};

function present(value: string | undefined): string | null {
	return value === undefined || value.trim() === '' ? null : value;
}

export function resolveSettings(flags: ReadFlags, file: FileConfig, env: Env): Settings {
	const keyFromEnv = present(env['GUARDIAN_API_KEY']);
	const guardianKey: Settings['guardianKey'] =
		flags.guardianKey !== null
			? {value: flags.guardianKey, from: 'flag'}
			: keyFromEnv !== null
				? {value: keyFromEnv, from: 'env'}
				: file.guardianKey !== null
					? {value: file.guardianKey, from: 'config'}
					: {value: DEFAULT_GUARDIAN_KEY, from: 'default'};
	return {
		intervalSeconds: flags.intervalSeconds ?? file.intervalSeconds,
		source: flags.source ?? 'auto',
		feedIndex: flags.feedIndex,
		guardianKey,
		guardianApi: flags.guardianApi ?? present(env['GUARDIAN_API_URL']) ?? file.guardianApi,
		state: flags.state,
		theme: flags.theme ?? file.theme ?? 'auto',
		bell: flags.bell ?? file.bell ?? 'key-events',
		desktop: flags.notify || (file.desktop ?? false),
		keys: file.keys,
		blogs: file.blogs,
	};
}

export type ResolvedInput = {readonly kind: 'url'; readonly url: string} | {readonly kind: 'unknown-name'; readonly message: string};

/**
 * A command-line argument as a URL: a name from [blogs], an address with a
 * scheme (or `guardian:`), or a bare host/path taken as https.
 */
export function resolveInput(input: string, blogs: Readonly<Record<string, string>>): ResolvedInput {
	const named = Object.hasOwn(blogs, input) ? blogs[input] : undefined;
	if (named !== undefined) return {kind: 'url', url: named};
	if (/^[a-z][a-z0-9+.-]*:/i.test(input)) return {kind: 'url', url: input};
	if (/[./]/.test(input)) return {kind: 'url', url: `https://${input}`};
	const names = Object.keys(blogs);
	const known = names.length > 0 ? ` (known names: ${names.join(', ')})` : '';
	return {kind: 'unknown-name', message: `'${input}' is neither a URL nor a blog named in the config file${known}`};
}

function show(value: string | number | boolean | null): string {
	return value === null ? '(not set)' : String(value);
}

/** What `liveblog --config` prints. The Guardian key is masked unless it is the public test key. */
export function describeSettings(path: string, status: string, settings: Settings, stateDir: string | null): string {
	const key = settings.guardianKey;
	const maskedKey = key.value === DEFAULT_GUARDIAN_KEY ? key.value : `${key.value.slice(0, 4)}…`;
	const lines = [
		`config file: ${path} (${status})`,
		`state dir:   ${settings.state === 'off' ? '(disabled by --no-state)' : show(stateDir)}`,
		'',
		`interval = ${settings.intervalSeconds === null ? '"adaptive"' : settings.intervalSeconds}`,
		`theme = "${settings.theme}"`,
		`source = "${settings.source}"`,
		'',
		'[guardian]',
		`key = "${maskedKey}"   # from ${key.from}`,
		`api = ${settings.guardianApi === null ? '(default https://content.guardianapis.com)' : `"${settings.guardianApi}"`}`,
		'',
		'[notify]',
		`bell = "${settings.bell}"`,
		`desktop = ${settings.desktop}`,
		'',
		'[blogs]',
		...Object.entries(settings.blogs).map(([name, url]) => `${name} = "${url}"`),
		'',
		'[keys]',
		...Object.entries(settings.keys).map(([command, keys]) => `${command} = [${keys.map(k => JSON.stringify(k)).join(', ')}]`),
	];
	return lines.join('\n') + '\n';
}
