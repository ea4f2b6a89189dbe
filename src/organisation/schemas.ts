import { z } from 'zod';

export function newStaffForm(grades: string[], teamIds: string[]) {
  return z.object({
    staffCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{4,10}$/, 'Enter a staff code of 4 to 10 letters and numbers, like N01A010'),
    forename: z
      .string()
      .trim()
      .min(1, 'Enter the first name')
      .max(50, 'First name must be 50 characters or fewer'),
    surname: z
      .string()
      .trim()
      .min(1, 'Enter the last name')
      .max(50, 'Last name must be 50 characters or fewer'),
    grade: z.string().refine((v) => grades.includes(v), 'Select the grade'),
    teamId: z.string().refine((v) => teamIds.includes(v), 'Select the team'),
    email: z
      .string()
      .trim()
      .refine(
        (v) => v === '' || z.email().safeParse(v).success,
        'Enter an email address in the correct format, like name@example.com',
      )
      .transform((v) => (v === '' ? null : v)),
  });
}

/** Changing a staff member: a new grade or team, a corrected name or email, or leaving. */
export function editStaffForm(grades: string[], teamIds: string[]) {
  return newStaffForm(grades, teamIds)
    .omit({ staffCode: true })
    .extend({
      active: z.enum(['yes', 'no'], { message: 'Select whether they still work here' }),
      rowVersion: z.coerce.number().int().min(1),
    });
}

export function newTeamForm(pduIds: string[]) {
  return z.object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{3,10}$/, 'Enter a team code of 3 to 10 letters and numbers'),
    name: z.string().trim().min(1, 'Enter the team name').max(80, 'Team name must be 80 characters or fewer'),
    pduId: z.string().refine((v) => pduIds.includes(v), 'Select the probation delivery unit'),
  });
}
