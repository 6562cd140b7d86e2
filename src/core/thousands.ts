// Numbers as people read them: 1234567 → "1,234,567", exactly as toLocaleString('en-US') writes
// them, without waking ICU for whole numbers (the first call costs about 10 ms).
export const thousands = (n: number): string =>
  Number.isSafeInteger(n) && !Object.is(n, -0) ? `${n < 0 ? '-' : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}` : n.toLocaleString('en-US');
