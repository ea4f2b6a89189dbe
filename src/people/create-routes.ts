import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_EDITORS } from '../organisation/roles.js';
import { actorOf } from '../platform/audit/audit.js';
import { londonDateOf as todayInLondon } from '../platform/calendar/london.js';
import type { AppContext } from '../platform/http/context.js';
import { NO_ERRORS, singleError, text, toFormErrors, type FormErrors } from '../platform/http/forms.js';
import { duplicateReasons } from './rules.js';
import type {
  AddressForm,
  ContactSection,
  DetailsSection,
  EqualitySection,
  IdentifiersSection,
} from './schemas.js';
import {
  codesFrom,
  rawValues,
  SECTIONS,
  sectionNamed,
  type RawValues,
  type SectionDefinition,
} from './sections.js';
import * as people from './service.js';
import * as store from './store.js';
import { viewerOf } from './viewer.js';

const JOURNEY = 'create-person';
type Draft = Record<string, RawValues & { noFixedAbode?: string }>;
type StepParams = { Params: { step: string }; Querystring: { change?: string } };

async function readDraft(context: AppContext, request: FastifyRequest): Promise<Draft> {
  const row = await context.db
    .selectFrom('journey_drafts')
    .select('data')
    .where('session_id', '=', request.sessionId!)
    .where('journey', '=', JOURNEY)
    .executeTakeFirst();
  return (row?.data as Draft | undefined) ?? {};
}

async function saveDraft(context: AppContext, request: FastifyRequest, draft: Draft) {
  await context.db
    .insertInto('journey_drafts')
    .values({ session_id: request.sessionId!, journey: JOURNEY, data: JSON.stringify(draft) })
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'journey'])
        .doUpdateSet({ data: JSON.stringify(draft), updated_at: new Date() }),
    )
    .execute();
}

function nextStep(step: SectionDefinition): string {
  const index = SECTIONS.indexOf(step);
  const next = SECTIONS[index + 1];
  return next ? `/people/new/${next.name}` : '/people/new/check';
}

function previousStep(step: SectionDefinition): string {
  const index = SECTIONS.indexOf(step);
  const previous = SECTIONS[index - 1];
  return previous ? `/people/new/${previous.name}` : '/search';
}

/** Validates every step of the draft; the first step with a problem is where the user must go back to. */
function validateDraft(draft: Draft, today: string, codes: ReturnType<typeof codesFrom>) {
  const parsed: Record<string, unknown> = {};
  for (const section of SECTIONS) {
    const values = draft[section.name];
    if (!values) return { complete: false as const, firstIncomplete: section.name };
    if (section.name === 'address' && values.noFixedAbode === 'yes') {
      parsed.address = null;
      continue;
    }
    const result = section.schema(today, codes).safeParse(values);
    if (!result.success) return { complete: false as const, firstIncomplete: section.name };
    parsed[section.name] = result.data;
  }
  return {
    complete: true as const,
    person: {
      details: parsed.details as DetailsSection,
      identifiers: parsed.identifiers as IdentifiersSection,
      contact: parsed.contact as ContactSection,
      equality: parsed.equality as EqualitySection,
      address: parsed.address as AddressForm | null,
    },
  };
}

