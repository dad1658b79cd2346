/**
 * Realistic live-blog post HTML: paragraphs with links and inline styles,
 * lists, blockquotes (embedded posts), figures with captions, entities, and
 * some CJK and emoji. Raw HTML (not escaped for any container format).
 */
import type {Rng} from './rng.js';
import {emoji, multilingual, objects, people, places, quotes, subjects, tails, verbs} from './words.js';

function sentence(rng: Rng): string {
	const place = rng.pick(places);
	const base = `In ${place}, ${rng.pick(subjects)} ${rng.pick(verbs)} ${rng.pick(objects)}, ${rng.pick(tails)}.`;
	return base.charAt(0).toUpperCase() + base.slice(1);
}

function withInline(rng: Rng, text: string): string {
	// Entities as real feeds carry them: ampersands, curly quotes, dashes, a non-breaking space.
	let out = text.replace(' and ', ' &amp; ').replace(', ', ' &#8212; ');
	if (rng.chance(0.3)) out = out.replace(/\.$/, ` &#8220;${rng.pick(['very serious', 'under control', 'a long night'])}&#8221;.`);
	if (rng.chance(0.35)) {
		const slug = rng.pick(places).toLowerCase().replace(/[^a-z]+/g, '-');
		out += ` <a href="https://news.example.org/storm/${slug}?ref=live&amp;src=${rng.int(1, 999)}">Read the full report</a>.`;
	}
	if (rng.chance(0.25)) out = out.replace(/^(\S+ \S+)/, '<strong>$1</strong>');
	if (rng.chance(0.15)) out += `&nbsp;${rng.pick(emoji)}`;
	return out;
}

function paragraph(rng: Rng): string {
	const parts: string[] = [];
	const count = rng.int(1, 3);
	for (let i = 0; i < count; i++) parts.push(withInline(rng, sentence(rng)));
	if (rng.chance(0.08)) parts.push(rng.pick(multilingual));
	return `<p>${parts.join(' ')}</p>`;
}

function list(rng: Rng): string {
	const items: string[] = [];
	const count = rng.int(2, 4);
	for (let i = 0; i < count; i++) items.push(`<li>${rng.pick(objects)} in ${rng.pick(places)}</li>`);
	return rng.chance(0.5) ? `<ul>${items.join('')}</ul>` : `<ol>${items.join('')}</ol>`;
}

function blockquote(rng: Rng): string {
	const who = rng.pick(people);
	return `<blockquote class="embedded-post"><p>&#8220;${rng.pick(quotes)}&#8221;</p><footer>&#8212; ${who} (@${who.split(' ').pop()!.toLowerCase()}) <a href="https://social.example.net/@${rng.int(100, 999)}/${rng.int(10000, 99999)}">${rng.int(1, 28)} November</a></footer></blockquote>`;
}

function figure(rng: Rng): string {
	const place = rng.pick(places);
	return `<figure class="element-image"><img src="https://img.example.org/storm/${rng.int(1000, 9999)}.jpg" alt="Waves over the front at ${place}" width="1200" height="800"><figcaption>Waves break over the promenade in ${place}. Photograph: ${rng.pick(['Staff', 'Reader submission', 'Agency pool'])}</figcaption></figure>`;
}

/** About `targetBytes` of HTML (a little over, never much under). */
export function postHtml(rng: Rng, targetBytes: number): string {
	const blocks: string[] = [paragraph(rng)];
	let size = blocks[0]!.length;
	while (size < targetBytes) {
		const roll = rng.next();
		const block = roll < 0.6 ? paragraph(rng) : roll < 0.75 ? list(rng) : roll < 0.88 ? blockquote(rng) : figure(rng);
		blocks.push(block);
		size += block.length;
	}
	return blocks.join('\n');
}

/** A plain first sentence for untitled posts' RSS <title> (real feeds truncate the body). */
export function plainStart(html: string, max: number): string {
	const text = html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&#8212;/g, '—')
		.replace(/&#822[01];/g, '"')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
