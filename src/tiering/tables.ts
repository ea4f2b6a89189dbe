import type { Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp } from '../platform/tables.js';

export interface TieringTables {
  tier_calculations: {
    id: Generated<string>;
    person_id: string;
    calculated_at: GeneratedTimestamp;
    protect_points: number;
    protect_level: string;
    change_points: number;
    change_level: number;
    tier: string;
    explanation: JSONColumnType<unknown[]>;
    inputs: JSONColumnType<Record<string, unknown>>;
    reason: string;
  };
}
