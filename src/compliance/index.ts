/**
 * Compliance at a glance: the counting rules that appointments, the caseload and
 * the person's overview use. Pure: contacts in, answers with their reasons out;
 * `today` or `now` is always passed in. Enforcement's own rules (warnings, the
 * evidence window, breach and recall) live in src/enforcement.
 */
export * from './rules.js';
