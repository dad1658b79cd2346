/** Rows drawn from stand-in text come out exactly as their real text would. */
import {Box, renderToString, Text} from 'ink';
import {describe, expect, test} from 'vitest';
import {GlyphColumn, standIns, withGlyphs} from '../../src/ui/glyph-column.js';
import {hyperlink, rowText, Runs, type StyledRun} from '../../src/ui/runs.js';
import {displayWidth} from '../../src/text/width.js';

const link = 'https://news.example.org/storm?ref=live&src=12';

const rows: StyledRun[][] = [
	[{text: 'plain ASCII only', style: {}}],
	[{text: 'In Dunhallow Bay — the “power” company', style: {}}],
	[{text: '市民の皆さん', style: {bold: true}}, {text: ' and 🚧 ', style: {}}, {text: 'école e\u0301 Ωmega', style: {color: 'cyan'}}],
	[{text: 'Read', style: {underline: true, color: 'blueBright'}, href: link}, {text: ' · ', style: {dimColor: true}}, {text: '報告', style: {}, href: link}],
	[{text: '👩‍👩‍👧 family, 🇬🇧 flag, ✈️ plane', style: {inverse: true}}],
	[{text: '12:00', style: {inverse: true, bold: true}}, {text: ' · 2m ago', style: {dimColor: true}}, {text: ' ★ KEY EVENT', style: {color: 'magentaBright', bold: true}}],
	[{text: '', style: {}}],
];

/** The row as one Text of its real text: what Ink would draw without the stand-ins. */
function reference(runs: readonly StyledRun[]): string {
	return renderToString(
		<Text wrap="truncate">
			{runs.map((run, i) => (
				<Text key={i} {...run.style}>
					{run.href === undefined ? run.text : hyperlink(run.href, run.text)}
				</Text>
			))}
		</Text>,
		{columns: 60},
	);
}

const drawn = (runs: readonly StyledRun[], width = 60): string =>
	renderToString(
		<Box flexDirection="column" width={width}>
			<Runs text={rowText(runs)} width={width} />
		</Box>,
		{columns: 60},
	);

describe('rows measured as ASCII', () => {
	test('Ink measures only printable ASCII (its string-width fast path), as wide as the real text', () => {
		for (const runs of rows) {
			const text = rowText(runs);
			expect(text.measured.map((run) => run.text).join('')).toMatch(/^[\x20-\x7e]*$/);
			expect(text.width).toBe(displayWidth(runs.map((run) => run.text).join('')));
		}
	});

	test('each row draws byte for byte what its real text draws, styles and links included', () => {
		for (const runs of rows.slice(0, -1)) expect(drawn(runs)).toBe(reference(runs));
	});

	test('an empty row is still one line tall', () => {
		const frame = renderToString(
			<Box flexDirection="column" width={10}>
				<Runs text={rowText([{text: '', style: {}}])} width={10} />
				<Text>below</Text>
			</Box>,
			{columns: 10},
		);
		expect(frame.split('\n')).toEqual(['', 'below']);
	});

	test('a row that does not fit is cut by Ink as its real text is', () => {
		const runs = rows[2]!;
		const frame = drawn(runs, 12);
		expect(frame).toContain('…');
		expect(frame).toContain('市民の');
		expect(frame).toBe(
			renderToString(
				<Box width={12}>
					<Text wrap="truncate">
						{runs.map((run, i) => (
							<Text key={i} {...run.style}>
								{run.text}
							</Text>
						))}
					</Text>
				</Box>,
				{columns: 60},
			),
		);
	});

	test('a grapheme of no width keeps the row on its real text', () => {
		const text = rowText([{text: '\u0301 mark alone', style: {}}]);
		expect(text.restore).toBeNull();
		expect(text.measured).toBe(text.real);
	});
});

describe('GlyphColumn', () => {
	test('stand-ins become the glyphs as Ink writes them, styles kept', () => {
		const column = (
			<GlyphColumn label={'▌›\n▌ \n  '}>
				<Text color="green">{standIns.mark}</Text>
				{standIns.pointer}
				{'\n'}
				<Text color="yellow">{standIns.mark}</Text>
				{' \n  '}
			</GlyphColumn>
		);
		const expected = (
			<Text>
				<Text color="green">▌</Text>›{'\n'}
				<Text color="yellow">▌</Text>
				{' \n  '}
			</Text>
		);
		expect(renderToString(column, {columns: 10})).toBe(renderToString(expected, {columns: 10}));
		expect(withGlyphs('\u001B[32m|\u001B[39m>')).toBe('\u001B[32m▌\u001B[39m›');
	});
});

describe('Runs element kinds', () => {
	test('every row that fits is the same kind of element, so a slot can take any row without a remount', () => {
		const kinds = new Set(
			rows.map((runs) => {
				const element = Runs({text: rowText(runs), width: 80}) as {type: unknown};
				return element.type;
			}),
		);
		expect(kinds.size).toBe(1);
		// Only a row too wide for its room is cut by Ink, as a Text.
		const cut = Runs({text: rowText(rows[1]!), width: 10}) as {type: unknown};
		expect(cut.type).toBe(Text);
	});
});
