export { decideAccess, visibleTo, type Viewer } from './access.js';
export {
  ageOn,
  employmentKind,
  formatCrn,
  fullName,
  pncWithCheckCharacter,
  type EmploymentKind,
} from './rules.js';
export { withPerson, type PersonPageContext } from './routes.js';
export { currentEmploymentOf, findPersonByCrn, referenceCodes } from './store.js';
export { viewerOf } from './viewer.js';
export { searchPeople } from './store.js';
export { addOverviewPanel, addPersonTab, type OverviewPanel } from './tabs.js';
