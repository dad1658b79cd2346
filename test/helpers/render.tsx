/**
 * The one way UI tests render: ink-testing-library with the terminal size
 * set, one key per write with a macrotask after each (React 19 commits input
 * updates on the next one), and frames read as plain text or raw.
 */
import {render as inkRender} from 'ink-testing-library';
import type {ReactElement} from 'react';

// eslint-disable-next-line no-control-regex
const ansi = /\u001B\][^\u0007]*\u0007|\u001B\[[0-9;?]*[ -/]*[@-~]/g;

export function stripAnsi(text: string): string {
	return text.replace(ansi, '');
}

export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export type Rendered = {
	frame(): string;
	rawFrame(): string;
	lines(): string[];
	press(...keys: string[]): Promise<void>;
	write(data: string): Promise<void>;
	rerender(ui: ReactElement): void;
	waitForFrame(predicate: (frame: string) => boolean, tries?: number): Promise<string>;
	frameCount(): number;
	unmount(): void;
};

export function render(ui: ReactElement, size: {columns: number; rows?: number} = {columns: 100}): Rendered {
	const instance = inkRender(ui);
	const stdout = instance.stdout as unknown as Record<string, unknown> & {emit(event: string): boolean};
	Object.defineProperty(stdout, 'columns', {value: size.columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: size.rows ?? 30, configurable: true});
	stdout.emit('resize');
	const raw = (): string => instance.lastFrame() ?? '';
	return {
		rawFrame: raw,
		frame: () => stripAnsi(raw()),
		lines: () => stripAnsi(raw()).split('\n'),
		async press(...keys) {
			for (const key of keys) {
				instance.stdin.write(key);
				await tick();
			}
			await tick();
		},
		async write(data) {
			instance.stdin.write(data);
			await tick();
			await tick();
		},
		rerender: instance.rerender,
		async waitForFrame(predicate, tries = 50) {
			for (let i = 0; i < tries; i++) {
				const f = stripAnsi(raw());
				if (predicate(f)) return f;
				await tick();
			}
			return stripAnsi(raw());
		},
		frameCount: () => instance.frames.length,
		unmount: instance.unmount,
	};
}
