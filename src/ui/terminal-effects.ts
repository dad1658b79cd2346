/**
 * What the program writes to the terminal besides Ink's frames: the bell, the
 * window title (OSC 2), the clipboard (OSC 52) and desktop notifications
 * (OSC 777 / OSC 9, or notify-send). Inside tmux, sequences meant for the
 * outer terminal are wrapped for passthrough. None of these moves the cursor,
 * so writing them between Ink frames is safe.
 */
import {spawn} from 'node:child_process';

const ESC = '\u001B';
const BEL = '\u0007';

/** Only printable text goes inside a sequence: a control byte would end it early. */
export function oscSafe(text: string, max = 200): string {
	// eslint-disable-next-line no-control-regex
	return [...text.replace(/[\u0000-\u001f\u007f-\u009f;]/g, ' ')].slice(0, max).join('');
}

/** DCS passthrough: tmux hands the inner sequence to the outer terminal (allow-passthrough on). */
export function tmuxWrap(sequence: string): string {
	return `${ESC}Ptmux;${sequence.replaceAll(ESC, ESC + ESC)}${ESC}\\`;
}

export function titleSequence(title: string): string {
	return `${ESC}]2;${oscSafe(title)}${BEL}`;
}

export function clipboardSequence(text: string): string {
	return `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
}

export function notifySequences(title: string, body: string): string {
	return `${ESC}]777;notify;${oscSafe(title)};${oscSafe(body)}${BEL}${ESC}]9;${oscSafe(`${title}: ${body}`)}${BEL}`;
}

export type EffectsEnv = {readonly inTmux: boolean; readonly hasNotifySend: boolean};

export type TerminalEffects = {
	bell(): void;
	title(text: string): void;
	copy(text: string): void;
	notify(title: string, body: string): void;
};

export function detectEnv(env: NodeJS.ProcessEnv = process.env): EffectsEnv {
	const path = env['PATH'] ?? '';
	return {
		inTmux: Boolean(env['TMUX']),
		// Checked by path lookup rather than by running it: no process per post.
		hasNotifySend: path.split(':').some((dir) => dir !== '' && existsExecutable(`${dir}/notify-send`)),
	};
}

import {accessSync, constants} from 'node:fs';

function existsExecutable(file: string): boolean {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** Effects written to a stream (process.stdout in the app, a recorder in tests). */
export function createTerminalEffects(write: (data: string) => void, env: EffectsEnv): TerminalEffects {
	return {
		bell: () => write(BEL),
		title: (text) => write(titleSequence(text)),
		copy(text) {
			const sequence = clipboardSequence(text);
			// tmux keeps its own buffer from the plain sequence (set-clipboard on)
			// and passes the wrapped one on to the outer terminal.
			write(env.inTmux ? sequence + tmuxWrap(sequence) : sequence);
		},
		notify(title, body) {
			const sequence = notifySequences(title, body);
			write(env.inTmux ? tmuxWrap(sequence) : sequence);
			if (env.hasNotifySend) {
				try {
					const child = spawn('notify-send', ['--app-name=liveblog', '--', oscSafe(title), oscSafe(body)], {stdio: 'ignore', shell: false});
					child.on('error', () => undefined);
					child.unref();
				} catch {
					// A missing or broken notify-send is not worth a message.
				}
			}
		},
	};
}
