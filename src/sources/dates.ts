/**
 * Dates as real feeds write them. `Date.parse` is not enough: it reads
 * zone-less strings as local time, rolls `30 Feb` over to 2 March, knows no
 * CEST/BST, and `new Date('+275760-09-13T00:00:01Z').toISOString()` throws.
 * Here every form is taken apart, validated field by field, and computed
 * with Date.UTC; anything doubtful is null, never an exception.
 */

const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

/** Offsets in minutes. RFC 822 names plus the ones real feeds use anyway. */
const ZONES: Readonly<Record<string, number>> = {
	z: 0, ut: 0, utc: 0, gmt: 0, wet: 0,
	est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
	akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
	bst: 60, cet: 60, met: 60, west: 60, cest: 120, mest: 120, eet: 120, eest: 180, msk: 180,
	ist: 330, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, acst: 570, aest: 600, aedt: 660,
	nzst: 720, nzdt: 780,
};

/**
 * Month names and abbreviations in the languages feeds turn up in (English,
 * German, Portuguese, Spanish, French, Italian, Dutch, Greek), accents and
 * case removed. Weekday words are simply not here: unknown words are dropped.
 */
const MONTHS: ReadonlyMap<string, number> = (() => {
	const names: readonly (readonly string[])[] = [
		['jan', 'january', 'januar', 'janeiro', 'ene', 'enero', 'janv', 'janvier', 'gen', 'gennaio', 'januari', 'ιαν', 'ιανουαριος', 'ιανουαριου'],
		['feb', 'february', 'februar', 'fev', 'fevereiro', 'febrero', 'fevr', 'fevrier', 'febbraio', 'februari', 'φεβ', 'φεβρουαριος', 'φεβρουαριου'],
		['mar', 'march', 'marz', 'marco', 'marzo', 'mars', 'mrt', 'maart', 'μαρ', 'μαρτιος', 'μαρτιου'],
		['apr', 'april', 'abr', 'abril', 'avr', 'avril', 'aprile', 'απρ', 'απριλιος', 'απριλιου'],
		['may', 'mai', 'maio', 'mayo', 'mag', 'maggio', 'mei', 'μαι', 'μαιος', 'μαιου'],
		['jun', 'june', 'juni', 'junho', 'junio', 'juin', 'giu', 'giugno', 'ιουν', 'ιουνιος', 'ιουνιου'],
		['jul', 'july', 'juli', 'julho', 'julio', 'juil', 'juillet', 'lug', 'luglio', 'ιουλ', 'ιουλιος', 'ιουλιου'],
		['aug', 'august', 'ago', 'agosto', 'aout', 'agosto', 'augustus', 'αυγ', 'αυγουστος', 'αυγουστου'],
		['sep', 'sept', 'september', 'set', 'setembro', 'septiembre', 'septembre', 'settembre', 'σεπ', 'σεπτεμβριος', 'σεπτεμβριου'],
		['oct', 'october', 'okt', 'oktober', 'out', 'outubro', 'octubre', 'octobre', 'ott', 'ottobre', 'οκτ', 'οκτωβριος', 'οκτωβριου'],
		['nov', 'november', 'novembro', 'noviembre', 'novembre', 'νοε', 'νοεμβριος', 'νοεμβριου'],
		['dec', 'december', 'dez', 'dezember', 'dezembro', 'dic', 'diciembre', 'decembre', 'dicembre', 'δεκ', 'δεκεμβριος', 'δεκεμβριου'],
	];
	const map = new Map<string, number>();
	names.forEach((list, index) => {
		for (const name of list) map.set(name, index + 1);
	});
	return map;
})();

function fold(word: string): string {
	return word
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/\.$/, '');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** For a year in MIN_YEAR..MAX_YEAR and a month in 1..12 (toEpoch checks both first), by the Gregorian rule Date uses. */
export function daysInMonth(year: number, month: number): number {
	if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
	return DAYS_IN_MONTH[month - 1] ?? 31;
}

type Parts = {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
	/** Minutes east of UTC. */
	offset: number;
};

function toEpoch(parts: Parts): number | null {
	const {year, month, day, hour, minute, second, millisecond, offset} = parts;
	const valid =
		Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR &&
		month >= 1 && month <= 12 &&
		day >= 1 && day <= daysInMonth(year, month) &&
		hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 &&
		second >= 0 && second <= 60 &&
		Math.abs(offset) <= 18 * 60;
	if (!valid) return null;
	// A leap second is shown as the last second of its minute.
	const ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millisecond) - offset * 60_000;
	return Number.isFinite(ms) ? ms : null;
}

function parseOffset(sign: string, hours: string, minutes: string | undefined): number {
	const value = Number(hours) * 60 + Number(minutes ?? '0');
	return sign === '-' ? -value : value;
}

const ISO =
	/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseIso(text: string): number | null | undefined {
	const m = ISO.exec(text);
	if (!m) return undefined;
	const zone = m[8];
	let offset = 0;
	if (zone && /^[+-]/.test(zone)) {
		const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
		if (!z) return null;
		offset = parseOffset(z[1]!, z[2]!, z[3]);
	}
	return toEpoch({
		year: Number(m[1]),
		month: Number(m[2]),
		day: Number(m[3]),
		hour: Number(m[4] ?? '0'),
		minute: Number(m[5] ?? '0'),
		second: Number(m[6] ?? '0'),
		// Any number of fraction digits (Go writes nine); milliseconds are enough.
		millisecond: Number((m[7] ?? '0').slice(0, 3).padEnd(3, '0')),
		offset,
	});
}

