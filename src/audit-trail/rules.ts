/** How an audit event's detail reads on the administrators' trail: pure, no I/O. */

const MAX_LENGTH = 300;

function words(value: string): string {
  return value.replace(/-/g, ' ');
}

function scalar(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value))
    return (
      value
        .map((v) => scalar(v) ?? '')
        .filter(Boolean)
        .join(', ') || null
    );
  if (typeof value === 'object') return null;
  return String(value);
}

function cut(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/**
 * What happened, in a line: the page looked at, the section and fields changed, the
 * list that refused a look, or the event's own facts. Secrets never reach the trail,
 * so nothing here needs hiding.
 */
export function describeAuditDetail(detail: Record<string, unknown> | null | undefined): string {
  if (!detail) return '';
  const parts: string[] = [];
  if (typeof detail.page === 'string') parts.push(`Page: ${words(detail.page)}`);
  if (typeof detail.list === 'string') parts.push(`Refused: on the ${detail.list} list`);
  if (typeof detail.section === 'string') {
    const changes = detail.changes;
    const fields =
      changes && typeof changes === 'object' && !Array.isArray(changes) ? Object.keys(changes) : [];
    parts.push(
      `Changed ${words(detail.section)}${fields.length ? `: ${fields.map(words).join(', ').replace(/_/g, ' ')}` : ''}`,
    );
  }
  const shown = new Set(['page', 'list', 'section', 'changes']);
  for (const [key, value] of Object.entries(detail)) {
    if (shown.has(key)) continue;
    const text = scalar(value);
    if (text !== null) parts.push(`${key}: ${text}`);
  }
  return cut(parts.join('; '));
}
