/**
 * Bundles src/cli.tsx into dist/cli.js (the package's bin) after tsc has
 * typechecked and emitted dist/. Resolving and loading module files one by
 * one (130 ES modules for --once alone, plus CommonJS ones) was much of the
 * start-up time (stack-notes §4.1: a bundle halves Ink's first frame). Code
 * splitting keeps cli.tsx's dynamic imports lazy: each becomes a chunk under
 * dist/chunks/, so --once, --json and follow mode never load the chunks that
 * hold React and Ink (test/cli/lean-start.test.ts checks it).
 *
 * Run from the package root: `node scripts/bundle.mjs` (npm run build does).
 */
import {chmodSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = `${root}dist`;

// Ink's devtools module (loaded only when DEV=true) statically imports
// react-devtools-core, which is not installed; unresolved, the bundle fails.
// A stub keeps DEV=true from crashing: the devtools simply do not connect.
const devtoolsStub = {
	name: 'react-devtools-core-stub',
	setup(b) {
		b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {initialize() {}, connectToDevTools() {}};', loader: 'js'}));
	},
};

// With code splitting, esbuild turns `await import('react')` (a CommonJS
// package) into a chunk whose namespace has only `default`, so
// `const {createElement} = await import('react')` would get undefined; Node
// itself gives the named exports. A small ES module re-exporting each name
// stands in for such packages where they are imported dynamically.
const cjsDynamicImports = ['react'];
const requireFromRoot = createRequire(`${root}package.json`);
const cjsNamedExports = {
	name: 'cjs-dynamic-import-named-exports',
	setup(b) {
		const filter = new RegExp(`^(${cjsDynamicImports.join('|')})$`);
		b.onResolve({filter}, args => (args.kind === 'dynamic-import' ? {path: args.path, namespace: 'cjs-named'} : undefined));
		b.onLoad({filter: /.*/, namespace: 'cjs-named'}, args => {
			// The production build, as the bundle ships (see `define` below).
			const saved = process.env.NODE_ENV;
			process.env.NODE_ENV = 'production';
			const names = Object.keys(requireFromRoot(args.path)).filter(name => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
			if (saved === undefined) delete process.env.NODE_ENV;
			else process.env.NODE_ENV = saved;
			const lines = [`import m from ${JSON.stringify(args.path)};`, 'export default m;', ...names.map(name => `export const ${name} = m.${name};`)];
			return {contents: lines.join('\n'), loader: 'js', resolveDir: root};
		});
	},
};

// Chunks are named by content hash: old ones would pile up across builds.
rmSync(`${dist}/chunks`, {recursive: true, force: true});

const result = await build({
	absWorkingDir: root,
	// The first-poll worker (src/net/first-poll.ts) is a second entry. It lands
	// where tsc puts it, dist/net/, replacing tsc's file as cli.js does, so the
	// URL cli.tsx builds for it is the same for both; it shares the chunks.
	entryPoints: {cli: 'src/cli.tsx', 'net/first-poll-worker': 'src/net/first-poll-worker.ts'},
	outdir: dist,
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	// Less to read and compile at every start; the source map leads back to src/.
	minify: true,
	sourcemap: 'linked',
	legalComments: 'linked',
	// React (and react-reconciler, scheduler) pick their production build by
	// NODE_ENV: fixed at build time, the development build is not even shipped.
	// run-tui.tsx also sets it at run time, for the unbundled dist/ and tests.
	define: {'process.env.NODE_ENV': '"production"'},
	// CommonJS dependencies call require(), for Node's built-in modules too.
	banner: {js: "import {createRequire as __liveblogCreateRequire} from 'node:module'; const require = __liveblogCreateRequire(import.meta.url);"},
	plugins: [devtoolsStub, cjsNamedExports],
	metafile: true,
	logLevel: 'warning',
	// `process.env['NODE_ENV'] ??= 'production'` in cli.tsx/run-tui.tsx is an
	// assignment to the defined constant; it is right for unbundled runs and
	// harmless here, so esbuild need not warn about it.
	logOverride: {'assign-to-define': 'silent'},
});

// The shebang must stay the first line for the bin to run.
const cli = `${dist}/cli.js`;
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!/usr/bin/env node\n')) writeFileSync(cli, `#!/usr/bin/env node\n${text.replace(/^#![^\n]*\n/, '')}`);
chmodSync(cli, 0o755);

const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
const kb = outputs.reduce((sum, [, output]) => sum + output.bytes, 0) / 1024;
process.stdout.write(`bundle: dist/cli.js + dist/net/first-poll-worker.js + ${outputs.length - 2} chunks, ${kb.toFixed(0)} KiB\n`);
