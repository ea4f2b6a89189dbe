/** What the specialist pages share: the person page context, paths, messages and errors. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CASE_EDITORS } from '../organisation/roles.js';
import type { PersonPageContext } from '../people/index.js';
import { hasRole } from '../platform/http/access.js';
import { formatDateTime } from '../platform/http/format.js';
import { text, type FormErrors } from '../platform/http/forms.js';
import { RM2000_APPROXIMATE_NOTICE } from './rm2000-tables.js';

export type Body = Record<string, unknown>;
export type CrnParams = { Params: { crn: string } };
export type IdParams = { Params: { crn: string; id: string } };

export const VIEWS = 'risk/views';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function mayEdit(request: FastifyRequest): boolean {
  return hasRole(request, ...CASE_EDITORS);
}

export function expectedVersionOf(body: Body): number {
  const version = Number(text(body, 'rowVersion'));
  return Number.isInteger(version) ? version : -1;
}

/** Problems found after the form parsed, as GOV.UK errors; `href` lets a problem link to another page. */
export function problemErrors(
  problems: ReadonlyArray<{ field: string; message: string }>,
  href: (field: string) => string = (field) => `#${field}`,
): FormErrors {
  const errors: FormErrors = { summary: [], fields: {} };
  for (const p of problems) {
    if (!errors.fields[p.field]) errors.fields[p.field] = { text: p.message };
    errors.summary.push({ text: p.message, href: href(p.field) });
  }
  return errors;
}

/** A person page on the Assessments tab, going back to it. */
export function pageView(page: PersonPageContext, extra: Record<string, unknown>) {
  return {
    person: page.person,
    record: page.record,
    lists: page.lists,
    today: page.today,
    tab: 'assessments',
    backLink: `/people/${page.person.crn}/assessments`,
    ...extra,
  };
}

export function base(crn: string, kind: 'sara' | 'rm2000'): string {
  return `/people/${crn}/assessments/${kind}`;
}

/** A refusal in words (locked, or changed by someone else), with the way back; RM2000's carry its notice. */
export function message(
  reply: FastifyReply,
  page: PersonPageContext,
  title: 'SARA' | 'Risk Matrix 2000',
  lines: string[],
  back: string,
  code: number,
) {
  return reply.code(code).render(
    `${VIEWS}/specialist-message.njk`,
    pageView(page, {
      pageTitle: title,
      lines,
      back,
      rm2000: title === 'Risk Matrix 2000',
      notice: RM2000_APPROXIMATE_NOTICE,
    }),
  );
}

export function formatWhen(value: Date | null): string {
  return value ? formatDateTime(value) : 'an unknown time';
}
