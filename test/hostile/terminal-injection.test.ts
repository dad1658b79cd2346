/**
 * Hostile catalogue, group 1: terminal injection. Each row is a payload a
 * feed could carry; it is put into every slot (blog title, entry title,
 * author, body, link text) of every format (RSS, Atom, JSON Feed, Guardian
 * API, JSON-LD), and what would reach a terminal — the model's one-line
 * fields, --once text, --json lines and the laid-out lines the TUI draws —
 * must hold no control byte and must show the payload as visible text.
 */
import {createElement} from 'react';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {describeFailure} from '../../src/errors.js';
import {bodyPlainText} from '../../src/model/body-text.js';
import {reduce} from '../../src/state/reducer.js';
import {initialState} from '../../src/state/state.js';
import {openLink} from '../../src/ui/open-link.js';
import {Screen} from '../../src/ui/screen.js';
import {clipboardSequence, notifySequences, titleSequence} from '../../src/ui/terminal-effects.js';
import {makeTheme} from '../../src/ui/theme.js';
import {startFeedServer, type FeedServer} from '../helpers/feed-server.js';
import {cliBuilt, controlBytes, runCli, tempHome} from '../helpers/hostile-cli.js';
import {render} from '../helpers/render.js';
import {
	AT,
	BEL,
	CONTROL,
	ESC,
	FORMATS,
	LINE_CONTROL,
	ST,
	feedWith,
	firstControl,
	lineFields,
	merged,
	parseFormat,
	renderAll,
	rssFeed,
	type Format,
	type Slot,
} from '../helpers/hostile-payloads.js';

type Row = {
	readonly name: string;
	readonly payload: string;
	/** The visible text a one-line field must show (whitespace compared collapsed). */
	readonly shown: string;
	/** Another acceptable rendering (an entity a format defines as literal text may stay literal). */
	readonly alsoOk?: string;
};

// Each `shown` is the rule of issue 5 applied by hand: ESC → ␛, C0 → U+2400+code,
// DEL → ␡, C1 → U+FFFD, bidi and zero-width removed.
const rows: readonly Row[] = [
	{name: 'OSC 52 clipboard write', payload: `${ESC}]52;c;cm0gLXJmIH4=${BEL}`, shown: '␛]52;c;cm0gLXJmIH4=␇'},
	{name: 'CSI 2J clear screen + home', payload: `${ESC}[2J${ESC}[H`, shown: '␛[2J␛[H'},
	{name: 'OSC 0 window title', payload: `${ESC}]0;pwned${BEL}`, shown: '␛]0;pwned␇'},
	{name: 'OSC 2 window title with ST', payload: `${ESC}]2;pwned${ST}`, shown: '␛]2;pwned␛\\'},
	{name: 'OSC 8 hyperlink to javascript:', payload: `${ESC}]8;;javascript:alert(1)${BEL}click${ESC}]8;;${BEL}`, shown: '␛]8;;javascript:alert(1)␇click␛]8;;␇'},
	{name: 'DCS tmux passthrough of OSC 52', payload: `${ESC}Ptmux;${ESC}${ESC}]52;c;aGk=${BEL}${ST}`, shown: '␛Ptmux;␛␛]52;c;aGk=␇␛\\'},
	{name: 'C1 CSI (U+009B) clear screen', payload: '\u009B2J', shown: '\uFFFD2J'},
	{name: 'C1 OSC (U+009D) title with C1 ST', payload: '\u009D0;x\u009C', shown: '\uFFFD0;x\uFFFD'},
	{name: 'SGR colour + alternate screen leave', payload: `${ESC}[31mred${ESC}[?1049l`, shown: '␛[31mred␛[?1049l'},
	{name: 'bidi override makes text read backwards', payload: 'abc\u202Edef\u202C', shown: 'abcdef'},
	{name: 'bidi isolates', payload: '\u2066x\u2069\u2067y\u2069\u2068z\u2069', shown: 'xyz'},
	{name: 'backspace overwrite trick', payload: 'rm\b\b\bsafe', shown: 'rm␈␈␈safe'},
	{name: 'BEL rings the bell', payload: `ding${BEL}`, shown: 'ding␇'},
	{name: 'DEL', payload: 'a\u007Fb', shown: 'a␡b'},
	{name: 'NUL and other C0', payload: 'a\u0000b\u0001c\u001Fd', shown: 'a␀b␁c␟d'},
	{name: 'zero-width and format characters in a word', payload: 'Br\u200Bea\u2060ki\uFEFFng\u00AD', shown: 'Breaking'},
	{name: 'real Hebrew and Arabic text stays', payload: 'שלום مرحبا', shown: 'שלום مرحبا'},
	{name: 'ESC written as an XML/HTML character reference', payload: '&#27;[2J', shown: '␛[2J', alsoOk: '&#27;[2J'},
];

