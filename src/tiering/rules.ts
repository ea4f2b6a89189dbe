/**
 * The two-axis tier: protect level A–D and change level 0–3, each with the steps that explain it.
 * Pure: no I/O, no clock. The input is trusted to have passed `tierRequest` (see schemas.ts).
 * Source: reference/risk-instruments.md, "Tiering", after ministryofjustice/hmpps-tier.
 */
import { calculateChange } from './change.js';
import { TIERING_POLICY } from './policy.js';
import type { TieringPolicy } from './policy.js';
import { calculateProtect } from './protect.js';
import type { TierInput, TierResult } from './types.js';

export function calculateTier(input: TierInput, policy: TieringPolicy = TIERING_POLICY): TierResult {
  const protect = calculateProtect(input, policy);
  const change = calculateChange(input, policy);
  return {
    protect: { points: protect.points, level: protect.level },
    change: { points: change.points, level: change.level },
    tier: `${protect.level}${change.level}`,
    explanation: [...protect.steps, ...change.steps],
  };
}
