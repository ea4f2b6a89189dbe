/**
 * Registrations (flags): pure decisions, no I/O, no clock (`today` is passed in).
 * Review periods come from the register type (local policy, held in `register_types`).
 */
import { addDays, addMonths, type IsoDate } from '../platform/calendar/index.js';
import type { RegisterCategory } from './tables.js';

export interface RegisterType {
  code: string;
  description: string;
  category: RegisterCategory;
  review_period_months: number;
  flag_colour: string;
  levels: string[];
  categories: string[];
}

/** Local policy with documented defaults: how soon before its date a review shows as due. */
export const REGISTRATION_POLICY = {
  /** A review falls due this many days before its date, and is overdue after it. */
  reviewDueWithinDays: 28,
} as const;

/** The next review: the type's review period after the registration or the last review. */
export function nextReviewDate(from: IsoDate, type: Pick<RegisterType, 'review_period_months'>): IsoDate {
  return addMonths(from, type.review_period_months);
}

export type ReviewStatus = 'overdue' | 'due' | 'not-due';

export function reviewStatus(
  nextReviewOn: IsoDate,
  today: IsoDate,
  policy: { reviewDueWithinDays: number } = REGISTRATION_POLICY,
): ReviewStatus {
  if (nextReviewOn < today) return 'overdue';
  if (nextReviewOn <= addDays(today, policy.reviewDueWithinDays)) return 'due';
  return 'not-due';
}

/** MAPPA codes are stored as nDelius holds them (M1…); people read "level 2", "category 1". */
export function describeLevel(code: string | null): string | null {
  return code ? `Level ${code.replace(/^M/, '')}` : null;
}

export function describeCategory(code: string | null): string | null {
  return code ? `Category ${code.replace(/^M/, '')}` : null;
}

function oneOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

export interface FieldMessage {
  field: 'level' | 'category';
  message: string;
}

/**
 * Which level and category a type allows. A type with levels needs one of them, and a type
 * without levels takes none; the same for categories. Each refusal names what the type allows.
 */
export function checkLevelAndCategory(
  type: RegisterType,
  chosen: { level: string | null; category: string | null },
): FieldMessage[] {
  const problems: FieldMessage[] = [];
  const check = (
    field: 'level' | 'category',
    allowed: readonly string[],
    value: string | null,
    describe: (code: string) => string | null,
  ) => {
    if (allowed.length === 0) {
      if (value)
        problems.push({
          field,
          message: `${type.description} (${type.code}) does not have a ${field}: leave ${field} empty`,
        });
      return;
    }
    if (!value) {
      problems.push({ field, message: `Select the ${type.description} ${field}` });
      return;
    }
    if (!allowed.includes(value)) {
      const names = allowed.map((code) => describe(code) ?? code);
      problems.push({
        field,
        message: `${type.description} has no ${field} ${value}: choose ${oneOf(names)}`,
      });
    }
  };
  check('level', type.levels, chosen.level, describeLevel);
  check('category', type.categories, chosen.category, describeCategory);
  return problems;
}

/** RoSH and MAPPA are one at a time: a new one replaces the current one of the same kind. */
export function replacesOnAdd(type: Pick<RegisterType, 'category'>): boolean {
  return type.category === 'rosh' || type.category === 'mappa';
}

const ROSH_ORDER: Record<string, number> = { RVHR: 0, RHRH: 1, RMRH: 2, RLRH: 3 };

/** Flags for the overview: RoSH first (highest first), then MAPPA, then the rest by type order. */
export function flagOrder<T extends { type_code: string; category: RegisterCategory; sort_order: number }>(
  flags: readonly T[],
): T[] {
  const rank = (flag: T) =>
    flag.category === 'rosh'
      ? (ROSH_ORDER[flag.type_code] ?? 9)
      : flag.category === 'mappa'
        ? 10
        : 20 + flag.sort_order;
  return [...flags].sort((a, b) => rank(a) - rank(b));
}

/** The tier's reading of RoSH from registrations: the current RoSH register, highest if several. */
export function roshFromCodes(codes: readonly string[]): 'low' | 'medium' | 'high' | 'very-high' | null {
  if (codes.includes('RVHR')) return 'very-high';
  if (codes.includes('RHRH')) return 'high';
  if (codes.includes('RMRH')) return 'medium';
  if (codes.includes('RLRH')) return 'low';
  return null;
}

/** MAPPA level 1–3 from a current MAPP registration's level code (M1…M3). */
export function mappaLevelFrom(level: string | null | undefined): 1 | 2 | 3 | null {
  const n = Number(level?.replace(/^M/, ''));
  return n === 1 || n === 2 || n === 3 ? n : null;
}
