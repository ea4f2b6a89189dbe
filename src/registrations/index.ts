/** Registrations (flags): what other capabilities may use. */
export { addRegistrationWithin, type ChangeOutcome, type NewRegistration } from './service.js';
