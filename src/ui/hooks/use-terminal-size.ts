/** The terminal's size, following resizes. Ink 6 has no useWindowSize. */
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type Size = {readonly columns: number; readonly rows: number};

function read(stdout: NodeJS.WriteStream): Size {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

export function useTerminalSize(fixed?: Size): Size {
	const {stdout} = useStdout();
	const [size, setSize] = useState<Size>(() => fixed ?? read(stdout));
	useEffect(() => {
		if (fixed) return;
		const onResize = (): void => setSize(read(stdout));
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed]);
	return fixed ?? size;
}
