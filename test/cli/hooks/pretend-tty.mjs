// Loaded with `node --import` (after record-imports.mjs) by the lean-start
// control case: makes piped stdin/stdout look like a terminal, so that the
// CLI takes its TUI branch and loads React and Ink as a reader's would. Ink
// then draws its frames into the pipe, where the test can wait for them.
for (const stream of [process.stdin, process.stdout]) {
	Object.defineProperty(stream, 'isTTY', {value: true, configurable: true});
}
Object.defineProperty(process.stdout, 'columns', {value: 100, configurable: true});
Object.defineProperty(process.stdout, 'rows', {value: 30, configurable: true});
process.stdin.setRawMode = () => process.stdin;
