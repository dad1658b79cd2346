/**
 * The streaming HTML → Block[] converter behind htmlToBody: it receives
 * htmlparser2's events and keeps a stack of frames, each carrying what its
 * ancestors imply (list depth, quote, figure, link, style, dropped).
 */
import type {Block, Inline} from '../model/blog.js';
import {MAX_BODY_CHARS, ownText, safeHttpUrl, sanitizeBody, type SafeText} from '../text/sanitize.js';
import {comparable, inlinesText, isBoilerplate, lineOf, settleInlines, type RawInline, type TextStyle} from './html-inlines.js';
import {DROPPED, MAX_DEPTH} from './html-parser.js';

/** The converter's own frames; only reached if the parser's bound fails. */
const MAX_FRAMES = 4 * MAX_DEPTH;
const MAX_LIST_DEPTH = 8;

const BLOCKS = new Set([
	'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li',
	'dl', 'dt', 'dd', 'blockquote', 'figure', 'figcaption', 'pre', 'hr', 'table', 'tr', 'thead', 'tbody', 'tfoot',
	'caption', 'details', 'summary', 'address', 'center', 'body', 'html', 'menu',
]);
const STYLES: Readonly<Record<string, TextStyle>> = {
	strong: 'strong', b: 'strong', em: 'emphasis', i: 'emphasis', code: 'code', kbd: 'code', samp: 'code', tt: 'code',
};
/** Class names of promo furniture that sometimes sits inside a post's HTML. */
const PROMO_CLASS = /^(?:.*[-_])?(?:related|read-?more|newsletter|sign-?up|advert|advertisement|ad-?slot)(?:[-_].*)?$/i;
/** Embedded social posts: their trailing text names the author. */
const EMBED_CLASS = /\b(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|reddit-embed-bq|text-post-media|fb-xfbml-parse-ignore)\b/i;
const BULLETS = ['•', '◦', '▪'] as const;

type ListState = {ordered: boolean; next: number; depth: number};
type ItemState = {depth: number; marker: SafeText; used: boolean};
type CitePart = {text: string; link: LinkState | null};
type QuoteState = {embed: boolean; startIndex: number; cite: CitePart[]};
type FigureState = {startIndex: number; alts: string[]};
type LinkState = {href: string | null; text: string};
type BlockKind = 'paragraph' | 'heading' | 'caption' | 'list-item' | 'quote' | 'pre';

type Frame = {
	readonly name: string;
	readonly drop: boolean;
	readonly block: BlockKind;
	readonly list: ListState | null;
	readonly item: ItemState | null;
	readonly quote: QuoteState | null;
	readonly figure: FigureState | null;
	readonly style: TextStyle | undefined;
	readonly link: LinkState | null;
	/** Text here names the quote's author rather than being quoted. */
	readonly cite: boolean;
};

const ROOT: Frame = {
	name: '#root', drop: false, block: 'paragraph', list: null, item: null, quote: null, figure: null, style: undefined, link: null, cite: false,
};

/** inlinesText(inlines).length without building the string. */
function inlinesLength(inlines: readonly Inline[]): number {
	let length = 0;
	for (const inline of inlines) length += inline.kind === 'break' ? 1 : inline.text.length;
	return length;
}

function isPromo(attribs: Readonly<Record<string, string>>): boolean {
	if (attribs['hidden'] !== undefined || attribs['aria-hidden'] === 'true') return true;
	const classes = attribs['class'];
	return classes !== undefined && classes.split(/\s+/).some((token) => PROMO_CLASS.test(token));
}

export class Converter {
	readonly blocks: Block[] = [];
	private readonly stack: Frame[] = [ROOT];
	private overflow = 0;
	private pending: RawInline[] = [];
	private pendingFrame: Frame = ROOT;
	private pre = '';
	private emitted = 0;
	stopped = false;

	constructor(private readonly baseUrl: string | null) {}

	private get top(): Frame {
		return this.stack[this.stack.length - 1] ?? ROOT;
	}

	open(name: string, attribs: Readonly<Record<string, string>>): void {
		if (this.stopped) return;
		if (this.stack.length >= MAX_FRAMES) {
			this.overflow++;
			return;
		}
		const parent = this.top;
		if (parent.drop || DROPPED.has(name) || isPromo(attribs)) {
			this.stack.push({...parent, name, drop: true});
			return;
		}
		if (BLOCKS.has(name) && !parent.cite) this.flush();
		const frame = this.frameFor(name, attribs, parent);
		this.stack.push(frame);
		if (name === 'br') this.lineBreak(frame);
		else if (name === 'hr') this.rule();
		else if (name === 'img') this.image(attribs, frame);
		else if ((name === 'td' || name === 'th') && this.pending.length > 0) this.append(frame, ' | ');
	}