// CR inside a title is a line break → one space; inside HTML it is whitespace anyway.
const crRow: Row = {name: 'CR overwrite trick', payload: 'EVIL PART\rgood', shown: 'EVIL PART good'};

const SLOTS: readonly Slot[] = ['blog-title', 'title', 'author', 'body', 'link-text'];

const collapse = (text: string): string => text.replace(/\s+/g, ' ');

/** Runs one payload through every format and slot; returns a description of each failure. */
function check(row: Row): string[] {
	const problems: string[] = [];
	for (const format of FORMATS) {
		for (const slot of SLOTS) {
			// The entity row is about markup decoding; JSON sources carry no XML entities in titles.
			if (row.payload.startsWith('&#') && (format === 'jsonfeed' || format === 'guardian' || format === 'jsonld') && slot !== 'body' && slot !== 'link-text') continue;
			const where = `${format}/${slot}`;
			let blog;
			try {
				blog = merged(parseFormat(format, feedWith(slot, row.payload)));
			} catch (error) {
				problems.push(`${where}: threw ${String(error)}`);
				continue;
			}
			for (const field of lineFields(blog)) {
				const bad = firstControl(field, LINE_CONTROL);
				if (bad) problems.push(`${where}: one-line field has ${bad}`);
			}
			const out = renderAll(blog);
			for (const [name, text] of [['plain', out.plain], ['json', out.json], ['layout', out.layout.join('\n')]] as const) {
				const bad = firstControl(text, CONTROL);
				if (bad) problems.push(`${where}: ${name} output has ${bad}`);
				// JSON must not smuggle the byte as an escape either: it was sanitised before.
				if (name === 'json' && /\\u00(1b|9b|9d|07)/i.test(text)) problems.push(`${where}: json output carries an escaped control`);
			}
			const entry = blog.entries[0];
			const visible =
				slot === 'blog-title'
					? blog.title
					: slot === 'title'
						? (entry?.title ?? '')
						: slot === 'author'
							? (entry?.authors.join(', ') ?? '')
							: bodyPlainText(entry?.body ?? []);
			const shows = (text: string): boolean => collapse(text).includes(collapse(row.shown)) || (row.alsoOk !== undefined && collapse(text).includes(collapse(row.alsoOk)));
			if (!shows(visible)) problems.push(`${where}: shows ${JSON.stringify(visible)}, expected it to contain ${JSON.stringify(row.shown)}`);
			if (!shows(out.plain)) {
				problems.push(`${where}: --once text lacks ${JSON.stringify(row.shown)}`);
			}
		}
	}
	return problems;
}

describe('terminal injection: every payload × every format × every slot', () => {
	it.each([...rows, crRow].map((row) => [row.name, row] as const))('%s', (_name, row) => {
		expect(check(row)).toEqual([]);
	});
});

