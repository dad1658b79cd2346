/** A query typed into a long blog: the first screen at once, the count once the rest is searched. */
import {cleanup} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import {matches} from '../../src/state/list.js';
import {entries} from '../helpers/blog-factory.js';
import {renderApp} from '../helpers/app-harness.js';

afterEach(() => cleanup());

test('typing shows the first matches at once and the count when the search is done, drawing it once', async () => {
	const list = entries(3000, (i) => ({title: `Update ${i}`, body: `Report ${i} from the coast.`}));
	let commits = 0;
	const app = renderApp({initial: list, onCommit: () => commits++});
	await app.waitForFrame((f) => f.includes('Update 2999'));
	await app.press('/', '2', '9');
	const total = list.filter((e) => matches(e, '29')).length;
	const done = await app.waitForFrame((f) => f.includes(`filter: 29 (${total} of 3000)`));
	expect(done).toContain(`filter: 29 (${total} of 3000)`);
	expect(done).toContain('Update 2999');
	const afterDone = commits;
	// Nothing more is searched or drawn once the count is in.
	await app.waitForFrame(() => false, 5);
	expect(commits).toBe(afterDone);
	await app.press('\r', 'G');
	expect(app.frame()).toContain('Update 29');
	expect(app.frame()).toContain(`filter: 29 (${total} of 3000)`);
});
