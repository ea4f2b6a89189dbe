export { decideAccess, visibleTo, type Viewer } from './access.js';
export { ageOn, fullName } from './rules.js';
export { withPerson, type PersonPageContext } from './routes.js';
export { findPersonByCrn, referenceCodes } from './store.js';
export { viewerOf } from './viewer.js';
export { searchPeople } from './store.js';
export { addOverviewPanel, addPersonTab, type OverviewPanel } from './tabs.js';