function parseTime(token: string, parts: Parts): boolean {
	const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?$/.exec(token);
	if (!m) return false;
	parts.hour = Number(m[1]);
	parts.minute = Number(m[2]);
	parts.second = Number(m[3] ?? '0');
	parts.millisecond = Number((m[4] ?? '0').slice(0, 3).padEnd(3, '0'));
	return true;
}

function parseZone(token: string): number | null {
	const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(token);
	if (numeric) return parseOffset(numeric[1]!, numeric[2]!, numeric[3]);
	const named = /^(gmt|utc|ut)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(token);
	if (named) return parseOffset(named[2]!, named[3]!, named[4]);
	const offset = ZONES[token.toLowerCase()];
	return offset ?? null;
}

/**
 * The shape nearly every RSS date has ("Sat, 28 Nov 2026 06:00:00 GMT"),
 * read with one regular expression: the general reader below costs several
 * times more per date, and a 2,000-post feed has 2,000 of them. It gives the
 * same result as that reader for every string it matches (a test checks).
 */
const RFC_1123 =
	/^(?:(?:mon|tue|wed|thu|fri|sat|sun), )?(\d{1,2}) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (gmt|utc|ut|z|[+-]\d{4})$/i;

function parseRfc1123(text: string): number | null | undefined {
	const m = RFC_1123.exec(text);
	if (!m) return undefined;
	const zone = m[7]!;
	const sign = zone[0];
	return toEpoch({
		year: Number(m[3]),
		month: MONTHS.get(m[2]!.toLowerCase())!,
		day: Number(m[1]),
		hour: Number(m[4]),
		minute: Number(m[5]),
		second: Number(m[6] ?? '0'),
		millisecond: 0,
		offset: sign === '+' || sign === '-' ? parseOffset(sign, zone.slice(1, 3), zone.slice(3)) : 0,
	});
}

/** RFC 822/1123/850, asctime, and the same shapes with other languages' names. */
export function parseDateWords(text: string): number | null {
	const tokens = text
		// A leading word followed by a comma is a weekday, whatever the language
		// (Spanish "mar," is Tuesday, not March).
		.replace(/^[\p{L}.]+,/u, ' ')
		.replace(/\([^)]*\)/g, ' ')
		.replace(/,/g, ' ')
		// RFC 850: 10-Jun-03
		.replace(/\b(\d{1,2})-(\p{L}+\.?)-(\d{2,4})\b/gu, '$1 $2 $3')
		.split(/\s+/)
		.filter(token => token !== '');
	const parts: Parts = {year: NaN, month: NaN, day: NaN, hour: 0, minute: 0, second: 0, millisecond: 0, offset: 0};
	let sawTime = false;
	let yearDigits = 0;
	for (const token of tokens) {
		if (!sawTime && parseTime(token, parts)) {
			sawTime = true;
			continue;
		}
		if (/^\d+$/.test(token)) {
			const haveDate = !Number.isNaN(parts.day) && !Number.isNaN(parts.month) && !Number.isNaN(parts.year);
			if (haveDate && !sawTime && /^\d{4}$/.test(token)) {
				// HHMM without a colon ("03 Apr 02 1500 GMT").
				parts.hour = Number(token.slice(0, 2));
				parts.minute = Number(token.slice(2));
				sawTime = true;
			} else if (token.length <= 2 && Number.isNaN(parts.day)) {
				parts.day = Number(token);
			} else if ((token.length === 4 || token.length === 2) && Number.isNaN(parts.year)) {
				parts.year = Number(token);
				yearDigits = token.length;
			} else {
				return null;
			}
			continue;
		}
		if (sawTime) {
			const offset = parseZone(token);
			if (offset !== null) parts.offset = offset;
			else if (!/^\p{L}+$/u.test(token)) return null;
			// An unknown zone word is read as UTC, as RFC 2822 says of unknown zones.
			continue;
		}
		const month = MONTHS.get(fold(token));
		if (month !== undefined && Number.isNaN(parts.month)) {
			parts.month = month;
			continue;
		}
		const zone = parseZone(token);
		if (zone !== null && !Number.isNaN(parts.year)) {
			parts.offset = zone;
			continue;
		}
		// Weekday names in any language, and other words: dropped.
		if (!/^[\p{L}.]+$/u.test(token)) return null;
	}
	if (yearDigits === 2) parts.year += parts.year < 50 ? 2000 : 1900;
	return toEpoch(parts);
}

/**
 * A feed date as epoch milliseconds, or null when it cannot be read or is
 * outside 1970..9999. Zone-less dates are taken as UTC.
 */
export function parseFeedDate(input: string | null | undefined): number | null {
	if (typeof input !== 'string') return null;
	const text = input.replace(/\s+/g, ' ').trim();
	if (text === '' || text.length > 100) return null;
	try {
		const rfc = parseRfc1123(text);
		if (rfc !== undefined) return rfc;
		const iso = parseIso(text);
		if (iso !== undefined) return iso;
		return parseDateWords(text);
	} catch {
		return null;
	}
}
