/** A small RSS 2.0 writer for CLI tests: our own text, scripted per poll. */
export type Item = {
	readonly guid: string;
	readonly title?: string;
	readonly minute: number;
	readonly author?: string;
	readonly html: string;
};

/** 2026-11-28 10:<minute> UTC */
export function at(minute: number): Date {
	return new Date(Date.UTC(2026, 10, 28, 10, minute));
}

function esc(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function rss(title: string, items: readonly Item[]): string {
	const body = [...items]
		.sort((a, b) => b.minute - a.minute)
		.map(
			item => `<item>${item.title === undefined ? '' : `<title>${esc(item.title)}</title>`}
<link>https://example.org/live#${item.guid}</link>
<guid isPermaLink="false">${item.guid}</guid>
<pubDate>${at(item.minute).toUTCString()}</pubDate>
${item.author === undefined ? '' : `<dc:creator>${esc(item.author)}</dc:creator>`}
<content:encoded><![CDATA[${item.html}]]></content:encoded>
</item>`,
		)
		.join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${esc(title)}</title><link>https://example.org/live</link><description>Test blog</description>
${body}
</channel></rss>`;
}

export const itemA: Item = {guid: 'a', title: 'Bridge closes to traffic', minute: 1, author: 'Ana Ruiz', html: '<p>The Selvin bridge is closed in both directions.</p>'};
export const itemB: Item = {guid: 'b', minute: 2, author: 'Ben Ode', html: '<p>Queues are building on the coast road.</p><ul><li>Use the ring road</li><li>Expect delays</li></ul>'};
export const itemC: Item = {guid: 'c', title: 'Bridge reopens', minute: 3, author: 'Ana Ruiz', html: '<p>Engineers have cleared the bridge and it is open again.</p>'};
export const itemAEdited: Item = {...itemA, html: '<p>The Selvin bridge is closed in both directions after a lorry overturned.</p>'};
