/**
 * Markdown export. Feed text is escaped so that it cannot turn into markup
 * (a headline starting with `#`, a body with `[x](javascript:…)`); only the
 * links the model holds (http(s), from safeHttpUrl) become Markdown links.
 */
import type {Block, Entry, Inline} from '../model/blog.js';
import {bodyPlainText} from '../model/body-text.js';
import {allEntries, entryMeta, headlineOf, keyEvents, liveWord, provenance, type ExportInput} from './common.js';

export function escapeMarkdown(text: string): string {
	return text
		.replace(/[\\`*_[\]<>|~]/g, ch => `\\${ch}`)
		.replace(/^(\s*)([#+=-])/gm, '$1\\$2')
		.replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

function inlines(list: readonly Inline[]): string {
	return list
		.map(inline => {
			switch (inline.kind) {
				case 'text': {
					const text = escapeMarkdown(inline.text);
					if (text.trim() === '' || inline.style === undefined) return text;
					return inline.style === 'strong' ? `**${text}**` : inline.style === 'emphasis' ? `*${text}*` : `\`${inline.text.replace(/`/g, "'")}\``;
				}
				case 'link':
					return `[${escapeMarkdown(inline.text.trim() === '' ? inline.href : inline.text)}](<${inline.href}>)`;
				case 'break':
					return '  \n';
			}
		})
		.join('')
		.trim();
}

function fence(text: string): string {
	const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(m => m[0].length));
	return '`'.repeat(longest + 1);
}

function block(b: Block): string {
	switch (b.kind) {
		case 'paragraph':
			return inlines(b.inlines);
		case 'heading':
			return `#### ${inlines(b.inlines)}`;
		case 'list-item':
			return `${'  '.repeat(Math.max(0, Math.min(b.depth, 8)))}- ${inlines(b.inlines)}`;
		case 'quote': {
			const text = inlines(b.inlines)
				.split('\n')
				.map(line => `> ${line}`)
				.join('\n');
			return b.cite === undefined || b.cite === '' ? text : `${text}\n>\n> — ${escapeMarkdown(b.cite)}`;
		}
		case 'caption':
			return `*${inlines(b.inlines)}*`;
		case 'preformatted': {
			const f = fence(b.text);
			return `${f}\n${b.text.replace(/\n+$/, '')}\n${f}`;
		}
		case 'rule':
			return '---';
	}
}

function body(entry: Entry): string {
	let out = '';
	let previous: Block['kind'] | null = null;
	for (const b of entry.body) {
		const text = block(b);
		if (text.trim() === '') continue;
		if (previous !== null) out += previous === 'list-item' && b.kind === 'list-item' ? '\n' : '\n\n';
		out += text;
		previous = b.kind;
	}
	return out;
}

function anchor(entry: Entry): string {
	return `entry-${entry.id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

export function exportMarkdown(input: ExportInput): string {
	const {blog} = input;
	const lines: string[] = [`# ${escapeMarkdown(blog.title)}`, ''];
	if (blog.description !== null && blog.description !== '') lines.push(escapeMarkdown(blog.description), '');
	lines.push(`<${blog.homeUrl ?? blog.url}> · ${liveWord(blog)} · ${blog.entries.length} entries  `, `${provenance(input)}`, '');

	const keys = keyEvents(blog);
	lines.push('## Key events', '');
	if (keys.length === 0) lines.push('(none flagged)', '');
	for (const entry of keys) {
		lines.push(`- ${entryMeta(entry).split(' · ')[0]} — [${escapeMarkdown(headlineOf(entry, bodyPlainText(entry.body)))}](#${anchor(entry)})`);
	}
	if (keys.length > 0) lines.push('');

	lines.push('## All entries, oldest first', '');
	for (const entry of allEntries(blog)) {
		lines.push(`<a id="${anchor(entry)}"></a>`, `### ${escapeMarkdown(headlineOf(entry, bodyPlainText(entry.body)))}`, '', `*${escapeMarkdown(entryMeta(entry))}*`, '');
		const text = body(entry);
		if (text !== '') lines.push(text, '');
		if (entry.url !== null) lines.push(`Link: <${entry.url}>`, '');
	}
	return lines.join('\n');
}
