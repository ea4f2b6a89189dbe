/** The roles a user account or API client can hold. */
export const ROLES = {
  'probation-officer': 'Probation officer',
  'probation-services-officer': 'Probation services officer',
  'programme-facilitator': 'Programme facilitator',
  'unpaid-work-supervisor': 'Unpaid work supervisor',
  manager: 'Manager',
  administrator: 'Administrator',
} as const;

export type Role = keyof typeof ROLES;
export const ALL_ROLES = Object.keys(ROLES) as Role[];

export const RESPONSIBLE_OFFICERS: Role[] = ['probation-officer', 'probation-services-officer'];
/** Staff whose work needs a person's record: everyone but a pure administrator. */
export const PRACTITIONERS: Role[] = [
  'probation-officer',
  'probation-services-officer',
  'programme-facilitator',
  'unpaid-work-supervisor',
  'manager',
];
export const CASE_EDITORS: Role[] = ['probation-officer', 'probation-services-officer', 'manager'];
export const MANAGERS: Role[] = ['manager'];
export const ADMINISTRATORS: Role[] = ['administrator'];

export function isRole(value: string): value is Role {
  return value in ROLES;
}
