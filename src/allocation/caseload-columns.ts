/**
 * Columns other capabilities add to the caseloads (an assessment due, a plan missing), so the
 * caseload shows every deadline without allocation knowing each capability. A column loads its
 * cells for the whole caseload at once: a few queries per page, never one per row.
 */
import type { Db } from '../platform/database/connect.js';

export interface CaseloadCell {
  text: string;
  tag?: { text: string; colour: 'red' | 'orange' | 'yellow' | 'blue' | 'grey' | 'green' };
}

export interface CaseloadColumn {
  key: string;
  heading: string;
  /** Lower comes first. */
  order: number;
  load: (db: Db, personIds: readonly string[], today: string) => Promise<ReadonlyMap<string, CaseloadCell>>;
}

const columns: CaseloadColumn[] = [];

export function addCaseloadColumn(column: CaseloadColumn): void {
  if (!columns.some((c) => c.key === column.key)) columns.push(column);
  columns.sort((a, b) => a.order - b.order);
}

/** The headings, and each person's cells in column order (an empty cell where a column has nothing). */
export async function loadCaseloadColumns(db: Db, personIds: readonly string[], today: string) {
  const loaded = await Promise.all(columns.map((c) => c.load(db, personIds, today)));
  const cells = new Map<string, CaseloadCell[]>();
  for (const id of personIds)
    cells.set(
      id,
      loaded.map((column) => column.get(id) ?? { text: '' }),
    );
  return { headings: columns.map((c) => c.heading), cells };
}
