import type {
  ChangeLevel,
  MappaLevel,
  NeedName,
  NeedSeverity,
  ProtectLevel,
  RoshLevel,
  WomenFactor,
} from './policy.js';

/** The body of the tier calculator API, and the calculator's input. */
export interface TierInput {
  sex: 'male' | 'female';
  rosh: RoshLevel | null;
  /** RSR percentage, 0 to 100. */
  rsr: number | null;
  mappaLevel: MappaLevel | null;
  /** nDelius register codes. */
  registrations: string[];
  needs: Partial<Record<NeedName, NeedSeverity>>;
  /** OGRS3 two-year percentage, 0 to 100. */
  ogrsPercent: number | null;
  iomNominal: boolean;
  mandateForChange: boolean;
  validAssessment: boolean;
  womenFactors?: Partial<Record<WomenFactor, boolean>>;
}

export type Axis = 'protect' | 'change';

/** One line of "how this was worked out": an input, its value, and the points it gave the axis. */
export interface ExplanationStep {
  axis: Axis;
  input: string;
  value: string | number | boolean | null;
  points: number;
  note?: string;
}

export interface AxisResult<Level> {
  points: number;
  level: Level;
}

export interface TierResult {
  protect: AxisResult<ProtectLevel>;
  change: AxisResult<ChangeLevel>;
  /** The protect letter then the change digit, for example B2. */
  tier: string;
  explanation: ExplanationStep[];
}

/** What each axis calculator answers: its level and the steps whose points add up to its total. */
export interface AxisOutcome<Level> extends AxisResult<Level> {
  steps: ExplanationStep[];
}

export function sumOfPoints(steps: readonly ExplanationStep[]): number {
  return steps.reduce((total, step) => total + step.points, 0);
}
