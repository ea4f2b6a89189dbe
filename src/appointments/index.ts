/**
 * The appointments capability's public surface: arranging appointments,
 * recording outcomes, the activity log, the diary, and compliance at a glance.
 */
export { appointmentRoutes } from './routes.js';
export { complianceSummary, type ComplianceSummary } from './service.js';
export { complianceForPeople } from './store.js';
export { londonClockTime, londonInstant } from './time.js';
