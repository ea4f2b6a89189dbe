const LONDON = 'Europe/London';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const londonDateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: LONDON,
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: LONDON,
});

/**
 * '2026-03-03' → '3 March 2026'. Calendar dates are formatted as written: no time-zone shift;
 * an instant is shown as its date in London.
 */
export function formatDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return dateFormat.format(new Date(`${value}T00:00:00Z`));
  }
  if (value instanceof Date) return londonDateFormat.format(value);
  return String(value);
}

/** An instant in London time: '3 March 2026 at 2:05pm'. */
export function formatDateTime(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  const parts = dateTimeFormat.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} at ${part('hour')}:${part('minute')}${part('dayPeriod').toLowerCase()}`;
}

const timeOfDayFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: LONDON,
});

/** The time of day of an instant in London, on the 24-hour clock: '10:42', '14:05'. */
export function formatTimeOfDay(instant: Date): string {
  return timeOfDayFormat.format(instant);
}

export function formatDuration(minutes: unknown): string {
  const total = Number(minutes);
  if (!Number.isFinite(total)) return '';
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  return (
    [
      hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '',
      rest ? `${rest} minute${rest === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(' ') || '0 minutes'
  );
}
