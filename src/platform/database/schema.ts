import type { AssessmentTables } from '../../assessment/tables.js';
import type { AllocationTables } from '../../allocation/tables.js';
import type { AppointmentTables } from '../../appointments/tables.js';
import type { EnforcementTables } from '../../enforcement/tables.js';
import type { OrganisationTables } from '../../organisation/tables.js';
import type { PeopleTables } from '../../people/tables.js';
import type { PlanningTables } from '../../planning/tables.js';
import type { RegistrationTables } from '../../registrations/tables.js';
import type { RiskTables } from '../../risk/tables.js';
import type { SentenceTables } from '../../sentences/tables.js';
import type { TieringTables } from '../../tiering/tables.js';
import type { PlatformTables } from '../tables.js';

/** Every table, composed from the capability that owns it. */
export interface Database
  extends
    PlatformTables,
    OrganisationTables,
    PeopleTables,
    AllocationTables,
    SentenceTables,
    AppointmentTables,
    RegistrationTables,
    TieringTables,
    EnforcementTables,
    AssessmentTables,
    RiskTables,
    PlanningTables {}
