/**
 * htmlparser2's tokenizer with one change: in text and in quoted attribute
 * values, where every character but `<`, `&` and the closing quote only
 * moves the index on, it jumps to the next such character with one native
 * search instead of one trip round its state machine per character. Post
 * bodies are mostly text, so this is most of the tokenizer's work. The
 * events are exactly the stock tokenizer's (a property test compares them
 * on generated markup, written in chunks).
 */
import {Tokenizer} from 'htmlparser2';

/** The tokenizer internals used here; they are private in htmlparser2's typings. */
type Internals = {
	index: number;
	offset: number;
	buffer: string;
};
type StateMethod = (this: Internals, c: number) => void;

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

const TEXT_STOP = /[<&]/g;
const DOUBLE_QUOTED_STOP = /["&]/g;
const SINGLE_QUOTED_STOP = /['&]/g;

/**
 * Leaves the index just before the next character `stop` matches (the state
 * loop then steps onto it), or on the buffer's last character when none is
 * left, as the per-character loop would have.
 */
function skipTo(tokenizer: Internals, stop: RegExp): void {
	stop.lastIndex = tokenizer.index - tokenizer.offset;
	const found = stop.exec(tokenizer.buffer);
	tokenizer.index = (found === null ? tokenizer.buffer.length : found.index) + tokenizer.offset - 1;
}

const stock = Tokenizer.prototype as unknown as Record<string, StateMethod | undefined>;

function fastState(name: string, special: (c: number) => boolean, stop: RegExp): StateMethod | null {
	const original = stock[name];
	if (typeof original !== 'function') return null;
	return function (this: Internals, c: number): void {
		if (special(c)) original.call(this, c);
		else skipTo(this, stop);
	};
}

export class FastTokenizer extends Tokenizer {}

const overrides: Record<string, StateMethod | null> = {
	stateText: fastState('stateText', c => c === LT || c === AMP, TEXT_STOP),
	stateInAttributeValueDoubleQuotes: fastState('stateInAttributeValueDoubleQuotes', c => c === DOUBLE_QUOTE || c === AMP, DOUBLE_QUOTED_STOP),
	stateInAttributeValueSingleQuotes: fastState('stateInAttributeValueSingleQuotes', c => c === SINGLE_QUOTE || c === AMP, SINGLE_QUOTED_STOP),
};
// Only when every state this relies on is there: otherwise the stock tokenizer runs unchanged.
if (Object.values(overrides).every(method => method !== null)) {
	for (const [name, method] of Object.entries(overrides)) {
		Object.defineProperty(FastTokenizer.prototype, name, {value: method, writable: true, configurable: true});
	}
}
