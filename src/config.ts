import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Probity reads, from the environment, once, validated.
 * The README documents each variable; keep the two in step.
 */
const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  PROBITY_DATA_DIR: z.string().default('./data'),
  PROBITY_DEMO_DATA: z.enum(['auto', 'always', 'never']).default('auto'),
  PROBITY_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  PROBITY_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(10),
  PROBITY_SIGN_IN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  PROBITY_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  PROBITY_API_TOKEN_MINUTES: z.coerce.number().int().min(1).default(60),
  PROBITY_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*|loopback|linklocal|uniquelocal)$/,
      'false, true, a number of proxies, or the proxies’ addresses',
    )
    .default('false'),
  PROBITY_EVIDENCE_WINDOW_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(5),
  PROBITY_ENFORCEMENT_DECISION_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(2),
  PROBITY_BREACH_PACK_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  PROBITY_SENIOR_MANAGER_GRADES: z
    .string()
    .regex(/^[A-Z0-9]+(,[A-Z0-9]+)*$/, 'must be staff grade codes separated by commas, like HOS')
    .default('HOS'),
  PROBITY_SENTENCING_ACT_2026_COMMENCEMENT: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-01')
    .optional(),
  PROBITY_INITIAL_PLAN_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(15),
  PROBITY_INITIAL_PLAN_HIGHEST_TIER_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoData: 'auto' | 'always' | 'never';
  session: { idleMinutes: number; absoluteHours: number };
  signIn: { maxFailuresBeforeLock: number; lockMinutes: number; attemptsPerAddressPer15Minutes: number };
  cookieSecure: boolean;
  apiTokenMinutes: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (sign-in rate limit,
   * audit trail). Believing a header the client wrote would let anyone choose their address.
   */
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  /** Local enforcement policy: timescales with documented defaults (probation-domain.md, Rules and timescales). */
  enforcement: {
    evidenceWindowWorkingDays: number;
    decisionDueWorkingDays: number;
    breachPackWorkingDays: number;
    /** Staff grades whose managers countersign emergency recalls as senior managers. */
    seniorManagerGrades: string[];
    sentencingAct2026Commencement: string | null;
  };
  /** Local planning policy: the initial sentence plan's timescales (National Standards: 15 working days, 5 for the highest tier). */
  planning: {
    initialPlanWorkingDays: number;
    initialPlanHighestTierWorkingDays: number;
  };
  logLevel: string;
  production: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environment.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Probity's configuration is not valid: ${problems}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.PROBITY_DATA_DIR),
    demoData: e.PROBITY_DEMO_DATA,
    session: { idleMinutes: e.PROBITY_SESSION_IDLE_MINUTES, absoluteHours: e.PROBITY_SESSION_ABSOLUTE_HOURS },
    signIn: {
      maxFailuresBeforeLock: 5,
      lockMinutes: 15,
      attemptsPerAddressPer15Minutes: e.PROBITY_SIGN_IN_ATTEMPTS_PER_ADDRESS,
    },
    cookieSecure: e.PROBITY_COOKIE_SECURE === 'auto' ? production : e.PROBITY_COOKIE_SECURE === 'true',
    apiTokenMinutes: e.PROBITY_API_TOKEN_MINUTES,
    trustProxy: readTrustProxy(e.PROBITY_TRUST_PROXY),
    enforcement: {
      evidenceWindowWorkingDays: e.PROBITY_EVIDENCE_WINDOW_WORKING_DAYS,
      decisionDueWorkingDays: e.PROBITY_ENFORCEMENT_DECISION_WORKING_DAYS,
      breachPackWorkingDays: e.PROBITY_BREACH_PACK_WORKING_DAYS,
      seniorManagerGrades: e.PROBITY_SENIOR_MANAGER_GRADES.split(','),
      sentencingAct2026Commencement: e.PROBITY_SENTENCING_ACT_2026_COMMENCEMENT ?? null,
    },
    planning: {
      initialPlanWorkingDays: e.PROBITY_INITIAL_PLAN_WORKING_DAYS,
      initialPlanHighestTierWorkingDays: e.PROBITY_INITIAL_PLAN_HIGHEST_TIER_WORKING_DAYS,
    },
    logLevel: e.LOG_LEVEL,
    production,
  };
}

function readTrustProxy(value: string): Config['trustProxy'] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) {
    // A number of proxies in front: believe that many hops, counting from the nearest.
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}
