/**
 * The README documents every key and every flag the program has; this fails
 * when they drift. The key table is generated from the keymap: run
 * `UPDATE_README=1 npx vitest run test/cli/readme.test.ts` to rewrite it.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {helpText} from '../../src/args.js';
import {keyTable} from '../../src/ui/keymap.js';

const readmeUrl = new URL('../../README.md', import.meta.url);
const START = /<!-- keys:start[^\n]*-->\n/;
const END = '\n<!-- keys:end -->';

function keyRows(): string {
	const rows = Object.entries(keyTable).map(([name, binding]) => {
		const keys = name === 'goto-tab' ? '`1`–`9`' : binding.keys.map((key: string) => `\`${key === '|' ? '\\|' : key}\``).join(' ');
		return `| ${keys} | ${binding.description.replace(/\|/g, '\\|')} | ${binding.contexts.join(', ')} |`;
	});
	return ['| Keys | What it does | Where |', '|---|---|---|', ...rows].join('\n');
}

function keyBlock(readme: string): {before: string; block: string; after: string} {
	const start = START.exec(readme);
	const end = readme.indexOf(END);
	if (start === null || end === -1) throw new Error('README has no keys:start/keys:end markers');
	const from = start.index + start[0].length;
	return {before: readme.slice(0, from), block: readme.slice(from, end), after: readme.slice(end)};
}

describe('README', () => {
	const readme = readFileSync(readmeUrl, 'utf8');

	it('has the two Quick start commands exactly', () => {
		expect(readme).toContain('npm install && npm start');
		expect(readme).toContain('npm install && npm test');
		expect(readme).toContain('npx liveblog <url>');
		expect(readme).toContain('npm install -g .');
	});

	it('lists every key of the keymap with its description', () => {
		const {before, block, after} = keyBlock(readme);
		const expected = keyRows();
		if (block !== expected && process.env['UPDATE_README'] === '1') writeFileSync(readmeUrl, before + expected + after);
		else expect(block).toBe(expected);
		expect(expected.split('\n').length).toBe(Object.keys(keyTable).length + 2);
	});

	it('documents every option that --help lists', () => {
		const flags = [...new Set(helpText.match(/--[a-z][a-z-]+/g) ?? [])];
		expect(flags.length).toBeGreaterThan(15);
		for (const flag of flags) expect(readme, flag).toContain(`\`${flag}`);
	});
});