describe('terminal injection: links', () => {
	// 'no-link': the text stays, no href at all. 'safe-if-any': dropping the link or
	// percent-encoding the bytes are both fine; a raw byte in an href is not.
	type LinkRow = {name: string; href: string; expected: 'no-link' | 'safe-if-any'};
	const links: readonly LinkRow[] = [
		{name: 'javascript: URL', href: 'javascript:alert(1)', expected: 'no-link'},
		{name: 'JavaScript: with spaces and case', href: '  JaVaScRiPt:alert(1)', expected: 'no-link'},
		{name: 'data: URL', href: 'data:text/html,<script>alert(1)</script>', expected: 'no-link'},
		{name: 'file: URL', href: 'file:///etc/passwd', expected: 'no-link'},
		{name: 'ESC inside an https URL', href: `https://ok.example/a${ESC}]52;c;eA==${BEL}b`, expected: 'safe-if-any'},
		{name: 'C1 CSI inside an https URL', href: 'https://ok.example/\u009B2J', expected: 'safe-if-any'},
		{name: 'bidi override inside an https host', href: 'https://ok.example/\u202Egnp.exe', expected: 'safe-if-any'},
	];

	it.each(links.map((row) => [row.name, row] as const))('%s: hrefs only http(s), printable ASCII, in every format', (_name, row) => {
		const problems: string[] = [];
		for (const format of FORMATS) {
			const blog = merged(parseFormat(format, feedWith('link-href', row.href)));
			const hrefs = renderAll(blog).lines.flatMap((line) => line.flatMap((segment) => (segment.href === undefined ? [] : [segment.href])));
			const inlineHrefs = (blog.entries[0]?.body ?? []).flatMap((block) =>
				'inlines' in block ? block.inlines.flatMap((inline) => (inline.kind === 'link' ? [inline.href] : [])) : [],
			);
			for (const href of [...hrefs, ...inlineHrefs]) {
				if (!/^https?:\/\/[\x21-\x7e]+$/.test(href)) problems.push(`${format}: unsafe href ${JSON.stringify(href)}`);
			}
			if (row.expected === 'no-link') {
				if (inlineHrefs.length > 0) problems.push(`${format}: made a link of ${JSON.stringify(inlineHrefs)}`);
				if (!bodyPlainText(blog.entries[0]?.body ?? []).includes('the link')) problems.push(`${format}: link text lost`);
			} else if (inlineHrefs.some((href) => !href.startsWith('https://ok.example/'))) {
				problems.push(`${format}: href ${JSON.stringify(inlineHrefs)} is not the page it named`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('o never opens a non-http(s) URL and passes the URL as one argument, without a shell', () => {
		const calls: {command: string; args: string[]}[] = [];
		const spawner = (command: string, args: string[]) => {
			calls.push({command, args});
			return {on: () => undefined, unref: () => undefined};
		};
		expect(openLink('javascript:alert(1)', spawner, 'linux')).toBeNull();
		expect(openLink('file:///etc/passwd', spawner, 'linux')).toBeNull();
		expect(openLink('https://ok.example/a b;rm -rf ~', spawner, 'linux')).toBe('https://ok.example/a%20b;rm%20-rf%20~');
		expect(calls).toEqual([{command: 'xdg-open', args: ['https://ok.example/a%20b;rm%20-rf%20~']}]);
	});
});

describe('terminal injection: the program\'s own sequences carry no feed bytes', () => {
	const hostile = `Storm ${ESC}]52;c;aGk=${BEL}\u009B2J${ESC}\\ ; live`;

	it('OSC 2 title: one ESC]2; opener, one BEL closer, nothing else below 0x20 or in C1', () => {
		const sequence = titleSequence(hostile);
		expect(sequence.startsWith(`${ESC}]2;`)).toBe(true);
		expect(sequence.endsWith(BEL)).toBe(true);
		const inner = sequence.slice(4, -1);
		expect(firstControl(inner, LINE_CONTROL)).toBeNull();
		expect(inner).not.toContain(';');
	});

	it('OSC 52 copy: the payload travels base64-encoded only', () => {
		const sequence = clipboardSequence(hostile);
		expect(sequence).toMatch(/^\u001B\]52;c;[A-Za-z0-9+/=]*\u0007$/);
		expect(Buffer.from(sequence.slice(7, -1), 'base64').toString('utf8')).toBe(hostile);
	});

	it('OSC 777/9 notifications: exactly two sequences, no feed control bytes inside', () => {
		const sequence = notifySequences(hostile, hostile);
		expect(sequence.split(ESC).length - 1).toBe(2);
		expect(sequence.split(BEL).length - 1).toBe(2);
		expect(firstControl(sequence.replace(/^\u001B\]777;notify;|\u0007\u001B\]9;|\u0007$/g, ''), LINE_CONTROL)).toBeNull();
	});

	it('HTTP status text: describeFailure shows escapes as text', () => {
		const line = describeFailure({kind: 'http', status: 503, statusText: `Busy ${ESC}]52;c;aGk=${BEL}\u009B2J\r\nX`, host: 'news.example'});
		expect(line).toBe('HTTP 503 Busy ␛]52;c;aGk=␇\uFFFD2J X from news.example');
	});
});

describe.skipIf(!cliBuilt())('terminal injection: the built CLI on a pipe (--once, --json, follow)', {concurrent: true, timeout: 40_000}, () => {
	let server: FeedServer;
	// Made in beforeAll so a skipped block leaves no directory behind.
	let home: ReturnType<typeof tempHome>;
	const injected = [
		`${ESC}]52;c;cm0gLXJmIH4=${BEL}`,
		`${ESC}[2J${ESC}[H`,
		`${ESC}]0;pwned${BEL}`,
		`${ESC}Ptmux;${ESC}${ESC}]52;c;aGk=${BEL}${ST}`,
		'\u009B2J',
		'abc\u202Edef',
		'rm\b\b\bsafe',
	].join(' ');
	const first = rssFeed({
		title: `Blog ${injected}`,
		items: [
			{id: 'a', title: `Title ${injected}`, author: `Author ${injected}`, html: `<p>Body ${injected}</p><p><a href="javascript:alert(1)">link ${injected}</a></p>`},
		],
	});
	const second = rssFeed({
		title: `Blog ${injected}`,
		items: [
			{id: 'b', title: `Second ${injected}`, date: 'Sun, 01 Mar 2026 11:00:00 GMT', html: `<p>New ${injected}</p>`},
			{id: 'a', title: `Title ${injected}`, author: `Author ${injected}`, html: `<p>Body ${injected}</p><p><a href="javascript:alert(1)">link ${injected}</a></p>`},
		],
	});

	beforeAll(async () => {
		home = tempHome();
		server = await startFeedServer();
		server.route('/feed.xml', {body: first, headers: {'content-type': 'application/rss+xml'}});
		server.route('/second.xml', {body: first, headers: {'content-type': 'application/rss+xml'}}, {body: second, headers: {'content-type': 'application/rss+xml'}});
		server.route('/status', (_req, res) => {
			// writeHead refuses control bytes in a reason phrase; a hostile server does not.
			res.socket!.end(`HTTP/1.1 503 Busy ${ESC}]52;c;cHduZWQ=${BEL}${ESC}[2J\u009B\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, 'latin1');
		});
	});
	afterAll(async () => {
		await server.close();
		home.remove();
	});

	it('--once: exit 0, stdout has no control byte but \\n, and shows ␛]52;…', async () => {
		const run = await runCli(['--once', '--no-state', server.url('/feed.xml')], {env: home.env});
		expect(run.stderr.toString()).toBe('');
		expect(run.code).toBe(0);
		expect(controlBytes(run.stdout)).toEqual([]);
		const text = collapse(run.stdout.toString('utf8'));
		expect(text).toContain('Title ␛]52;c;cm0gLXJmIH4=␇ ␛[2J␛[H ␛]0;pwned␇ ␛Ptmux;␛␛]52;c;aGk=␇␛\\ \uFFFD2J abcdef rm␈␈␈safe');
		expect(text).toContain('Blog ␛]52;c;');
		expect(text).not.toContain('javascript:');
	});

	it('--json --once: every line parses, no raw or escaped control in it, text shows ␛', async () => {
		const run = await runCli(['--json', '--once', '--no-state', server.url('/feed.xml')], {env: home.env});
		expect(run.code).toBe(0);
		expect(controlBytes(run.stdout)).toEqual([]);
		const lines = run.stdout.toString('utf8').trim().split('\n');
		expect(lines).toHaveLength(2);
		for (const line of lines) expect(line).not.toMatch(/\\u00(1b|07|08|9b)|\\u202e/i);
		const entry = JSON.parse(lines[1]!) as {title: string; authors: string[]; text: string};
		expect(entry.title).toContain('␛]52;c;cm0gLXJmIH4=␇');
		expect(entry.authors[0]).toContain('␛[2J');
		expect(entry.text).toContain('Body ␛]52;c;');
	});

	it('follow mode on a pipe: the initial blog and the new post arrive, never a control byte', async () => {
		let seen = '';
		const run = await runCli(['--interval', '1', '--no-state', server.url('/second.xml')], {
			env: home.env,
			timeoutMs: 20_000,
			onSpawn: (child) => {
				child.stdout!.on('data', (chunk: Buffer) => {
					seen += chunk.toString('utf8');
					if (seen.includes('New ␛]52')) child.kill('SIGTERM');
				});
			},
		});
		expect(run.timedOut).toBe(false);
		expect(controlBytes(run.stdout)).toEqual([]);
		const text = collapse(run.stdout.toString('utf8'));
		expect(text).toContain('Title ␛]52;c;cm0gLXJmIH4=␇');
		expect(text).toContain('Second ␛]52;c;cm0gLXJmIH4=␇');
	});

	it('HTTP status text with ESC]52, CSI 2J and a raw 0x9B byte: exit 1, one stderr line showing ␛, no control byte', async () => {
		const run = await runCli(['--once', '--no-state', server.url('/status')], {env: home.env});
		expect(run.code).toBe(1);
		expect(controlBytes(run.stderr)).toEqual([]);
		const text = run.stderr.toString('utf8');
		expect(text.trim().split('\n')).toHaveLength(1);
		expect(text).toContain('503');
		expect(text).toContain('␛]52;c;cHduZWQ=␇␛[2J');
		expect(run.stdout.length).toBe(0);
	});
});

describe('terminal injection: the TUI view draws only its own sequences', () => {
	const injected = `${ESC}]52;c;aGk=${BEL} ${ESC}[2J \u009B2J ${ESC}]8;;javascript:x${BEL}x${ESC}]8;;${BEL} a\u202Eb`;
	const blog = parseFormat('rss', {
		title: `Blog ${injected}`,
		items: [
			{id: 'a', title: `Title ${injected}`, author: `Author ${injected}`, html: `<p>Body ${injected} <a href="https://ok.example/x">safe ${injected}</a> <a href="javascript:alert(1)">bad</a></p>`},
		],
	});
	const next = {at: AT + 30_000, delayMs: 30_000, reason: 'fixed'} as const;

	/** Removes the sequences the app itself writes (SGR, OSC 8 to http(s)); whatever ESC remains came from elsewhere. */
	function withoutOwnSequences(frame: string): string {
		return frame.replace(/\u001B\[[0-9;]*m/g, '').replace(/\u001B\]8;;(?:https?:\/\/[\x21-\x7e]+)?\u0007/g, '');
	}

	it.each([
		['100×30 with sidebar', 100, 30],
		['40×12 folded', 40, 12],
	] as const)('%s: frame has no foreign escape, shows ␛ text, OSC 8 only to https://ok.example/x', (_name, columns, rows) => {
		let state = initialState([{url: 'https://news.example/feed', stored: null}], {columns, rows});
		state = reduce(state, {type: 'poll-succeeded', tab: 0, at: AT, blog, sourceUrl: 'https://news.example/feed', via: null, validators: {}, next});
		// A later poll fails with a hostile reason phrase: the error line must be as clean.
		state = reduce(state, {type: 'poll-failed', tab: 0, at: AT + 1, failure: {kind: 'http', status: 503, statusText: `Busy ${ESC}]0;pwned${BEL}`, host: 'news.example'}, next});
		const view = render(createElement(Screen, {state, now: AT + 60_000, theme: makeTheme('dark', true, true)}), {columns, rows});
		try {
			const raw = view.rawFrame();
			const links = [...raw.matchAll(/\u001B\]8;;([^\u0007]*)\u0007/g)].map((m) => m[1]).filter((href) => href !== '');
			for (const href of links) expect(href).toBe('https://ok.example/x');
			if (columns >= 100) expect(links).toContain('https://ok.example/x');
			const foreign = withoutOwnSequences(raw);
			expect(firstControl(foreign, CONTROL)).toBeNull();
			const text = view.frame();
			expect(text).toContain('␛]52;c;aGk=␇');
			if (columns >= 100) expect(text).toContain('HTTP 503 Busy ␛]0;pwned␇');
		} finally {
			view.unmount();
		}
	});
});

describe('terminal injection: ids', () => {
	it.each(FORMATS.map((format) => [format] as const))('%s: an id full of escapes reaches --json with no raw control and no ESC/C1 even escaped', (format) => {
		const id = `x${ESC}]52;c;aGk=${BEL}\u009B2J\u202Ey`;
		const blog = merged(parseFormat(format, {items: [{id, title: 'T'}]}));
		const json = renderAll(blog).json;
		expect(firstControl(json, CONTROL)).toBeNull();
		const entry = JSON.parse(json.split('\n')[1]!) as {id: string};
		expect(entry.id).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
	});
});
