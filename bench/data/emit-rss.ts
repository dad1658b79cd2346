import {cdata, xmlText} from './escape.js';
import {plainStart} from './html-body.js';
import {feedTitle, type BlogData} from './posts.js';

/** RSS 2.0 with content:encoded in CDATA and an escaped description, as most live-blog feeds. */
export function emitRss(blog: BlogData, selfUrl: string): string {
	const items = blog.posts.map(
		(post) => `<item>
<title>${xmlText(feedTitle(post))}</title>
<link>${xmlText(`${blog.homeUrl}?block=${post.id}#${post.id}`)}</link>
<guid isPermaLink="false">${post.id}</guid>
<pubDate>${new Date(post.published).toUTCString()}</pubDate>
<dc:creator>${cdata(post.author)}</dc:creator>
<category>Storm Halvard</category>
<description>${xmlText(plainStart(post.html, 200))}</description>
<content:encoded>${cdata(post.html)}</content:encoded>
</item>`,
	);
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xmlText(blog.title)}</title>
<link>${xmlText(blog.homeUrl)}</link>
<atom:link href="${xmlText(selfUrl)}" rel="self" type="application/rss+xml"/>
<description>${xmlText(blog.description)}</description>
<language>en-gb</language>
<ttl>1</ttl>
<lastBuildDate>${new Date(blog.posts[0]?.published ?? 0).toUTCString()}</lastBuildDate>
${items.join('\n')}
</channel>
</rss>
`;
}