	private frameFor(name: string, attribs: Readonly<Record<string, string>>, parent: Frame): Frame {
		switch (name) {
			case 'ul':
			case 'ol':
			case 'menu': {
				const depth = parent.list === null ? 0 : Math.min(parent.list.depth + 1, MAX_LIST_DEPTH);
				const start = Number.parseInt(attribs['start'] ?? '1', 10);
				return {...parent, name, list: {ordered: name === 'ol', next: Number.isFinite(start) ? start : 1, depth}};
			}
			case 'li': {
				const list = parent.list;
				const depth = list?.depth ?? 0;
				let marker: SafeText = ownText(BULLETS[Math.min(depth, BULLETS.length - 1)] ?? '•');
				if (list?.ordered) {
					const value = Number.parseInt(attribs['value'] ?? '', 10);
					const n = Number.isFinite(value) ? value : list.next;
					list.next = n + 1;
					marker = ownText(`${n}.`);
				}
				return {...parent, name, block: 'list-item', item: {depth, marker, used: false}, cite: false};
			}
			case 'blockquote': {
				const embed = EMBED_CLASS.test(attribs['class'] ?? '');
				return {...parent, name, block: 'quote', quote: {embed, startIndex: this.blocks.length, cite: []}, cite: embed};
			}
			case 'figure':
				return {...parent, name, figure: {startIndex: this.blocks.length, alts: []}};
			case 'figcaption':
				return {...parent, name, block: 'caption'};
			case 'pre':
				return {...parent, name, block: 'pre'};
			case 'a': {
				if (parent.link !== null) return {...parent, name};
				const href = safeHttpUrl(attribs['href'], this.baseUrl);
				return {...parent, name, link: {href, text: ''}};
			}
			case 'footer':
			case 'cite':
				// Inside a quote (and not inside its paragraphs), these name who said it.
				if (parent.quote !== null && (parent.cite || parent.name === 'blockquote')) return {...parent, name, cite: true};
				return name === 'cite' ? {...parent, name, style: 'emphasis'} : {...parent, name};
			default: {
				if (/^h[1-6]$/.test(name)) return {...parent, name, block: 'heading', cite: false};
				const style = STYLES[name];
				if (style !== undefined) return {...parent, name, style};
				if (parent.cite && parent.quote?.embed && BLOCKS.has(name)) return {...parent, name, cite: false};
				return {...parent, name};
			}
		}
	}

	close(name: string): void {
		if (this.stopped) return;
		if (this.overflow > 0) {
			this.overflow--;
			return;
		}
		const frame = this.top;
		if (this.stack.length <= 1) return;
		if (!frame.drop) {
			if (BLOCKS.has(name) && !frame.cite) this.flush();
			if (name === 'a' && frame.link !== null && this.stack[this.stack.length - 2]?.link === null) this.closeLink(frame);
			if (name === 'blockquote' && frame.quote !== null) this.closeQuote(frame.quote);
			if (name === 'figure' && frame.figure !== null) this.closeFigure(frame.figure);
		}
		this.stack.pop();
	}

	text(data: string): void {
		if (this.stopped) return;
		const frame = this.top;
		if (frame.drop) return;
		if (frame.cite && frame.quote !== null) {
			const parts = frame.quote.cite;
			if (frame.link !== null) frame.link.text += data;
			else parts.push({text: data, link: null});
			return;
		}
		this.append(frame, data);
	}

	private append(frame: Frame, data: string): void {
		if (this.pending.length === 0) this.pendingFrame = frame;
		if (frame.block === 'pre') {
			this.pre += data;
			return;
		}
		const last = this.pending.at(-1);
		if (frame.link !== null && frame.link.href !== null) {
			if (last?.kind === 'link' && last.owner === frame.link) last.raw += data;
			else this.pending.push({kind: 'link', raw: data, href: frame.link.href, owner: frame.link});
		} else if (last?.kind === 'text' && last.style === frame.style) {
			last.raw += data;
		} else {
			this.pending.push({kind: 'text', raw: data, style: frame.style});
		}
	}

	private closeLink(frame: Frame): void {
		// A link inside a quote's author line is kept as a cite part (the tweet's date link).
		if (frame.cite && frame.quote !== null && frame.link !== null) frame.quote.cite.push({text: '', link: frame.link});
	}

