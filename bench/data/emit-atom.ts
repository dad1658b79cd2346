import {iso, xmlAttr, xmlText} from './escape.js';
import {feedTitle, type BlogData} from './posts.js';

/** Atom 1.0 with entity-escaped `type="html"` content. */
export function emitAtom(blog: BlogData, selfUrl: string): string {
	const entries = blog.posts.map(
		(post) => `<entry>
<id>tag:news.example.org,2026:${post.id}</id>
<title type="text">${xmlText(feedTitle(post))}</title>
<link rel="alternate" type="text/html" href="${xmlAttr(`${blog.homeUrl}?block=${post.id}#${post.id}`)}"/>
<published>${iso(post.published)}</published>
<updated>${iso(post.updated ?? post.published)}</updated>
<author><name>${xmlText(post.author)}</name></author>
<content type="html">${xmlText(post.html)}</content>
</entry>`,
	);
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<id>tag:news.example.org,2026:storm-live</id>
<title>${xmlText(blog.title)}</title>
<subtitle>${xmlText(blog.description)}</subtitle>
<link rel="alternate" type="text/html" href="${xmlAttr(blog.homeUrl)}"/>
<link rel="self" type="application/atom+xml" href="${xmlAttr(selfUrl)}"/>
<updated>${iso(blog.posts[0]?.published ?? 0)}</updated>
${entries.join('\n')}
</feed>
`;
}
