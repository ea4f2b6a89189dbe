import type { IsoDate } from '../platform/calendar/index.js';

/** A rule's parameters from a commencement date, with the law or policy they come from. */
export interface RuleVersion<T> {
  effectiveFrom: IsoDate;
  source: string;
  values: T;
}

/**
 * The version in force on a date: the latest whose commencement is on or
 * before it. An order is judged by the version the rule says applies to it
 * (by failure, conviction or sentence date), never simply today's.
 */
export function versionInForce<T>(versions: readonly RuleVersion<T>[], on: IsoDate): RuleVersion<T> {
  const applicable = versions
    .filter((v) => v.effectiveFrom <= on)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const version = applicable[0];
  if (!version) throw new Error(`No rule version is in force on ${on}`);
  return version;
}