	private lineBreak(frame: Frame): void {
		if (frame.cite && frame.quote !== null) {
			frame.quote.cite.push({text: ' ', link: null});
		} else if (frame.block === 'pre') {
			if (this.pending.length === 0 && this.pre === '') this.pendingFrame = frame;
			this.pre += '\n';
		} else if (this.pending.length > 0) {
			this.pending.push({kind: 'break'});
		}
	}

	private rule(): void {
		if (this.blocks.length > 0 && this.blocks.at(-1)?.kind !== 'rule') this.blocks.push({kind: 'rule'});
	}

	private image(attribs: Readonly<Record<string, string>>, frame: Frame): void {
		const alt = (attribs['alt'] ?? '').trim();
		if (alt === '') return;
		if (frame.figure !== null && frame.block !== 'caption') {
			frame.figure.alts.push(alt);
		} else if (/\bemoji\b/i.test(attribs['class'] ?? '') || [...alt].length <= 2) {
			this.append(frame, alt);
		} else {
			this.flush();
			this.emit({kind: 'caption', inlines: settleInlines([{kind: 'text', raw: alt, style: undefined}])});
		}
	}

	private closeQuote(quote: QuoteState): void {
		let dateLink: Inline | null = null;
		let author = '';
		const parts = quote.cite;
		const lastDated = quote.embed ? parts.findLastIndex((part) => part.link !== null && /\d/.test(part.link.text)) : -1;
		parts.forEach((part, index) => {
			if (index === lastDated && part.link?.href) {
				dateLink = {kind: 'link', text: lineOf(part.link.text), href: part.link.href};
			} else {
				author += part.link === null ? part.text : part.link.text;
			}
		});
		const cite = lineOf(author.replace(/^[\s—–-]+/u, ''));
		const index = this.blocks.findLastIndex((block, i) => i >= quote.startIndex && block.kind === 'quote');
		const found = index >= 0 ? this.blocks[index] : undefined;
		if (found?.kind === 'quote') {
			const inlines: Inline[] = dateLink === null ? [...found.inlines] : [...found.inlines, {kind: 'break'}, dateLink];
			this.blocks[index] = cite === '' ? {kind: 'quote', inlines} : {kind: 'quote', inlines, cite};
		} else if (cite !== '') {
			this.emit({kind: 'quote', inlines: [{kind: 'text', text: cite}]});
		}
	}

	private closeFigure(figure: FigureState): void {
		const captions = this.blocks
			.slice(figure.startIndex)
			.filter((block) => block.kind === 'caption')
			.map((block) => comparable(inlinesText(block.inlines)));
		const seen = new Set<string>();
		const extra: Block[] = [];
		for (const alt of figure.alts) {
			const key = comparable(alt);
			if (key === '' || seen.has(key)) continue;
			seen.add(key);
			if (captions.some((caption) => caption.includes(key) || key.includes(caption))) continue;
			extra.push({kind: 'caption', inlines: settleInlines([{kind: 'text', raw: alt, style: undefined}])});
		}
		this.blocks.splice(figure.startIndex, 0, ...extra);
	}

	/** Turns what has been collected into one block of the kind its context asks for. */
	flush(): void {
		const frame = this.pendingFrame;
		if (frame.block === 'pre') {
			const text = sanitizeBody(this.pre.replace(/^\n/, '').trimEnd());
			this.pre = '';
			this.pending = [];
			if (text.trim() !== '') this.emit({kind: 'preformatted', text});
			return;
		}
		if (this.pending.length === 0) return;
		const inlines = settleInlines(this.pending);
		this.pending = [];
		if (inlines.length === 0) return;
		if (frame.block !== 'quote' && frame.block !== 'caption' && isBoilerplate(inlines)) return;
		switch (frame.block) {
			case 'heading':
				this.emit({kind: 'heading', inlines});
				return;
			case 'caption':
				this.emit({kind: 'caption', inlines});
				return;
			case 'quote':
				this.emit({kind: 'quote', inlines});
				return;
			case 'list-item': {
				const item = frame.item ?? {depth: 0, marker: ownText('•'), used: false};
				this.emit({kind: 'list-item', inlines, depth: item.depth, marker: item.used ? ownText('') : item.marker});
				item.used = true;
				return;
			}
			default:
				this.emit({kind: 'paragraph', inlines});
		}
	}

	private emit(block: Block): void {
		this.blocks.push(block);
		this.emitted += block.kind === 'rule' ? 0 : block.kind === 'preformatted' ? block.text.length : inlinesLength(block.inlines);
		if (this.emitted >= MAX_BODY_CHARS) this.stopped = true;
	}
}
