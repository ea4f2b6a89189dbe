export { ALL_ROLES, ROLES, isRole, type Role } from './roles.js';
export { findStaff, listCaseHoldingStaff, listStaffForSelection, listTeams, teamOfStaff } from './store.js';
