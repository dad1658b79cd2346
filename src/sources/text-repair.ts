/**
 * Repairs for text that a feed has already mangled before we decode it:
 * entities XML does not know, and UTF-8 read as Latin-1 somewhere upstream.
 * Kept apart from the XML parser: they work on decoded strings, not on trees.
 */
import {Parser as HtmlParser} from 'htmlparser2';

/**
 * For one-line text fields after XML decoding: entities that fast-xml-parser
 * does not know (`&eacute;`, or a title escaped twice) are decoded by
 * htmlparser2. The text is decoded as an attribute value, where HTML's rules
 * leave a legacy entity followed by `=` or a letter alone, so a URL such as
 * `?a=1&copy=2` keeps its `&copy`.
 */
export function decodeResidualEntities(text: string): string {
	if (!/&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/.test(text)) return text;
	const escaped = text
		.replace(/&(?!(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)/g, '&amp;')
		.replace(/"/g, '&quot;');
	let out: string | null = null;
	const tokenizer = new HtmlParser({onattribute: (_name, value) => (out ??= value)}, {decodeEntities: true});
	tokenizer.end(`<x a="${escaped}">`);
	return out ?? text;
}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true});
const MOJIBAKE_RUN = /(?:[\u00C2-\u00F4]|&[A-Za-z]{2,8};)(?:[\u0080-\u00BF]|&[A-Za-z]{2,8};){1,3}/g;

/**
 * UTF-8 that was read as Latin-1 and re-encoded ("â€¦" for "…"), possibly
 * with the Latin-1 characters written as entities (`&acirc;&#128;&brvbar;`).
 * Only runs that contain a C1 control are touched: C1 controls never occur in
 * real text, so their presence is the proof; ordinary accented text is left alone.
 */
export function repairMojibake(text: string): string {
	if (!/[\u0080-\u009F]/.test(text)) return text;
	return text.replace(MOJIBAKE_RUN, run => {
		const units = run.match(/&[A-Za-z]{2,8};|[\s\S]/g) ?? [];
		const codes = units.map(unit => (unit.length > 1 ? decodeResidualEntities(unit) : unit)).map(ch => (ch.length === 1 ? ch.charCodeAt(0) : -1));
		if (codes.some(code => code < 0 || code > 0xff)) return run;
		if (!codes.slice(1).some(code => code >= 0x80 && code <= 0x9f)) return run;
		try {
			return strictUtf8.decode(Uint8Array.from(codes));
		} catch {
			return run;
		}
	});
}
