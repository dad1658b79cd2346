import {build} from 'esbuild';

/**
 * A bench app (a floor) bundled the way scripts/bundle.mjs bundles the CLI
 * (one file, production React, devtools stubbed): since liveblog ships a
 * bundle, a fair floor is bundled too. Writes `<name>.bundled.js` beside the
 * compiled app and returns its path.
 */
export async function bundleApp(source: string): Promise<string> {
	const outfile = source.replace(/\.js$/, '.bundled.js');
	await build({
		entryPoints: [source],
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		minify: true,
		define: {'process.env.NODE_ENV': '"production"'},
		banner: {js: "import {createRequire as __floorCreateRequire} from 'node:module'; const require = __floorCreateRequire(import.meta.url);"},
		logLevel: 'error',
		logOverride: {'assign-to-define': 'silent'},
		plugins: [
			{
				name: 'react-devtools-core-stub',
				setup(b) {
					b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
					b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {initialize() {}, connectToDevTools() {}};', loader: 'js'}));
				},
			},
		],
	});
	return outfile;
}
