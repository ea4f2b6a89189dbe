/** Lookup tables of inclusive number ranges: age bands, count bands, score bands. */

export interface Range<T> {
  from: number;
  /** Inclusive; null means "and over". */
  to: number | null;
  value: T;
}

export function isInRange(range: Range<unknown>, x: number): boolean {
  return x >= range.from && (range.to === null || x <= range.to);
}

/** The row of `table` that holds `x`; a value no row holds is a programming or configuration error. */
export function findRange<T>(table: readonly Range<T>[], x: number, tableName: string): Range<T> {
  const row = table.find((range) => isInRange(range, x));
  if (!row) throw new RangeError(`${x} is outside the ${tableName} table`);
  return row;
}

/** "18–24", "50 and over" or "3", as the reference writes its tables. */
export function describeRange(range: Range<unknown>): string {
  if (range.to === null) return `${range.from} and over`;
  return range.from === range.to ? String(range.from) : `${range.from}–${range.to}`;
}
