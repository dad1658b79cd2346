/** The JSON-shaped formats: JSON Feed 1.1, a news page with JSON-LD, a Guardian Content API item. */
import {iso, scriptJson, xmlText} from './escape.js';
import {plainStart} from './html-body.js';
import type {BlogData} from './posts.js';

export function emitJsonFeed(blog: BlogData, selfUrl: string): string {
	return JSON.stringify({
		version: 'https://jsonfeed.org/version/1.1',
		title: blog.title,
		home_page_url: blog.homeUrl,
		feed_url: selfUrl,
		description: blog.description,
		items: blog.posts.map((post) => ({
			id: post.id,
			url: `${blog.homeUrl}?block=${post.id}#${post.id}`,
			...(post.title === null ? {} : {title: post.title}),
			content_html: post.html,
			summary: plainStart(post.html, 160),
			date_published: iso(post.published),
			...(post.updated === null ? {} : {date_modified: iso(post.updated)}),
			authors: [{name: post.author}],
			tags: post.keyEvent ? ['key-event'] : [],
		})),
	});
}

/** A news page carrying a schema.org LiveBlogPosting, inside a plausible amount of page chrome. */
export function emitJsonLdPage(blog: BlogData): string {
	const data = {
		'@context': 'https://schema.org',
		'@graph': [
			{'@type': 'Organization', '@id': 'https://news.example.org/#org', name: 'Example News'},
			{
				'@type': 'LiveBlogPosting',
				'@id': blog.homeUrl,
				headline: blog.title,
				description: blog.description,
				url: blog.homeUrl,
				coverageStartTime: iso(blog.posts.at(-1)?.published ?? 0),
				coverageEndTime: iso((blog.posts[0]?.published ?? 0) + 86_400_000),
				publisher: {'@id': 'https://news.example.org/#org'},
				liveBlogUpdate: blog.posts.map((post) => ({
					'@type': 'BlogPosting',
					'@id': `${blog.homeUrl}#${post.id}`,
					url: `${blog.homeUrl}#${post.id}`,
					headline: post.title ?? plainStart(post.html, 110),
					articleBody: post.html,
					datePublished: iso(post.published),
					dateModified: iso(post.updated ?? post.published),
					author: {'@type': 'Person', name: post.author},
				})),
			},
		],
	};
	const nav = Array.from({length: 40}, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${xmlText(blog.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/site.css">
<script type="application/ld+json">${scriptJson(data)}</script>
<script>window.__CONFIG__ = {"edition":"uk","ads":false};</script>
</head><body><header><nav><ul>${nav}</ul></nav></header>
<main><h1>${xmlText(blog.title)}</h1><div id="liveblog-body">${blog.posts
		.slice(0, 20)
		.map((post) => `<article id="${post.id}">${post.html}</article>`)
		.join('\n')}</div></main>
<footer><p>&copy; Example News</p></footer></body></html>
`;
}

/** A Content API item response with blocks, as `show-blocks=…` returns it (newest first). */
export function emitGuardian(blog: BlogData, contentId: string): string {
	const block = (post: BlogData['posts'][number]) => ({
		id: post.id,
		bodyHtml: post.html,
		bodyTextSummary: plainStart(post.html, 100_000),
		...(post.title === null ? {} : {title: post.title}),
		attributes: {
			...(post.keyEvent ? {keyEvent: true} : {}),
			...(post.pinned ? {pinned: true} : {}),
			...(post.summary ? {summary: true} : {}),
		},
		published: true,
		createdDate: iso(post.published),
		firstPublishedDate: iso(post.published),
		publishedDate: iso(post.published),
		lastModifiedDate: iso(post.updated ?? post.published),
		contributors: [],
		createdBy: {email: 'desk@example.org', firstName: post.author.split(' ')[0], lastName: post.author.split(' ').slice(1).join(' ')},
	});
	return JSON.stringify({
		response: {
			status: 'ok',
			userTier: 'developer',
			total: 1,
			content: {
				id: contentId,
				type: 'liveblog',
				sectionId: 'world',
				sectionName: 'World news',
				webPublicationDate: iso(blog.posts.at(-1)?.published ?? 0),
				webTitle: blog.title,
				webUrl: `https://www.theguardian.com/${contentId}`,
				apiUrl: `https://content.guardianapis.com/${contentId}`,
				fields: {
					headline: blog.title,
					standfirst: `<p>${xmlText(blog.description)}</p>`,
					byline: 'Mara Quill and Owen Tallis',
					liveBloggingNow: String(blog.live),
					lastModified: iso(blog.posts[0]?.published ?? 0),
					shortUrl: 'https://gu.com/p/xxxxx',
				},
				tags: [{id: 'profile/mara-quill', type: 'contributor', webTitle: 'Mara Quill'}],
				blocks: {
					main: {id: 'main', bodyHtml: '<figure class="element-image"><figcaption>The seafront at dawn</figcaption></figure>', attributes: {}},
					body: blog.posts.map(block),
					keyEvents: blog.posts.filter((post) => post.keyEvent).slice(0, 50).map(block),
				},
			},
		},
	});
}
