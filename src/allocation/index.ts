export { allocate } from './service.js';
export { checkRoleBoundary, openBoundaryTask, type BoundaryCheck } from './boundary.js';
export {
  ROLE_BOUNDARY_POLICY,
  decideAllocation,
  needsProbationOfficer,
  boundaryAlert,
  type RoleBoundaryPolicy,
} from './role-boundary.js';
export { addCaseloadColumn, type CaseloadCell, type CaseloadColumn } from './caseload-columns.js';
