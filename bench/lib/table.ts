/** The result table: printed to the terminal and written to bench/RESULTS.md. */
export type Status = 'pass' | 'fail' | 'info' | 'skip';

export type Row = {
	readonly figure: string;
	readonly value: string;
	readonly baseline: string;
	readonly ratio: string;
	readonly goal: string;
	readonly status: Status;
	/** Method, spread or the reason for a skip. */
	readonly note?: string;
};

export function skipRow(figure: string, goal: string, reason: string): Row {
	return {figure, value: '–', baseline: '–', ratio: '–', goal, status: 'skip', note: reason};
}

export function ratioStatus(ratio: number, goal: number): Status {
	return Number.isFinite(ratio) ? (ratio < goal ? 'pass' : 'fail') : 'skip';
}

const headers = ['figure', 'value', 'baseline', 'ratio', 'goal', 'result'] as const;

function cells(row: Row): string[] {
	return [row.figure, row.value, row.baseline, row.ratio, row.goal, row.status.toUpperCase()];
}

export function textTable(rows: readonly Row[]): string {
	const all = [headers.slice(), ...rows.map(cells)];
	const widths = headers.map((_, i) => Math.max(...all.map((r) => [...r[i]!].length)));
	const line = (r: readonly string[]): string => r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ');
	return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
	const esc = (s: string): string => s.replace(/\|/g, '\\|');
	return [
		`| ${headers.join(' | ')} |`,
		`|${headers.map(() => '---').join('|')}|`,
		...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
	].join('\n');
}

export function notes(rows: readonly Row[]): string {
	return rows
		.filter((r) => r.note !== undefined)
		.map((r) => `- **${r.figure}**: ${r.note}`)
		.join('\n');
}
