// Loaded with `node --import` (after record-imports.mjs) by the lean-start
// warm case: appends the line `frame` to LIVEBLOG_IMPORT_LOG just before the
// first write to stdout that carries LIVEBLOG_FRAME_TEXT, so the log tells
// which modules were resolved before that frame and which after.
import {appendFileSync} from 'node:fs';

const log = process.env.LIVEBLOG_IMPORT_LOG;
const text = process.env.LIVEBLOG_FRAME_TEXT;
if (log && text) {
	const write = process.stdout.write.bind(process.stdout);
	let marked = false;
	process.stdout.write = (chunk, ...rest) => {
		if (!marked && String(chunk).includes(text)) {
			marked = true;
			appendFileSync(log, 'frame\n');
		}
		return write(chunk, ...rest);
	};
}
