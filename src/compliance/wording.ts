/** Small helpers that keep the rules' reasons in plain, consistent English. */
import { longDate, type IsoDate } from '../platform/calendar/index.js';

export function countOf(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** '3 March 2026', or '3 March 2026, 9 May 2026 and 1 June 2026'. */
export function listOfDates(dates: readonly IsoDate[]): string {
  const words = dates.map(longDate);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** '9 hours', '45 minutes', '12 hours 30 minutes'. */
export function hoursAndMinutes(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const parts = [
    hours > 0 ? countOf(hours, 'hour', 'hours') : '',
    minutes > 0 || hours === 0 ? countOf(minutes, 'minute', 'minutes') : '',
  ];
  return parts.filter(Boolean).join(' ');
}
