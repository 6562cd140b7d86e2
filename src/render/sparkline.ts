// A one-line chart of a series, ▁▂▃▄▅▆▇█, scaled from the smallest value to the largest; a
// long series is sampled down to `width` points (the last point always kept).

const BARS = '▁▂▃▄▅▆▇█';

export function sample<T>(values: readonly T[], width: number): T[] {
  if (values.length <= width) return [...values];
  return Array.from({ length: width }, (_, i) => values[Math.round((i * (values.length - 1)) / (width - 1))]!);
}

export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => BARS[hi === lo ? 0 : Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))]).join('');
}
