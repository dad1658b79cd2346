/**
 * A second, informational floor: a bare Ink app that fills the whole
 * 100×30 screen the way liveblog's first frame does (a header line, a
 * sidebar of 28 short rows beside a pane of 28 long ones, a status line),
 * every line shorter than its column so that Ink need not wrap or cut any,
 * and no data to read. The floor draws one line; this one shows
 * how much of the gap between that floor and liveblog's first frame is
 * Ink drawing a full screen of text for the first time. Its text is
 * generated here. NODE_ENV is set before React and Ink load (see
 * floor-app.ts for why there is no JSX).
 */
process.env.NODE_ENV = 'production';
const {createElement} = await import('react');
const {render, Box, Text} = await import('ink');
const marker = process.argv[2] ?? 'liveblog bench screen floor';
const ROWS = 28;
const words = ['harbour', 'tide', 'council', 'ferry', 'road', 'rain', 'crews', 'river', 'station', 'warning', 'north', 'bridge'];
const line = (row: number, count: number): string =>
	Array.from({length: count}, (_, i) => words[(row * 7 + i * 5) % words.length]).join(' ');
const sidebar = Array.from({length: ROWS}, (_, row) => createElement(Text, {key: row}, `${String(row).padStart(2, '0')}:15 ${line(row, 3)}`));
const pane = Array.from({length: ROWS}, (_, row) =>
	createElement(Text, {key: row, bold: row % 9 === 0, dimColor: row % 9 === 1}, line(row + 3, 8)),
);
const app = render(
	createElement(
		Box,
		{flexDirection: 'column', width: 100, height: 30},
		createElement(Text, {bold: true}, marker),
		createElement(
			Box,
			{flexDirection: 'row', height: ROWS},
			createElement(Box, {flexDirection: 'column', width: 32}, ...sidebar),
			createElement(Box, {flexDirection: 'column', flexGrow: 1}, ...pane),
		),
		createElement(Text, {dimColor: true}, 'j scroll · tab key events · n newest · / search · q quit'),
	),
);
// Stay up like the real app until the bench stops it.
const keepAlive = setTimeout(() => app.unmount(), 60_000);
process.on('SIGTERM', () => {
	clearTimeout(keepAlive);
	app.unmount();
	process.exit(0);
});
