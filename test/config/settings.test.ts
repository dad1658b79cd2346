import {describe, expect, it} from 'vitest';
import type {ReadFlags} from '../../src/args.js';
import {emptyConfig, parseConfig} from '../../src/config/load-config.js';
import {describeSettings, resolveInput, resolveSettings} from '../../src/config/settings.js';

const noFlags: ReadFlags = {intervalSeconds: null, source: null, feedIndex: null, guardianKey: null, guardianApi: null, state: 'on', notify: false, bell: null, theme: null};
const file = parseConfig('interval = 20\ntheme = "light"\n[guardian]\nkey = "from-file"\napi = "http://file/capi"\n[notify]\nbell = "none"\n[blogs]\nuk = "https://example.org/uk"\n', '/c.toml').config;

describe('resolveSettings', () => {
	it('defaults: adaptive, auto theme, test key, bell on key events', () => {
		expect(resolveSettings(noFlags, emptyConfig, {})).toMatchObject({
			intervalSeconds: null,
			theme: 'auto',
			source: 'auto',
			guardianKey: {value: 'test', from: 'default'},
			guardianApi: null,
			bell: 'key-events',
			desktop: false,
		});
	});

	it('file beats defaults, env beats file, flags beat env', () => {
		expect(resolveSettings(noFlags, file, {})).toMatchObject({intervalSeconds: 20, theme: 'light', guardianKey: {value: 'from-file', from: 'config'}, guardianApi: 'http://file/capi', bell: 'none'});
		const env = {GUARDIAN_API_KEY: 'from-env', GUARDIAN_API_URL: 'http://env/capi'};
		expect(resolveSettings(noFlags, file, env)).toMatchObject({guardianKey: {value: 'from-env', from: 'env'}, guardianApi: 'http://env/capi'});
		const flags: ReadFlags = {...noFlags, intervalSeconds: 5, guardianKey: 'from-flag', guardianApi: 'http://flag/capi', theme: 'dark', bell: 'all', notify: true};
		expect(resolveSettings(flags, file, env)).toMatchObject({intervalSeconds: 5, guardianKey: {value: 'from-flag', from: 'flag'}, guardianApi: 'http://flag/capi', theme: 'dark', bell: 'all', desktop: true});
	});
});

describe('resolveInput', () => {
	it('names from [blogs], URLs as given, bare hosts as https', () => {
		expect(resolveInput('uk', {uk: 'https://example.org/uk'})).toEqual({kind: 'url', url: 'https://example.org/uk'});
		expect(resolveInput('http://x.test/feed', {})).toEqual({kind: 'url', url: 'http://x.test/feed'});
		expect(resolveInput('guardian:world/live/x', {})).toEqual({kind: 'url', url: 'guardian:world/live/x'});
		expect(resolveInput('example.org/live', {})).toEqual({kind: 'url', url: 'https://example.org/live'});
	});

	it('an unknown name says so and lists the known ones; prototype keys are not names', () => {
		expect(resolveInput('ukraine', {uk: 'https://example.org/uk'})).toEqual({kind: 'unknown-name', message: "'ukraine' is neither a URL nor a blog named in the config file (known names: uk)"});
		expect(resolveInput('constructor', {}).kind).toBe('unknown-name');
	});
});

describe('describeSettings', () => {
	it('prints the path, the state dir and the effective settings, masking a private key', () => {
		const out = describeSettings('/c.toml', 'loaded', resolveSettings({...noFlags, guardianKey: 'secret-key'}, file, {}), '/s/liveblog');
		expect(out).toContain('config file: /c.toml (loaded)');
		expect(out).toContain('state dir:   /s/liveblog');
		expect(out).toContain('interval = 20');
		expect(out).toContain('key = "secr…"   # from flag');
		expect(out).not.toContain('secret-key');
		expect(out).toContain('uk = "https://example.org/uk"');
	});
});
