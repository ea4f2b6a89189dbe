import { sql, type Kysely } from 'kysely';

type Row = [code: string, description: string];

const referenceSets: Record<string, Row[]> = {
  sex: [
    ['M', 'Male'],
    ['F', 'Female'],
  ],
  'gender-identity': [
    ['SAME', 'Same as sex registered at birth'],
    ['MAN', 'Man'],
    ['WOMAN', 'Woman'],
    ['NB', 'Non-binary'],
    ['OTHER', 'Prefers to self-describe'],
    ['NS', 'Prefers not to say'],
  ],
  ethnicity: [
    ['W1', 'White: English, Welsh, Scottish, Northern Irish or British'],
    ['W2', 'White: Irish'],
    ['W3', 'White: Gypsy or Irish Traveller'],
    ['W4', 'White: Roma'],
    ['W9', 'White: any other White background'],
    ['M1', 'Mixed: White and Black Caribbean'],
    ['M2', 'Mixed: White and Black African'],
    ['M3', 'Mixed: White and Asian'],
    ['M9', 'Mixed: any other mixed background'],
    ['A1', 'Asian or Asian British: Indian'],
    ['A2', 'Asian or Asian British: Pakistani'],
    ['A3', 'Asian or Asian British: Bangladeshi'],
    ['A4', 'Asian or Asian British: Chinese'],
    ['A9', 'Asian or Asian British: any other Asian background'],
    ['B1', 'Black or Black British: Caribbean'],
    ['B2', 'Black or Black British: African'],
    ['B9', 'Black or Black British: any other Black background'],
    ['O2', 'Other ethnic group: Arab'],
    ['O9', 'Other ethnic group: any other'],
    ['NS', 'Not stated'],
  ],
  religion: [
    ['NONE', 'No religion'],
    ['CHR', 'Christian'],
    ['BUD', 'Buddhist'],
    ['HIN', 'Hindu'],
    ['JEW', 'Jewish'],
    ['MUS', 'Muslim'],
    ['SIK', 'Sikh'],
    ['OTH', 'Any other religion'],
    ['NS', 'Not stated'],
  ],
  'sexual-orientation': [
    ['HET', 'Heterosexual or straight'],
    ['GAY', 'Gay or lesbian'],
    ['BI', 'Bisexual'],
    ['OTH', 'Other sexual orientation'],
    ['NS', 'Not stated'],
  ],
  language: [
    ['ENG', 'English'],
    ['WEL', 'Welsh'],
    ['POL', 'Polish'],
    ['ROM', 'Romanian'],
    ['URD', 'Urdu'],
    ['PAN', 'Punjabi'],
    ['BEN', 'Bengali'],
    ['ARA', 'Arabic'],
    ['LIT', 'Lithuanian'],
    ['POR', 'Portuguese'],
    ['SOM', 'Somali'],
    ['KUR', 'Kurdish'],
    ['TIG', 'Tigrinya'],
    ['ALB', 'Albanian'],
    ['OTH', 'Other language'],
  ],
  disability: [
    ['LD', 'Learning disability'],
    ['LDF', 'Learning difficulty (for example dyslexia)'],
    ['MH', 'Mental health condition'],
    ['MOB', 'Reduced mobility'],
    ['VIS', 'Visual impairment'],
    ['HEAR', 'Hearing impairment'],
    ['ASD', 'Autism spectrum condition'],
    ['LTC', 'Long-term health condition'],
    ['OTH', 'Other disability'],
  ],
  'contact-relationship': [
    ['NOK', 'Next of kin'],
    ['GP', 'GP'],
    ['PARTNER', 'Partner'],
    ['PARENT', 'Parent'],
    ['SIBLING', 'Brother or sister'],
    ['FRIEND', 'Friend'],
    ['SOCWRK', 'Social worker'],
    ['SOLICITOR', 'Solicitor'],
    ['EMPLOYER', 'Employer'],
    ['OTHER', 'Other'],
  ],
  'contact-preference': [
    ['PHONE', 'Phone call'],
    ['TEXT', 'Text message'],
    ['EMAIL', 'Email'],
    ['LETTER', 'Letter'],
  ],
  'allocation-reason': [
    ['INITIAL', 'Initial allocation'],
    ['WORKLOAD', 'Workload balancing'],
    ['RISK', 'Change in risk'],
    ['MOVED', 'Person moved area'],
    ['STAFF-LEFT', 'Officer left or changed role'],
    ['CONFLICT', 'Conflict of interest'],
    ['OTHER', 'Other reason'],
  ],
};

const staffGrades: Array<[string, string, number]> = [
  ['PO', 'Probation officer', 10],
  ['PSO', 'Probation services officer', 20],
  ['SPO', 'Senior probation officer', 30],
  ['TPO', 'Trainee probation officer (PQiP)', 40],
  ['FAC', 'Programme facilitator', 50],
  ['UPW', 'Unpaid work supervisor', 60],
  ['ADM', 'Case administrator', 70],
  ['HOS', 'Head of service', 80],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [setCode, rows] of Object.entries(referenceSets)) {
    for (const [index, [code, description]] of rows.entries()) {
      await sql`insert into reference_data (set_code, code, description, sort_order)
        values (${setCode}, ${code}, ${description}, ${index * 10})`.execute(db);
    }
  }
  for (const [code, description, sortOrder] of staffGrades) {
    await sql`insert into staff_grades (code, description, sort_order)
      values (${code}, ${description}, ${sortOrder})`.execute(db);
  }
}
