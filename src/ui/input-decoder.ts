/**
 * Turns what Ink reads from stdin into keys, mouse events and pastes. Ink 6
 * hands a burst of typed keys over as one string ("jjj"), and splits only CSI
 * and SS3 sequences: an OSC or DCS reply (a terminal answering a colour query,
 * a pasted escape sequence) would otherwise reach us as text and be read as
 * keys. This decoder is stateful so such strings are swallowed whole.
 */
import type {Key, KeyName} from './keymap.js';

export type InputEvent =
	| {readonly kind: 'key'; readonly input: string; readonly key: Key}
	| {readonly kind: 'wheel'; readonly lines: number; readonly x: number; readonly y: number}
	| {readonly kind: 'click'; readonly x: number; readonly y: number}
	| {readonly kind: 'paste'; readonly text: string};

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

const csiKeys: Record<string, KeyName> = {
	A: 'up',
	B: 'down',
	C: 'right',
	D: 'left',
	H: 'home',
	F: 'end',
	Z: 'shift-tab',
	'1~': 'home',
	'7~': 'home',
	'4~': 'end',
	'8~': 'end',
	'5~': 'pageup',
	'6~': 'pagedown',
	'3~': 'delete',
};

const named = (name: KeyName, input = ''): InputEvent => ({kind: 'key', input, key: {name, ctrl: false}});

export type InputDecoder = {push(chunk: string): InputEvent[]};

/**
 * A terminal in 8-bit mode (S8C1T) answers with C1 introducers: U+009B for
 * CSI, U+009D for OSC, U+009C for ST. Each is ESC plus the code minus 0x40,
 * so rewriting them lets one parser swallow both forms of a reply.
 */
function toSevenBit(chunk: string): string {
	return chunk.replace(/[\u0080-\u009f]/g, c => ESC + String.fromCharCode(c.charCodeAt(0) - 0x40));
}

export function createInputDecoder(): InputDecoder {
	let swallowing = false;
	let paste: string | null = null;

	function text(chunk: string, out: InputEvent[]): void {
		for (const ch of chunk) {
			const cp = ch.codePointAt(0)!;
			if (ch === '\r' || ch === '\n') out.push(named('enter'));
			else if (ch === '\t') out.push(named('tab'));
			else if (cp === 0x7f || cp === 0x08) out.push(named('backspace'));
			else if (ch === ' ') out.push(named('space', ' '));
			else if (cp < 0x20) out.push({kind: 'key', input: String.fromCharCode(cp + 0x60), key: {name: null, ctrl: true}});
			else if (cp >= 0x80 && cp <= 0x9f) continue;
			else out.push({kind: 'key', input: ch, key: {name: null, ctrl: false}});
		}
	}

	function csi(body: string, out: InputEvent[]): void {
		const mouse = /^<(\d+);(\d+);(\d+)([Mm])$/.exec(body);
		if (mouse) {
			const button = Number(mouse[1]);
			const x = Number(mouse[2]);
			const y = Number(mouse[3]);
			if (button & 64) out.push({kind: 'wheel', lines: button & 1 ? 1 : -1, x, y});
			else if (mouse[4] === 'M' && (button & 3) === 0 && !(button & 32)) out.push({kind: 'click', x, y});
			return;
		}
		if (body === '200~') {
			paste = '';
			return;
		}
		// Modified keys (ESC[1;5A) count as the key; anything else — device
		// attributes, cursor reports, focus events — is a reply, not a key.
		const plain = body.replace(/^1;\d+(?=[A-Z]$)/, '').replace(/;\d+(?=~$)/, '');
		const name = csiKeys[plain];
		if (name) out.push(named(name));
	}

	function sequence(seq: string, out: InputEvent[]): void {
		const second = seq[1];
		if (seq === ESC) out.push(named('escape'));
		else if (second === '[') csi(seq.slice(2), out);
		else if (second === 'O') {
			const name = csiKeys[seq.slice(2)];
			if (name) out.push(named(name));
		} else if (second === ']' || second === 'P' || second === '_' || second === '^' || second === 'X') {
			swallowing = true;
			const rest = seq.slice(2);
			if (rest !== '') push(rest, out);
		}
		// ESC + another character is Alt+key: no command uses it.
	}

	function push(chunk: string, out: InputEvent[]): void {
		let rest = chunk;
		while (rest !== '') {
			if (paste !== null) {
				const end = rest.indexOf(`${ESC}[201~`);
				if (end === -1) {
					paste += rest;
					return;
				}
				out.push({kind: 'paste', text: paste + rest.slice(0, end)});
				paste = null;
				rest = rest.slice(end + 6);
				continue;
			}
			if (swallowing) {
				const bel = rest.indexOf(BEL);
				const st = rest.indexOf(ST);
				const ends = [bel === -1 ? Infinity : bel + 1, st === -1 ? Infinity : st + 2];
				const end = Math.min(...ends);
				if (end === Infinity) return;
				swallowing = false;
				rest = rest.slice(end);
				continue;
			}
			const esc = rest.indexOf(ESC);
			if (esc === -1) {
				text(rest, out);
				return;
			}
			if (esc > 0) text(rest.slice(0, esc), out);
			// Ink delivers each escape sequence as its own event; a chunk that
			// holds more (a test writing raw bytes) is split the same way here.
			const match = /^\u001B(?:\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|O[\x40-\x7e]|[\s\S])?/.exec(rest.slice(esc))!;
			sequence(match[0], out);
			rest = rest.slice(esc + match[0].length);
		}
	}

	return {
		push(chunk) {
			const out: InputEvent[] = [];
			push(toSevenBit(chunk), out);
			return out;
		},
	};
}