export function personCreationRoutes(app: FastifyInstance, context: AppContext): void {
  const config = { allow: CASE_EDITORS };
  const today = () => todayInLondon(context.now());

  const stepPage = async (
    reply: FastifyReply,
    section: SectionDefinition,
    values: RawValues,
    errors: FormErrors,
    change: boolean,
  ) =>
    reply.render('people/views/create-step.njk', {
      section,
      values,
      errors,
      change,
      stepNumber: SECTIONS.indexOf(section) + 1,
      stepCount: SECTIONS.length,
      backLink: change ? '/people/new/check' : previousStep(section),
      lists: await store.referenceCodes(context.db),
    });

  app.get('/people/new', { config }, async (request, reply) => {
    await context.db
      .deleteFrom('journey_drafts')
      .where('session_id', '=', request.sessionId!)
      .where('journey', '=', JOURNEY)
      .execute();
    return reply.redirect('/people/new/details');
  });

  app.get<StepParams>('/people/new/:step', { config }, async (request, reply) => {
    if (request.params.step === 'check') return checkPage(request, reply);
    const section = sectionNamed(request.params.step);
    if (!section) return reply.callNotFound();
    const draft = await readDraft(context, request);
    return stepPage(reply, section, draft[section.name] ?? {}, NO_ERRORS, request.query.change === 'yes');
  });

  app.post<StepParams>('/people/new/:step', { config }, async (request, reply) => {
    if (request.params.step === 'check') return createFromDraft(request, reply);
    const section = sectionNamed(request.params.step);
    if (!section) return reply.callNotFound();
    const body = request.body as Record<string, unknown>;
    const values: RawValues & { noFixedAbode?: string } = rawValues(section, body);
    const change = request.query.change === 'yes';
    if (section.name === 'address' && text(body, 'noFixedAbode') === 'yes') values.noFixedAbode = 'yes';
    else {
      const lists = await store.referenceCodes(context.db);
      const parsed = section.schema(today(), codesFrom(lists)).safeParse(values);
      if (!parsed.success)
        return stepPage(
          reply.code(400),
          section,
          values,
          toFormErrors(parsed.error, section.dateFields),
          change,
        );
    }
    const draft = await readDraft(context, request);
    draft[section.name] = values;
    await saveDraft(context, request, draft);
    return reply.redirect(change ? '/people/new/check' : nextStep(section));
  });

  async function checkPage(request: FastifyRequest, reply: FastifyReply, errors: FormErrors = NO_ERRORS) {
    const draft = await readDraft(context, request);
    const lists = await store.referenceCodes(context.db);
    const validation = validateDraft(draft, today(), codesFrom(lists));
    if (!validation.complete) return reply.redirect(`/people/new/${validation.firstIncomplete}`);
    const candidate = {
      forename: validation.person.details.forename,
      surname: validation.person.details.surname,
      dateOfBirth: validation.person.details.dateOfBirth!,
      pncNumber: validation.person.identifiers.pncNumber,
    };
    const matches = await store.likelyDuplicates(context.db, viewerOf(request), candidate);
    const duplicates = matches
      .map((m) => ({
        ...m,
        reasons: duplicateReasons(candidate, {
          forename: m.forename,
          surname: m.surname,
          dateOfBirth: m.date_of_birth,
          pncNumber: m.pnc_number,
        }),
      }))
      .filter((m) => m.reasons.length > 0);
    return reply.code(errors.summary.length ? 400 : 200).render('people/views/create-check.njk', {
      person: validation.person,
      lists,
      duplicates,
      errors,
    });
  }

  async function createFromDraft(request: FastifyRequest, reply: FastifyReply) {
    const draft = await readDraft(context, request);
    const lists = await store.referenceCodes(context.db);
    const validation = validateDraft(draft, today(), codesFrom(lists));
    if (!validation.complete) return reply.redirect(`/people/new/${validation.firstIncomplete}`);
    const details = validation.person.details;
    const matches = await store.likelyDuplicates(context.db, viewerOf(request), {
      forename: details.forename,
      surname: details.surname,
      dateOfBirth: details.dateOfBirth!,
      pncNumber: validation.person.identifiers.pncNumber,
    });
    const confirmed = text(request.body as Record<string, unknown>, 'confirmNotDuplicate') === 'yes';
    if (matches.length > 0 && !confirmed) {
      return checkPage(
        request,
        reply,
        singleError(
          'confirmNotDuplicate',
          'Confirm you have checked the likely duplicate records and this is a different person',
        ),
      );
    }
    const created = await people.createPerson(context.db, actorOf(request), validation.person);
    await context.db
      .deleteFrom('journey_drafts')
      .where('session_id', '=', request.sessionId!)
      .where('journey', '=', JOURNEY)
      .execute();
    return reply.redirect(`/people/${created.crn}?created=yes`);
  }
}
