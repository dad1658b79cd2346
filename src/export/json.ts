/**
 * JSON export: one document, with the same entry fields as `--json` lines
 * (and the same extra escapes), key events listed first by id.
 */
import {jsonPretty} from '../output/json-escape.js';
import {entryRecord, isoDate, liveFlag} from '../output/ndjson.js';
import {allEntries, keyEvents, type ExportInput} from './common.js';

export function exportJson(input: ExportInput): string {
	const {blog} = input;
	const document = {
		type: 'liveblog-export',
		version: 1,
		exportedAt: isoDate(input.exportedAt),
		origin: input.origin.kind === 'stored' ? {kind: 'stored', savedAt: isoDate(input.origin.savedAt)} : {kind: 'live'},
		blog: {url: blog.url, homeUrl: blog.homeUrl, title: blog.title, description: blog.description, live: liveFlag(blog.live), format: blog.format},
		keyEvents: keyEvents(blog).map(entry => entry.id),
		entries: allEntries(blog).map(entry => {
			const {type: _type, event: _event, ...fields} = entryRecord(entry, 'initial');
			return {...fields, summary: entry.summary};
		}),
	};
	return jsonPretty(document) + '\n';
}
