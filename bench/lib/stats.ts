export function median(values: readonly number[]): number {
	return quantile(values, 0.5);
}

/** Linear-interpolated quantile, q in [0, 1]. */
export function quantile(values: readonly number[], q: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const pos = (sorted.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function range(values: readonly number[]): string {
	if (values.length === 0) return '–';
	return `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}`;
}

export function fmt(value: number, digits = value >= 100 ? 0 : value >= 10 ? 1 : 2): string {
	if (!Number.isFinite(value)) return String(value);
	return value.toFixed(digits);
}
