/**
 * National (nDelius) register codes that are not complexity registers, so that the explanation can
 * tell "a register that does not count towards the tier" apart from "a code Probity does not know"
 * (often a typing mistake worth checking). Reference data, from reference/probation-domain.md.
 */

/** Registers whose meaning reaches the tier through another field of the request. */
const COUNTED_ELSEWHERE: Readonly<Record<string, string>> = {
  RLRH: 'RoSH register: RoSH is taken from the rosh field, not from registrations',
  RMRH: 'RoSH register: RoSH is taken from the rosh field, not from registrations',
  RHRH: 'RoSH register: RoSH is taken from the rosh field, not from registrations',
  RVHR: 'RoSH register: RoSH is taken from the rosh field, not from registrations',
  MAPP: 'MAPPA register: MAPPA is taken from the mappaLevel field, not from registrations',
  IIOM: 'IOM nominal register: IOM is taken from the iomNominal field, not from registrations',
};

const OTHER_KNOWN_REGISTERS: Readonly<Record<string, string>> = {
  ADVP: 'Domestic abuse perpetrator',
  REG30: 'Domestic abuse history',
  ADVV: 'Domestic abuse victim',
  IMAR: 'MARAC',
  IRMO: 'Hate crime',
  ARSO: 'Registered sex offender',
  ANSO: 'Non-registered sex offender',
  SHPO: 'Sexual harm prevention order',
  SPO: 'Stalking protection order',
  WEAP: 'Weapons',
  AV2S2: 'Risk to staff',
  INVI: 'Victim contact',
  RSTO: 'Restraining order',
  INLL: 'Lifer or IPP',
};

/** Why a register that is not a complexity register gives no protect points, in plain English. */
export function whyRegisterGivesNoPoints(code: string): string {
  const countedElsewhere = COUNTED_ELSEWHERE[code];
  if (countedElsewhere) return `${countedElsewhere}; ignored here`;
  const knownLabel = OTHER_KNOWN_REGISTERS[code];
  if (knownLabel) return `${knownLabel}: not a complexity register, so it gives no tier points; ignored`;
  return 'Unknown register code: ignored (check the code if it should count)';
}
