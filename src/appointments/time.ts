/** Clock times in Europe/London: the one place a local date and time become an instant, and back. */

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function londonWallClock(instant: Date): number {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
}

/**
 * The instant of a wall-clock time in London on a date. In the hour skipped when
 * the clocks go forward, the time is read as British Summer Time would give it;
 * in the repeated hour when they go back, the first (summer time) occurrence.
 */
export function londonInstant(date: string, hour: number, minute: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wanted = Date.UTC(y, m - 1, d, hour, minute);
  // London is UTC+0 or UTC+1: try summer time first, then winter time.
  for (const offsetHours of [1, 0]) {
    const guess = new Date(wanted - offsetHours * 3_600_000);
    if (londonWallClock(guess) === wanted) return guess;
  }
  return new Date(wanted - 3_600_000);
}

/** '14:05' for an instant, in London. */
export function londonTimeOf(instant: Date): string {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute}`;
}

/** '2:05pm' for an instant, in London, as GOV.UK writes times. */
export function londonClockTime(instant: Date): string {
  const [h, m] = londonTimeOf(instant).split(':').map(Number) as [number, number];
  const suffix = h < 12 ? 'am' : 'pm';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  if (h === 12 && m === 0) return 'midday';
  if (h === 0 && m === 0) return 'midnight';
  return `${hour12}:${String(m).padStart(2, '0')}${suffix}`;
}
