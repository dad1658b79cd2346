/**
 * Parse throughput per adapter, in its own process: the 2,000-post blog in
 * each format through the app's front door (parseDocument: decode, detect,
 * adapter, key-event titles), against a raw parse of the same bytes
 * (fast-xml-parser for XML, JSON.parse for JSON, htmlparser2 + JSON.parse
 * of the ld+json script for the page). One warm-up each, then `runs` timed
 * parses, adapter and baseline interleaved. Prints one JSON line.
 */
import {XMLParser} from 'fast-xml-parser';
import {Parser} from 'htmlparser2';
import {performance} from 'node:perf_hooks';
import {documentFor, formats, type Format} from '../data/documents.js';
import {generateBlog} from '../data/posts.js';
import {isMissing, loadModules} from './app-modules.js';

const runs = Number(process.argv[2] ?? 5);

// The raw-parse configuration the stack notes measured for feeds.
const xml = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	parseTagValue: false,
	trimValues: true,
	processEntities: true,
	htmlEntities: true,
	isArray: (_name, jpath) => jpath === 'rss.channel.item' || jpath === 'feed.entry',
});

function rawParse(format: Format, bytes: Buffer): number {
	const text = new TextDecoder().decode(bytes);
	switch (format) {
		case 'rss':
		case 'atom':
			return Object.keys(xml.parse(text) as object).length;
		case 'jsonfeed':
		case 'guardian':
			return Object.keys(JSON.parse(text) as object).length;
		case 'jsonld': {
			let inLd = false;
			let script = '';
			const scripts: string[] = [];
			const parser = new Parser({
				onopentag: (name, attrs) => {
					inLd = name === 'script' && attrs['type'] === 'application/ld+json';
					script = '';
				},
				ontext: (data) => {
					if (inLd) script += data;
				},
				onclosetag: (name) => {
					if (name === 'script' && inLd) scripts.push(script);
					inLd = false;
				},
			});
			parser.write(text);
			parser.end();
			return scripts.map((s) => JSON.parse(s) as unknown).length;
		}
	}
}

const modules = await loadModules();
if (isMissing(modules)) {
	process.stdout.write(`${JSON.stringify({missing: modules.missing})}\n`);
	process.exit(0);
}

const blog = generateBlog({count: 2000, seed: 2000, endMs: Date.UTC(2026, 10, 28, 12)});
const out: Record<string, unknown> = {};
for (const format of formats) {
	const doc = documentFor(blog, format, 'blog2k', 'http://127.0.0.1:9');
	const url = `http://127.0.0.1:9${doc.path}`;
	const fetched = {url, status: 200, headers: {'content-type': doc.contentType}, bytes: new Uint8Array(doc.bytes)};
	const options = format === 'guardian' ? ({force: 'guardian'} as const) : {};
	const adapter = (): {entries: number; ms: number} => {
		const t0 = performance.now();
		const result = modules.parseDocument(fetched, options);
		const ms = performance.now() - t0;
		if (result.kind !== 'blog') throw new Error(`${format}: ${result.kind} ${'found' in result ? result.found : ''}`);
		return {entries: result.blog.entries.length, ms};
	};
	const baseline = (): number => {
		const t0 = performance.now();
		rawParse(format, doc.bytes);
		return performance.now() - t0;
	};
	try {
		const cold = adapter();
		baseline();
		const adapterMs: number[] = [];
		const baselineMs: number[] = [];
		for (let i = 0; i < runs; i++) {
			adapterMs.push(adapter().ms);
			baselineMs.push(baseline());
		}
		out[format] = {bytes: doc.bytes.length, entries: cold.entries, coldMs: cold.ms, adapterMs, baselineMs};
	} catch (error) {
		out[format] = {bytes: doc.bytes.length, error: error instanceof Error ? error.message.slice(0, 200) : String(error)};
	}
}
process.stdout.write(`${JSON.stringify(out)}\n`);
