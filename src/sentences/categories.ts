/**
 * The OGRS3 offence categories an offence is classed under (the codes migration 004
 * gives every offence). They belong to the risk capability: kept here until it lands,
 * then imported from src/risk/index.ts.
 */
export const OGRS3_CATEGORIES: ReadonlyArray<{ code: string; description: string }> = [
  { code: 'violence', description: 'Violence against the person' },
  { code: 'robbery', description: 'Robbery' },
  { code: 'sexual-not-against-child', description: 'Sexual offence (not against a child)' },
  { code: 'sexual-against-child', description: 'Sexual offence against a child' },
  { code: 'soliciting-prostitution', description: 'Soliciting and prostitution' },
  { code: 'burglary-domestic', description: 'Domestic burglary' },
  { code: 'burglary-other', description: 'Other burglary' },
  { code: 'theft-non-motor', description: 'Theft (non-motor)' },
  { code: 'handling-stolen-goods', description: 'Handling stolen goods' },
  { code: 'fraud-forgery', description: 'Fraud, forgery and misrepresentation' },
  { code: 'absconding-bail', description: 'Absconding or bail offences' },
  { code: 'taking-driving-away', description: 'Taking and driving away and related offences' },
  { code: 'theft-from-vehicles', description: 'Theft from vehicles' },
  { code: 'other-motoring', description: 'Other motoring offences' },
  { code: 'drink-driving', description: 'Drink driving' },
  { code: 'criminal-damage', description: 'Criminal damage' },
  { code: 'drug-import-export-production', description: 'Drug import, export or production' },
  { code: 'drug-possession-supply', description: 'Drug possession or supply' },
  { code: 'public-order', description: 'Public order and harassment' },
  { code: 'other-offence', description: 'Other offence' },
];

export function describeCategory(code: string): string {
  return OGRS3_CATEGORIES.find((c) => c.code === code)?.description ?? code;
}
