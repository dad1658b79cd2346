/**
 * The one-way data flow, enforced: each folder may import only what the
 * design allows. This reads the real import statements of every source file,
 * so a forbidden import added anywhere fails here.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.tsx?$/.test(name) ? [path] : [];
	});
}

/** Import specifiers of a file; `valueOnly` leaves out `import type`, which adds no runtime coupling. */
function importsOf(file: string, valueOnly = false): string[] {
	const text = readFileSync(file, 'utf8');
	const statements = [...text.matchAll(/(?:^|\n)\s*((?:import|export)[^'"\n;]*?)from\s+['"]([^'"]+)['"]/g)];
	const specifiers = statements.filter(m => !valueOnly || !/^(?:import|export)\s+type\b/.test(m[1]!)).map(m => m[2]!);
	const dynamic = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(m => m[1]!);
	return [...specifiers, ...dynamic];
}

/** The top folder of src/ a file lives in ('' for files directly in src/). */
function folderOf(file: string): string {
	const parts = relative(srcDir, file).split(sep);
	return parts.length > 1 ? parts[0]! : '';
}

/** The src/ folder a relative import lands in, or null for packages. */
function targetFolder(file: string, specifier: string): string | null {
	if (!specifier.startsWith('.')) return null;
	return folderOf(join(file, '..', specifier));
}

const uiPackages = new Set(['react', 'react/jsx-runtime', 'ink', 'ink-testing-library']);
const ioPackages = new Set(['undici', 'node:fs', 'node:fs/promises', 'node:http', 'node:https', 'node:net', 'node:child_process']);

/** folder → src/ folders it may import from. */
const allowed: Record<string, readonly string[]> = {
	text: ['text', 'model'],
	model: ['model', 'text'],
	sources: ['sources', 'model', 'text', ''],
	net: ['net', 'sources', 'model', 'text', ''],
	store: ['store', 'model', 'text', 'net', ''],
	state: ['state', 'model', 'text', 'net', 'sources', ''],
};

const files = sourceFiles(srcDir);

describe('import boundaries', () => {
	it('finds the source tree', () => {
		expect(files.length).toBeGreaterThan(5);
	});

	it('only ui/ and cli.tsx import react or ink', () => {
		const offenders = files.filter(file => {
			const folder = folderOf(file);
			if (folder === 'ui' || file.endsWith(`${sep}cli.tsx`)) return false;
			return importsOf(file).some(s => uiPackages.has(s));
		});
		expect(offenders.map(f => relative(srcDir, f))).toEqual([]);
	});

	it('model/, text/ and state/ do no I/O', () => {
		const offenders = files.filter(file => {
			const folder = folderOf(file);
			if (!['model', 'text', 'state'].includes(folder)) return false;
			return importsOf(file).some(s => ioPackages.has(s));
		});
		expect(offenders.map(f => relative(srcDir, f))).toEqual([]);
	});

	it('sources/ never fetches', () => {
		const offenders = files.filter(
			file => folderOf(file) === 'sources' && importsOf(file).some(s => s === 'undici' || s.startsWith('node:http') || targetFolder(file, s) === 'net'),
		);
		expect(offenders.map(f => relative(srcDir, f))).toEqual([]);
	});

	it('each folder imports only from the folders it may', () => {
		const violations: string[] = [];
		for (const file of files) {
			const rules = allowed[folderOf(file)];
			if (!rules) continue;
			for (const specifier of importsOf(file, true)) {
				const target = targetFolder(file, specifier);
				if (target !== null && !rules.includes(target)) violations.push(`${relative(srcDir, file)} → ${specifier}`);
			}
		}
		expect(violations).toEqual([]);
	});
});
