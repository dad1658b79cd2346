import {describe, expect, it} from 'vitest';
import {daysInMonth, parseFeedDate} from '../../src/sources/dates.js';

const iso = (s: string): number => Date.parse(s);

describe('parseFeedDate', () => {
	const valid: readonly (readonly [string, string])[] = [
		['Mon, 02 Mar 2026 10:00:00 GMT', '2026-03-02T10:00:00.000Z'],
		['Mon, 02 Mar 2026 10:00:00 +0000', '2026-03-02T10:00:00.000Z'],
		['Mon, 02 Mar 2026 10:00:00 -0400', '2026-03-02T14:00:00.000Z'],
		['Mon, 02 Mar 2026 10:00:00 EST', '2026-03-02T15:00:00.000Z'],
		['Mon, 02 Mar 2026 10:00:00 PDT', '2026-03-02T17:00:00.000Z'],
		['Mon, 02 Mar 2026 10:00:00 UT', '2026-03-02T10:00:00.000Z'],
		['Fri, 08 Jul 2016 13:40:00 UTC', '2016-07-08T13:40:00.000Z'],
		['Tue, 09 Jun 2026 12:00:00 CEST', '2026-06-09T10:00:00.000Z'],
		['Tue, 09 Jun 2026 12:00:00 BST', '2026-06-09T11:00:00.000Z'],
		['Tue, 09 Jun 2026 12:00 GMT', '2026-06-09T12:00:00.000Z'],
		['09 Jun 2026 12:00:00 GMT', '2026-06-09T12:00:00.000Z'],
		['Wed, 09 Jun 2026 12:00:00 GMT', '2026-06-09T12:00:00.000Z'], // wrong weekday is ignored
		['Tuesday, 9 June 2026 1:05:00 +0200', '2026-06-08T23:05:00.000Z'],
		['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
		['Tue, 10 Jun 97 04:00:00 GMT', '1997-06-10T04:00:00.000Z'],
		['Tuesday, 10-Jun-03 12:00:00 GMT', '2003-06-10T12:00:00.000Z'],
		['Mon Jan  2 15:04:05 2006', '2006-01-02T15:04:05.000Z'],
		['Mon, 02 Mar 2026 10:00:00', '2026-03-02T10:00:00.000Z'],
		['Mon, 02 Mar 2026 10:00:00 +0000 (UTC)', '2026-03-02T10:00:00.000Z'],
		['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
		['Di, 03 Mär 2026 08:00:00 +0100', '2026-03-03T07:00:00.000Z'],
		['mar, 24 sep 2018 10:00:00 +0000', '2018-09-24T10:00:00.000Z'],
		['Τρι, 29 Ιούν 2004 12:53:00 GMT', '2004-06-29T12:53:00.000Z'],
		['\r\n   Thu, 21 Mar 2019 15:03:00 +0000\r\n      ', '2019-03-21T15:03:00.000Z'],
		['2026-03-02T10:00:00Z', '2026-03-02T10:00:00.000Z'],
		['2026-03-02T10:00:00.123+02:00', '2026-03-02T08:00:00.123Z'],
		['2022-07-28T03:40:34.000000000Z', '2022-07-28T03:40:34.000Z'],
		['2016-02-07T07:20:50.52Z', '2016-02-07T07:20:50.520Z'],
		['2026-03-02T10:00:00', '2026-03-02T10:00:00.000Z'],
		['2022-07-26 13:01:01', '2022-07-26T13:01:01.000Z'],
		['1970-01-01T00:00+00:00', '1970-01-01T00:00:00.000Z'],
		['2026-03-02', '2026-03-02T00:00:00.000Z'],
		['2015-04-17T11:21:49.661+01:00', '2015-04-17T10:21:49.661Z'],
		['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
		['2026-03-02T10:00:00-0530', '2026-03-02T15:30:00.000Z'],
		['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z'],
	];
	it.each(valid)('reads %j', (input, expected) => {
		expect(parseFeedDate(input)).toBe(iso(expected));
	});

	const invalid: readonly string[] = [
		'',
		'   ',
		'Mon, 30 Feb 2026 10:00:00 GMT',
		'2026-02-30T10:00:00Z',
		'2025-02-29T10:00:00Z',
		'2026-13-01T00:00:00Z',
		'2026-03-02T25:00:00Z',
		'2026-03-02T10:61:00Z',
		'0000-01-01T00:00:00Z',
		'+275760-09-13T00:00:01Z',
		'1969-12-31T23:59:59Z',
		'Mon, 02 Foo 2026 10:00:00 GMT',
		'yesterday',
		'12345',
		'2026-03-02T10:00:00+99:00',
		'x'.repeat(10_000),
	];
	it.each(invalid)('rejects %j', input => {
		expect(parseFeedDate(input)).toBeNull();
	});

	it('never throws on odd input', () => {
		for (const input of [null, undefined, '\u0000', '1 1 1 1 1', '::', '- - -', '2026-', 'GMT', '\u{1F680}, 1 Jan 2026']) {
			expect(() => parseFeedDate(input)).not.toThrow();
		}
	});
});

describe('daysInMonth', () => {
	it('agrees with Date for every month of every year dates may have', () => {
		for (let year = 1970; year <= 9999; year++) {
			for (let month = 1; month <= 12; month++) {
				if (daysInMonth(year, month) !== new Date(Date.UTC(year, month, 0)).getUTCDate()) {
					expect.fail(`${year}-${month}: ${daysInMonth(year, month)}`);
				}
			}
		}
		expect([daysInMonth(2000, 2), daysInMonth(2100, 2), daysInMonth(2024, 2), daysInMonth(2026, 2)]).toEqual([29, 28, 29, 28]);
	});
});
