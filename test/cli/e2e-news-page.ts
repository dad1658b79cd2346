/**
 * A news page with a schema.org LiveBlogPosting for end-to-end CLI tests,
 * built afresh from a mutable page on every request so the test can add, edit
 * and delete posts between polls. The posting sits inside `@graph`, next to
 * the WebPage it belongs to, as publishers' SEO plugins write it; the page
 * also carries an unrelated Organization script, one script that cannot be
 * read (cut off mid-object), and a link to a site-wide RSS feed that the
 * server does not serve, so a reader that followed it instead of using the
 * JSON-LD would fail.
 *
 * The text is our own: a fictional warehouse fire on a made-up quay.
 */
import {startFeedServer} from '../helpers/feed-server.js';

export type LiveUpdate = {
	/** The fragment of the update's `@id` (`<page>#<fragment>`). */
	readonly fragment: string;
	readonly headline?: string;
	articleBody: string;
	readonly published: number;
	modified?: number;
	readonly author: string | {readonly name: string} | readonly {readonly name: string}[];
};

export type NewsPage = {
	readonly path: string;
	readonly headline: string;
	readonly description: string;
	readonly coverageStart: number;
	/** Any order; the page lists them newest first. */
	updates: LiveUpdate[];
};

export type NewsPageServer = {
	readonly url: string;
	/** Requests for the page so far. */
	hits(): number;
	close(): Promise<void>;
};

/** 2026-11-28 <hour>:<minute> UTC, in ms. */
export function utc(hour: number, minute: number): number {
	return Date.UTC(2026, 10, 28, hour, minute);
}

function iso(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** JSON for inside <script>: `</` written as `<\/` (still the same JSON string) so no body can close the script. */
function scriptJson(value: unknown): string {
	return JSON.stringify(value, null, 1).replace(/<\//g, '<\\/');
}

function authorJson(author: LiveUpdate['author']): unknown {
	if (typeof author === 'string') return author;
	if (Array.isArray(author)) return author.map((person: {name: string}) => ({'@type': 'Person', name: person.name}));
	return {'@type': 'Person', ...author};
}

export function newsPageHtml(page: NewsPage, pageUrl: string): string {
	const updates = [...page.updates]
		.sort((a, b) => b.published - a.published)
		.map(update => ({
			'@type': 'BlogPosting',
			'@id': `${pageUrl}#${update.fragment}`,
			url: `${pageUrl}#${update.fragment}`,
			...(update.headline === undefined ? {} : {headline: update.headline}),
			articleBody: update.articleBody,
			datePublished: iso(update.published),
			...(update.modified === undefined ? {} : {dateModified: iso(update.modified)}),
			author: authorJson(update.author),
		}));
	const graph = {
		'@context': 'https://schema.org',
		'@graph': [
			{'@type': 'WebPage', '@id': pageUrl, url: pageUrl, name: page.headline, inLanguage: 'en-GB'},
			{
				'@type': 'LiveBlogPosting',
				'@id': `${pageUrl}#liveblog`,
				mainEntityOfPage: {'@id': pageUrl},
				url: pageUrl,
				headline: page.headline,
				description: page.description,
				coverageStartTime: iso(page.coverageStart),
				publisher: {'@id': 'https://example.org/#org'},
				liveBlogUpdate: updates,
			},
		],
	};
	const organization = {'@context': 'https://schema.org', '@type': 'NewsMediaOrganization', '@id': 'https://example.org/#org', name: 'The Estuary Courier'};
	return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${page.headline} | The Estuary Courier</title>
<link rel="alternate" type="application/rss+xml" title="The Estuary Courier: all news" href="/feeds/all.xml">
<script type="application/ld+json">${scriptJson(organization)}</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "</script>
<script type="application/ld+json">${scriptJson(graph)}</script>
</head>
<body>
<header><a href="/">The Estuary Courier</a></header>
<main>
<h1>${page.headline}</h1>
<p class="standfirst">${page.description}</p>
<div class="live-posts">(posts are rendered by script)</div>
</main>
</body>
</html>
`;
}

/** Serves `page` as text/html at its path; everything else is a 404. */
export async function startNewsPage(page: NewsPage): Promise<NewsPageServer> {
	const server = await startFeedServer();
	const url = server.url(page.path);
	server.route(page.path, (_req, res) => {
		const body = newsPageHtml(page, url);
		res.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(body))});
		res.end(body);
	});
	return {url, hits: () => server.hits(page.path), close: () => server.close()};
}

/** The page every JSON-LD end-to-end test starts from: three posts. */
export function quayFirePage(): NewsPage {
	return {
		path: '/news/2026/nov/28/pellow-quay-warehouse-fire-live',
		headline: 'Pellow Quay warehouse fire: live updates',
		description: 'Crews tackle a fire at a riverside warehouse; nearby homes told to keep windows shut.',
		coverageStart: utc(8, 55),
		updates: [
			{
				fragment: 'post-101',
				// A headline that is only the start of the body, as many CMSs write it: not a key event.
				headline: 'Fire crews were called to a warehouse on Pellow Quay…',
				articleBody: '<p>Fire crews were called to a warehouse on Pellow Quay shortly before 9am, the county fire service says.</p>',
				published: utc(9, 0),
				author: {name: 'Ines Okafor'},
			},
			{
				fragment: 'post-102',
				headline: 'Residents told to keep windows closed',
				articleBody: '<p>People living within half a mile of the quay are asked to keep <strong>doors and windows</strong> shut because of the smoke.</p>',
				published: utc(9, 20),
				author: [{name: 'Ines Okafor'}, {name: 'Dev Marsh'}],
			},
			{
				fragment: 'post-103',
				articleBody: '<p>Buses on the river road are being diverted along Tanner Street until further notice.</p>',
				published: utc(9, 35),
				author: 'Dev Marsh',
			},
		],
	};
}
