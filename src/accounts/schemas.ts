import { z } from 'zod';
import { ALL_ROLES } from '../organisation/roles.js';
import { passwordProblems } from './rules.js';

export const signInForm = z.object({
  username: z.string().trim().min(1, 'Enter your username'),
  password: z.string().min(1, 'Enter your password'),
});

export function changePasswordForm(username: string) {
  return z
    .object({
      currentPassword: z.string().min(1, 'Enter your current password'),
      newPassword: z.string().min(1, 'Enter a new password'),
      confirmPassword: z.string().min(1, 'Confirm your new password'),
    })
    .superRefine((form, ctx) => {
      if (!form.newPassword) return;
      for (const message of passwordProblems(form.newPassword, {
        username,
        currentPassword: form.currentPassword,
      })) {
        ctx.addIssue({ code: 'custom', path: ['newPassword'], message });
      }
      if (form.confirmPassword && form.confirmPassword !== form.newPassword) {
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The passwords do not match' });
      }
    });
}

const roles = z
  .array(z.enum(ALL_ROLES as [string, ...string[]], { message: 'Choose a role from the list' }))
  .min(1, 'Choose at least one role');

export const newUserForm = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'Enter a username')
    .max(60, 'Username must be 60 characters or fewer')
    .regex(
      /^[a-zA-Z0-9._-]+$/,
      'Username must only include letters, numbers, full stops, hyphens and underscores',
    ),
  displayName: z
    .string()
    .trim()
    .min(1, 'Enter the name to show for this user')
    .max(120, 'Name must be 120 characters or fewer'),
  staffId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null)),
  roles,
});

export const newApiClientForm = z.object({
  clientId: z
    .string()
    .trim()
    .min(3, 'Client ID must be 3 characters or more')
    .max(60, 'Client ID must be 60 characters or fewer')
    .regex(/^[a-z0-9-]+$/, 'Client ID must only include lower-case letters, numbers and hyphens'),
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name for the client')
    .max(120, 'Name must be 120 characters or fewer'),
  roles,
});

export const tokenRequest = z.object({
  grant_type: z.literal('client_credentials', { message: 'grant_type must be client_credentials' }),
});

export const editUserForm = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, 'Enter the name to show for this user')
    .max(120, 'Name must be 120 characters or fewer'),
  staffId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null)),
  roles,
});

/** The client ID is its name in the OAuth exchange and never changes; its name and roles do. */
export const editApiClientForm = newApiClientForm.omit({ clientId: true });
