/**
 * The one htmlparser2 Parser subclass the sources use for HTML: bounded in
 * nesting depth so that hostile pages cost linear time, and tokenizing with
 * FastTokenizer.
 */
import {Parser, type Handler, type ParserOptions} from 'htmlparser2';
import {FastTokenizer} from './html-tokenizer.js';

/** Open elements htmlparser2 keeps on its stack; deeper ones are read as if empty. */
export const MAX_DEPTH = 256;

/** Elements whose content is never part of a post. */
export const DROPPED = new Set([
	'script', 'style', 'noscript', 'iframe', 'svg', 'math', 'form', 'button', 'template', 'select', 'textarea',
	'object', 'embed', 'video', 'audio', 'canvas', 'map', 'head', 'title', 'nav', 'aside', 'input', 'label', 'dialog',
]);

/**
 * htmlparser2 keeps open elements in an array it `unshift`s, so nesting n deep
 * costs O(n²): 40,000 nested `<div><ul><li>` took over 6 s. Past MAX_DEPTH a
 * new element is declared void (opened and closed at once, its content flowing
 * into the parent), which keeps that array short. Dropped elements (script,
 * style…) may go a little deeper so their content stays hidden. Both calls the
 * parser makes for one start tag must agree, hence the decision keyed on the
 * tag's start index.
 */
export class BoundedParser extends Parser {
	private closing = false;
	// The decision for the start tag at `decidedAt` (kept as fields: one object per element was garbage).
	private decidedAt = -1;
	private decidedName = '';
	private decidedVoid = false;

	constructor(handler: Partial<Handler>, options: ParserOptions = {}) {
		super(handler, {...options, Tokenizer: FastTokenizer});
	}

	override reset(): void {
		super.reset();
		this.closing = false;
		this.decidedAt = -1;
		this.decidedName = '';
		this.decidedVoid = false;
	}

	override onclosetag(start: number, endIndex: number): void {
		this.closing = true;
		try {
			super.onclosetag(start, endIndex);
		} finally {
			this.closing = false;
		}
	}

	protected override isVoidElement(name: string): boolean {
		if (super.isVoidElement(name)) return true;
		if (this.closing) return false;
		if (this.decidedAt === this.startIndex && this.decidedName === name) return this.decidedVoid;
		// `stack` is private in the typings; reading its length is the only way to know the depth.
		const depth = (this as unknown as {readonly stack: readonly string[]}).stack.length;
		const isVoid = depth >= MAX_DEPTH && !(DROPPED.has(name) && depth < 2 * MAX_DEPTH);
		this.decidedAt = this.startIndex;
		this.decidedName = name;
		this.decidedVoid = isVoid;
		return isVoid;
	}
}
