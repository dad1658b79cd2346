/**
 * HTML export: one self-contained page. Everything from the feed is escaped;
 * links are only the model's http(s) hrefs, and the page carries a CSP that
 * allows no scripts, so an archived blog cannot run anything when opened.
 */
import type {Block, Entry, Inline} from '../model/blog.js';
import {bodyPlainText} from '../model/body-text.js';
import {allEntries, entryMeta, headlineOf, keyEvents, liveWord, provenance, type ExportInput} from './common.js';

export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function inlines(list: readonly Inline[]): string {
	return list
		.map(inline => {
			switch (inline.kind) {
				case 'text': {
					const text = escapeHtml(inline.text);
					if (inline.style === 'strong') return `<strong>${text}</strong>`;
					if (inline.style === 'emphasis') return `<em>${text}</em>`;
					if (inline.style === 'code') return `<code>${text}</code>`;
					return text;
				}
				case 'link':
					return `<a href="${escapeHtml(inline.href)}" rel="noopener noreferrer">${escapeHtml(inline.text.trim() === '' ? inline.href : inline.text)}</a>`;
				case 'break':
					return '<br>';
			}
		})
		.join('');
}

function block(b: Block): string {
	switch (b.kind) {
		case 'paragraph':
			return `<p>${inlines(b.inlines)}</p>`;
		case 'heading':
			return `<h4>${inlines(b.inlines)}</h4>`;
		case 'list-item':
			return `<p class="li" style="margin-left:${Math.min(b.depth, 8) * 1.5}em">${escapeHtml(b.marker)} ${inlines(b.inlines)}</p>`;
		case 'quote': {
			const cite = b.cite === undefined || b.cite === '' ? '' : `<footer>— ${escapeHtml(b.cite)}</footer>`;
			return `<blockquote><p>${inlines(b.inlines)}</p>${cite}</blockquote>`;
		}
		case 'caption':
			return `<p class="caption">${inlines(b.inlines)}</p>`;
		case 'preformatted':
			return `<pre>${escapeHtml(b.text)}</pre>`;
		case 'rule':
			return '<hr>';
	}
}

function anchor(entry: Entry): string {
	return `entry-${entry.id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function article(entry: Entry): string {
	const link = entry.url === null ? '' : `\n<p class="link"><a href="${escapeHtml(entry.url)}" rel="noopener noreferrer">${escapeHtml(entry.url)}</a></p>`;
	const classes = ['entry', entry.keyEvent || entry.summary ? 'key-event' : '', entry.pinned ? 'pinned' : ''].filter(c => c !== '').join(' ');
	return `<article id="${anchor(entry)}" class="${classes}">
<h3>${escapeHtml(headlineOf(entry, bodyPlainText(entry.body)))}</h3>
<p class="meta">${escapeHtml(entryMeta(entry))}</p>
${entry.body.map(block).join('\n')}${link}
</article>`;
}

const style = `body{font:16px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em}
.meta{color:#666;font-size:.9em}.key-event h3::before{content:"● ";color:#c00}
article{border-top:1px solid #ddd;padding-top:.5em}blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1em}
.caption{font-style:italic;color:#555}.li{margin:.2em 0}`;

export function exportHtml(input: ExportInput): string {
	const {blog} = input;
	const keys = keyEvents(blog);
	const keyList =
		keys.length === 0
			? '<p>(none flagged)</p>'
			: `<ul>\n${keys.map(entry => `<li>${escapeHtml(entryMeta(entry).split(' · ')[0] ?? '')} — <a href="#${anchor(entry)}">${escapeHtml(headlineOf(entry, bodyPlainText(entry.body)))}</a></li>`).join('\n')}\n</ul>`;
	const description = blog.description === null || blog.description === '' ? '' : `\n<p>${escapeHtml(blog.description)}</p>`;
	const home = blog.homeUrl ?? blog.url;
	const homeLink = /^https?:/.test(home) ? `<a href="${escapeHtml(home)}">${escapeHtml(home)}</a>` : escapeHtml(home);
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(blog.title)}</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>${escapeHtml(blog.title)}</h1>${description}
<p class="meta">${homeLink} · ${liveWord(blog)} · ${blog.entries.length} entries<br>${escapeHtml(provenance(input))}</p>
</header>
<section>
<h2>Key events</h2>
${keyList}
</section>
<section>
<h2>All entries, oldest first</h2>
${allEntries(blog).map(article).join('\n')}
</section>
</body>
</html>
`;
}
