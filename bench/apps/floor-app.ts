/**
 * The first-frame floor: the least an Ink app can do, one line of text.
 * NODE_ENV is set before React and Ink load, as a production app should, so
 * the floor is the production build. No JSX here on purpose: a static
 * `react/jsx-runtime` import would load the development runtime before
 * NODE_ENV is set, and Ink then draws nothing (measured: a blank pane).
 */
process.env.NODE_ENV = 'production';
const {createElement} = await import('react');
const {render, Text} = await import('ink');
const text = process.argv[2] ?? 'liveblog bench floor';
const app = render(createElement(Text, null, text));
// Stay up like the real app until the bench stops it.
const keepAlive = setTimeout(() => app.unmount(), 60_000);
process.on('SIGTERM', () => {
	clearTimeout(keepAlive);
	app.unmount();
	process.exit(0);
});
