/**
 * The ingest floor (informational): the least a Node program built on our
 * stack must do to ingest the RSS blog, as a whole process: fetch it with
 * undici and parse it with fast-xml-parser, then print the newest title.
 * No HTML bodies, no normalising, no output of posts. When this alone is
 * slower than the goal, no adapter on this parser can meet it.
 */
import {request} from 'undici';
import {XMLParser} from 'fast-xml-parser';

type Item = {readonly title?: unknown};
type Rss = {readonly rss?: {readonly channel?: {readonly item?: readonly Item[]}}};

const response = await request(process.argv[2] ?? '');
const text = await response.body.text();
const doc = new XMLParser({ignoreAttributes: false}).parse(text) as Rss;
const items = doc.rss?.channel?.item ?? [];
process.stdout.write(`${items.length} ${String(items[0]?.title ?? '')}\n`);
