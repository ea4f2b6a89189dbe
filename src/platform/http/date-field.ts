import { z } from 'zod';

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

interface DateFieldOptions {
  /** Shown in messages: 'Date of birth'. */
  label: string;
  required?: boolean;
  mustBeInPast?: { today: string };
  notInFuture?: { today: string };
}

/**
 * A GOV.UK date input (day, month, year boxes) read into an ISO date, with the
 * design system's error messages. An empty optional date reads as null.
 */
export function dateField(options: DateFieldOptions) {
  const { label } = options;
  const lower = label.charAt(0).toLowerCase() + label.slice(1);
  return z
    .object({ day: z.string(), month: z.string(), year: z.string() })
    .transform((parts, ctx): string | null => {
      const missing = (['day', 'month', 'year'] as const).filter((k) => parts[k].trim() === '');
      if (missing.length === 3) {
        if (options.required !== false) ctx.addIssue({ code: 'custom', message: `Enter ${lower}` });
        return null;
      }
      if (missing.length > 0) {
        ctx.addIssue({ code: 'custom', message: `${label} must include a ${missing.join(' and ')}` });
        return z.NEVER;
      }
      const [day, month, year] = [parts.day, parts.month, parts.year].map((v) => Number(v.trim()));
      if (![day, month, year].every((n) => Number.isInteger(n)) || !isRealDate(year!, month!, day!)) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a real date` });
        return z.NEVER;
      }
      if (year! < 1900 || year! > 2200) {
        ctx.addIssue({ code: 'custom', message: `${label} must include a 4-digit year after 1900` });
        return z.NEVER;
      }
      const iso = `${pad(year!, 4)}-${pad(month!)}-${pad(day!)}`;
      if (options.mustBeInPast && iso >= options.mustBeInPast.today) {
        ctx.addIssue({ code: 'custom', message: `${label} must be in the past` });
        return z.NEVER;
      }
      if (options.notInFuture && iso > options.notInFuture.today) {
        ctx.addIssue({ code: 'custom', message: `${label} must be today or in the past` });
        return z.NEVER;
      }
      return iso;
    });
}
