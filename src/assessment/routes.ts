import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_EDITORS, MANAGERS, PRACTITIONERS } from '../organisation/roles.js';
import { addCaseloadColumn, type CaseloadCell } from '../allocation/index.js';
import {
  addOverviewPanel,
  addPersonTab,
  findPersonByCrn,
  withPerson,
  type PersonPageContext,
} from '../people/index.js';
import { actorOf } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/http/context.js';
import { longDate } from '../platform/calendar/index.js';
import { NO_ERRORS, text, toFormErrors, type FormErrors } from '../platform/http/forms.js';
import { formatTimeOfDay } from '../platform/http/format.js';
import { takeHeldSubmission } from '../platform/http/held-submissions.js';
import { secondsLeft } from '../platform/http/sessions.js';
import { OGRS3_OFFENCE_CATEGORIES, specialistAssessmentsPanel } from '../risk/index.js';
import { assessmentClocksFor } from './caseload.js';
import { ASSESSMENT_POLICY } from './policy.js';
import { recordValuesOf } from './record.js';
import {
  assessmentClock,
  changesFrom,
  completionProblems,
  describeRatingKey,
  effectiveAnswer,
  factApplies,
  scoreSection,
  type AssessmentClock,
  type FieldMessage,
  type RecordValues,
  type SectionState,
} from './rules.js';
import {
  readSectionForm,
  returnForm,
  sectionValues,
  signForm,
  startForm,
  type SectionValues,
} from './schemas.js';
import {
  ROSH_GROUPS,
  ROSH_QUESTIONS,
  ROSH_RATINGS,
  SCALES,
  SECTIONS,
  optionOf,
  ratingKey,
  sectionDefinition,
  type SectionDefinition,
} from './sections.js';
import * as assessments from './service.js';
import * as store from './store.js';
import { summarise, type AssessmentSnapshot } from './summary.js';

type Body = Record<string, unknown>;
type CrnParams = { Params: { crn: string } };
type AssessmentParams = { Params: { crn: string; id: string } };
type SectionParams = { Params: { crn: string; id: string; code: string } };

const VIEWS = 'assessment/views';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATE_TEXT = {
  'in-progress': 'In progress',
  'awaiting-countersignature': 'Awaiting countersignature',
  locked: 'Complete and locked',
} as const;

const TYPE_TEXT = { initial: 'Initial', review: 'Review', termination: 'Termination' } as const;

function caseloadCell(clock: AssessmentClock): CaseloadCell {
  if (!clock.due) return { text: 'None due' };
  const what = clock.kind === 'initial' ? 'Initial' : 'Review';
  const text = `${what} by ${longDate(clock.dueOn)}${clock.inProgress ? ', in progress' : ''}`;
  if (clock.status === 'overdue') return { text, tag: { text: 'Overdue', colour: 'red' } };
  if (clock.status === 'due-soon') return { text, tag: { text: 'Due soon', colour: 'yellow' } };
  return { text };
}

/** The banner after a change, from the redirect's query. */
function flashFor(query: Record<string, string>, row: store.AssessmentRow): string | undefined {
  if (query.rosh) {
    const alerted =
      query.manager === 'alerted' ? ' The team manager has been given a task to review the case.' : '';
    return `Risk of serious harm summary completed: RoSH registered as ${ratingText(query.rosh).toLowerCase()}.${alerted}`;
  }
  if (query.saved) {
    const def = sectionDefinition(query.saved);
    return def ? `${def.kind === 'rosh' ? def.title : `Section ${def.code}: ${def.title}`} saved` : undefined;
  }
  if (query.signed)
    return row.state === 'awaiting-countersignature'
      ? 'Assessment signed. It now waits for a manager to countersign it'
      : 'Assessment signed and locked';
  if (query.countersign) return 'Assessment countersigned and locked';
  if (query.return) return 'Assessment returned to the assessor';
  return undefined;
}

function problemErrors(problems: readonly FieldMessage[]): FormErrors {
  const errors: FormErrors = { summary: [], fields: {} };
  for (const p of problems) {
    if (!errors.fields[p.field]) errors.fields[p.field] = { text: p.message };
    errors.summary.push({ text: p.message, href: `#${p.field}` });
  }
  return errors;
}

function mayEdit(request: FastifyRequest): boolean {
  return (request.user?.roles ?? []).some((r) => (CASE_EDITORS as string[]).includes(r));
}

function isManager(request: FastifyRequest): boolean {
  return (request.user?.roles ?? []).includes('manager');
}

function ratingText(level: string | null | undefined): string {
  return ROSH_RATINGS.find((r) => r.value === level)?.text ?? 'Not rated';
}

/** Everything a page of one assessment shows, live while it is open and from the snapshot once signed. */
async function loadAssessment(context: AppContext, page: PersonPageContext, row: store.AssessmentRow) {
  const { db } = context;
  const [sectionRows, person, facts] = await Promise.all([
    store.sectionRows(db, row.id),
    store.personFacts(db, page.person.id),
    store.caseRecordFacts(db, page.person.id, page.today),
  ]);
  const sections = sectionRows.map(store.toSectionState);
  const record = recordValuesOf(facts);
  const summary =
    (row.snapshot as AssessmentSnapshot | null) ?? summarise(person, sections, record, page.today);
  const previous = row.previous_assessment_id
    ? (await store.sectionRows(db, row.previous_assessment_id)).map(store.toSectionState)
    : [];
  return { sections, record, facts, summary, previous, versions: sectionRows };
}

export function assessmentRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const view = { allow: PRACTITIONERS };
  const edit = { allow: CASE_EDITORS };
  addPersonTab({ key: 'assessments', text: 'Assessments', path: '/assessments', order: 18 });
  addOverviewPanel({
    key: 'assessment',
    order: 30,
    template: `${VIEWS}/overview-panel.njk`,
    load: async (database, person, today) => {
      const [clocks, latest] = await Promise.all([
        assessmentClocksFor(database, [person.id], today),
        store.latestCompleted(database, person.id),
      ]);
      const snapshot = latest?.snapshot as AssessmentSnapshot | null | undefined;
      return {
        crn: person.crn,
        clock: clocks.get(person.id),
        latest: latest ?? null,
        needs: (snapshot?.needs ?? [])
          .filter((n) => n.severity !== 'none')
          .map((n) => `${n.title.toLowerCase()}${n.severity === 'severe' ? ' (severe)' : ''}`),
      };
    },
  });
  addCaseloadColumn({
    key: 'assessment',
    heading: 'Assessment',
    order: 10,
    load: async (database, personIds, today) => {
      const clocks = await assessmentClocksFor(database, personIds, today);
      return new Map([...clocks].map(([id, clock]) => [id, caseloadCell(clock)]));
    },
  });

  const pageView = (page: PersonPageContext, extra: Record<string, unknown>) => ({
    person: page.person,
    record: page.record,
    lists: page.lists,
    today: page.today,
    tab: 'assessments',
    ...extra,
  });

  // ---------------------------------------------------------------- the Assessments tab

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: PersonPageContext,
    values: Record<string, string> = {},
    errors: FormErrors = NO_ERRORS,
  ) => {
    const [rows, facts, changes, specialist] = await Promise.all([
      store.assessmentsOf(db, page.person.id),
      store.caseRecordFacts(db, page.person.id, page.today),
      store.significantChanges(db, page.person.id, ASSESSMENT_POLICY.significantRegisterTypes),
      specialistAssessmentsPanel(db, page.person.id, page.today),
    ]);
    const open = rows.find((r) => r.state !== 'locked') ?? null;
    const lastCompleted = rows.find((r) => r.completed_on !== null) ?? null;
    const clock = assessmentClock({
      today: page.today,
      supervisionStart: facts.currentOrder?.startDate ?? null,
      lastCompletedOn: lastCompleted?.completed_on ?? null,
      changes,
      inProgressSince: open ? open.started_at.toISOString() : null,
    });
    return reply.code(errors.summary.length ? 400 : 200).render(
      `${VIEWS}/assessments.njk`,
      pageView(page, {
        rows: rows.map((r) => ({
          ...r,
          stateText: STATE_TEXT[r.state],
          typeText: TYPE_TEXT[r.assessment_type],
          roshText: r.rosh_level ? ratingText(r.rosh_level) : null,
        })),
        open,
        clock,
        hasLocked: rows.some((r) => r.state === 'locked'),
        specialist,
        canEdit: mayEdit(request),
        values: { type: values.type ?? (rows.some((r) => r.state === 'locked') ? 'review' : 'initial') },
        errors,
      }),
    );
  };

  app.get<CrnParams>('/people/:crn/assessments', { config: view }, async (request, reply) =>
    withPerson(context, request, reply, 'assessments', (page) => listPage(request, reply, page)),
  );

  app.post<CrnParams>('/people/:crn/assessments', { config: edit }, async (request, reply) => {
    const body = request.body as Body;
    const values = { type: text(body, 'type') };
    return withPerson(context, request, reply, 'start-assessment', async (page) => {
      const parsed = startForm.safeParse(values);
      if (!parsed.success) return listPage(request, reply, page, values, toFormErrors(parsed.error));
      const outcome = await assessments.startAssessment(db, actorOf(request), {
        personId: page.person.id,
        type: parsed.data.type,
        userId: request.user?.id ?? null,
        staffId: request.user?.staffId ?? null,
        today: page.today,
        now: context.now(),
      });
      if ('problems' in outcome)
        return listPage(request, reply, page, values, problemErrors(outcome.problems));
      const id = outcome.started ? outcome.id : outcome.existingId;
      return reply.redirect(
        `/people/${page.person.crn}/assessments/${id}${outcome.started ? '' : '?existing=yes'}`,
      );
    });
  });

  // ---------------------------------------------------------------- one assessment

  const onAssessment = (
    request: FastifyRequest<AssessmentParams> | FastifyRequest<SectionParams>,
    reply: FastifyReply,
    pageName: string,
    render: (page: PersonPageContext, row: store.AssessmentRow) => Promise<unknown> | unknown,
  ) =>
    withPerson(context, request, reply, pageName, async (page) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const row = await store.findAssessment(db, page.person.id, request.params.id);
      if (!row) return reply.callNotFound();
      return render(page, row);
    });

  const taskListPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: PersonPageContext,
    row: store.AssessmentRow,
    errors: FormErrors = NO_ERRORS,
    values: Record<string, string> = {},
  ) => {
    const loaded = await loadAssessment(context, page, row);
    const tasks = SECTIONS.map((def) => {
      const section = loaded.sections.find((s) => s.code === def.code)!;
      const previous = loaded.previous.find((s) => s.code === def.code);
      return {
        code: def.code,
        title: def.kind === 'rosh' ? def.title : `${def.code}. ${def.title}`,
        status: section.status,
        copied: row.previous_assessment_id !== null,
        changed: changesFrom(previous, section).length,
      };
    });
    const complete = tasks.filter((t) => t.status === 'complete').length;
    return reply.code(errors.summary.length ? (errors.fields.form ? 409 : 400) : 200).render(
      `${VIEWS}/assessment.njk`,
      pageView(page, {
        assessment: {
          ...row,
          stateText: STATE_TEXT[row.state],
          typeText: TYPE_TEXT[row.assessment_type],
        },
        tasks,
        complete,
        summary: loaded.summary,
        roshText: loaded.summary.rosh ? ratingText(loaded.summary.rosh.level) : null,
        roshFrom: loaded.summary.rosh?.from.map(describeRatingKey) ?? [],
        canEdit: mayEdit(request) && row.state === 'in-progress',
        canCountersign:
          isManager(request) &&
          row.state === 'awaiting-countersignature' &&
          row.assessor_user_id !== request.user?.id,
        existing: (request.query as Record<string, string>).existing === 'yes',
        flash: flashFor(request.query as Record<string, string>, row),
        errors,
        values,
      }),
    );
  };

  app.get<AssessmentParams>('/people/:crn/assessments/:id', { config: view }, async (request, reply) =>
    onAssessment(request, reply, 'assessment', (page, row) => taskListPage(request, reply, page, row)),
  );

  app.get<AssessmentParams>(
    '/people/:crn/assessments/:id/predictors',
    { config: view },
    async (request, reply) =>
      onAssessment(request, reply, 'assessment-predictors', async (page, row) => {
        const loaded = await loadAssessment(context, page, row);
        return reply.render(
          `${VIEWS}/predictors.njk`,
          pageView(page, {
            assessment: { ...row, typeText: TYPE_TEXT[row.assessment_type] },
            summary: loaded.summary,
          }),
        );
      }),
  );

  // ---------------------------------------------------------------- a section

  const sectionPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: PersonPageContext,
    row: store.AssessmentRow,
    def: SectionDefinition,
    form: {
      values?: SectionValues;
      errors?: FormErrors;
      conflict?: ConflictView;
      /** Shown back from a form posted after the session timed out: typed, not yet saved. */
      held?: { rowVersion: number | null };
    } = {},
  ) => {
    const loaded = await loadAssessment(context, page, row);
    const section = loaded.sections.find((s) => s.code === def.code)!;
    const version = loaded.versions.find((v) => v.section_code === def.code)!;
    const previous = loaded.previous.find((s) => s.code === def.code);
    const errors = form.errors ?? NO_ERRORS;
    const canEdit = mayEdit(request) && row.state === 'in-progress';
    return reply.code(form.conflict ? 409 : errors.summary.length ? 400 : 200).render(
      `${VIEWS}/section.njk`,
      pageView(page, {
        assessment: { ...row, typeText: TYPE_TEXT[row.assessment_type] },
        section: describeSection(def, section, loaded.record, previous, row.state === 'in-progress'),
        // A held form keeps the version it was typed against: if the section changed since, saving
        // it meets the usual "changed by someone else" page with both versions.
        rowVersion: form.conflict ? form.conflict.version : (form.held?.rowVersion ?? version.row_version),
        values: form.values ?? sectionValues(def, section, loaded.record),
        errors,
        conflict: form.conflict ?? null,
        importantNotice: form.held
          ? canEdit
            ? 'We kept what you typed before your session timed out. Check it and save.'
            : 'We kept what you typed before your session timed out, but this assessment can no longer be changed.'
          : undefined,
        canEdit,
        registrations: loaded.facts.registrations,
        categories: OGRS3_OFFENCE_CATEGORIES.map((c) => ({ code: c.code, description: c.label })),
        scales: SCALES,
        ratings: ROSH_RATINGS,
        groups: ROSH_GROUPS,
        questions: ROSH_QUESTIONS,
        ratingKey,
      }),
    );
  };

  const onSection = (
    request: FastifyRequest<SectionParams>,
    reply: FastifyReply,
    pageName: string,
    render: (page: PersonPageContext, row: store.AssessmentRow, def: SectionDefinition) => Promise<unknown>,
  ) =>
    onAssessment(request, reply, pageName, (page, row) => {
      const def = sectionDefinition(request.params.code);
      if (!def) return reply.callNotFound();
      return render(page, row, def);
    });

  app.get<SectionParams>(
    '/people/:crn/assessments/:id/sections/:code',
    { config: view },
    async (request, reply) =>
      onSection(request, reply, 'assessment-section', async (page, row, def) => {
        // What this officer typed here before their session timed out, back in the form, unsaved.
        const held = await takeHeldSubmission(db, request, context.now());
        if (!held) return sectionPage(request, reply, page, row, def);
        const { values } = readSectionForm(def, held.fields, page.today);
        const version = Number(text(held.fields, 'rowVersion'));
        return sectionPage(request, reply, page, row, def, {
          values,
          held: { rowVersion: Number.isInteger(version) && version > 0 ? version : null },
        });
      }),
  );

  // A section posted after the session timed out is held for its officer (the section's page shows it back).
  const holdOnTimeout = {
    personOf: async (request: FastifyRequest) =>
      (await findPersonByCrn(db, (request.params as { crn: string }).crn))?.id ?? null,
  };

  app.post<SectionParams>(
    '/people/:crn/assessments/:id/sections/:code',
    { config: { ...edit, holdOnTimeout } },
    async (request, reply) => {
      const body = request.body as Body;
      return onSection(request, reply, 'assessment-section', async (page, row, def) => {
        const { values, change, problems } = readSectionForm(def, body, page.today);
        if (problems.length)
          return sectionPage(request, reply, page, row, def, { values, errors: problemErrors(problems) });
        const outcome = await assessments.saveSection(db, actorOf(request), {
          personId: page.person.id,
          assessmentId: row.id,
          code: def.code,
          expectedVersion: Number(text(body, 'rowVersion')),
          change,
          staffId: request.user?.staffId ?? null,
          today: page.today,
          now: context.now(),
        });
        if ('conflict' in outcome) {
          const fresh = await store.sectionRows(db, row.id);
          const theirs = fresh.find((r) => r.section_code === def.code)!;
          return sectionPage(request, reply, page, row, def, {
            values,
            conflict: {
              by: outcome.conflict.by ?? 'someone else',
              at: outcome.conflict.at,
              version: theirs.row_version,
              differences: differencesBetween(def, outcome.conflict.theirs, change),
            },
          });
        }
        if (!outcome.saved)
          return sectionPage(request, reply, page, row, def, {
            values,
            errors: problemErrors(outcome.problems),
          });
        const query = outcome.rosh?.registered
          ? `?rosh=${outcome.rosh.level}${outcome.rosh.managerAlerted ? '&manager=alerted' : ''}`
          : `?saved=${def.code}`;
        return reply.redirect(`/people/${page.person.crn}/assessments/${row.id}${query}`);
      });
    },
  );

  // The page's script saves the section as the officer types (after a pause, and on leaving the
  // page): in progress, never marked complete, refused without writing when someone else saved
  // the section since. It answers in JSON; without JavaScript the buttons do the same job.
  app.post<SectionParams>(
    '/people/:crn/assessments/:id/sections/:code/draft',
    { config: { ...edit, json: true } },
    async (request, reply) => {
      const body = request.body as Body;
      return onSection(request, reply, 'assessment-section-draft', async (page, row, def) => {
        const { change, problems } = readSectionForm(def, body, page.today);
        if (problems.length) return reply.code(400).send({ saved: false, reason: 'problems', problems });
        const now = context.now();
        const outcome = await assessments.saveSection(db, actorOf(request), {
          personId: page.person.id,
          assessmentId: row.id,
          code: def.code,
          expectedVersion: Number(text(body, 'rowVersion')),
          change: { ...change, markComplete: false },
          staffId: request.user?.staffId ?? null,
          autosaved: true,
          today: page.today,
          now,
        });
        if ('conflict' in outcome)
          return reply.code(409).send({
            saved: false,
            reason: 'conflict',
            by: outcome.conflict.by ?? 'someone else',
            at: outcome.conflict.at.toISOString(),
          });
        if (!outcome.saved)
          return reply.code(400).send({ saved: false, reason: 'problems', problems: outcome.problems });
        return reply.send({
          saved: true,
          rowVersion: outcome.rowVersion,
          savedAt: formatTimeOfDay(now),
          secondsLeft: secondsLeft(request, now),
        });
      });
    },
  );

  // ---------------------------------------------------------------- sign and countersign

  app.post<AssessmentParams>(
    '/people/:crn/assessments/:id/sign',
    { config: edit },
    async (request, reply) => {
      const body = request.body as Body;
      const values = { declaration: text(body, 'declaration') };
      return onAssessment(request, reply, 'sign-assessment', async (page, row) => {
        const parsed = signForm.safeParse(values);
        if (!parsed.success)
          return taskListPage(request, reply, page, row, toFormErrors(parsed.error), values);
        const outcome = await assessments.signAssessment(db, actorOf(request), {
          personId: page.person.id,
          assessmentId: row.id,
          expectedVersion: Number(text(body, 'rowVersion')),
          roles: request.user?.roles ?? [],
          today: page.today,
          now: context.now(),
        });
        if (!outcome.saved)
          return taskListPage(request, reply, page, row, problemErrors(outcome.problems), values);
        return reply.redirect(`/people/${page.person.crn}/assessments/${row.id}?signed=yes`);
      });
    },
  );

  app.post<AssessmentParams>(
    '/people/:crn/assessments/:id/countersign',
    { config: { allow: MANAGERS } },
    async (request, reply) => {
      const body = request.body as Body;
      const values = { decision: text(body, 'decision'), reason: text(body, 'reason') };
      return onAssessment(request, reply, 'countersign-assessment', async (page, row) => {
        const parsed = returnForm.safeParse(values);
        if (!parsed.success)
          return taskListPage(request, reply, page, row, toFormErrors(parsed.error), values);
        if (parsed.data.decision === 'return' && !parsed.data.reason)
          return taskListPage(
            request,
            reply,
            page,
            row,
            problemErrors([{ field: 'reason', message: 'Say why you are returning the assessment' }]),
            values,
          );
        const common = {
          personId: page.person.id,
          assessmentId: row.id,
          expectedVersion: Number(text(body, 'rowVersion')),
          today: page.today,
          now: context.now(),
        };
        const outcome =
          parsed.data.decision === 'countersign'
            ? await assessments.countersignAssessment(db, actorOf(request), common)
            : await assessments.returnAssessment(db, actorOf(request), {
                ...common,
                reason: parsed.data.reason,
              });
        if (!outcome.saved)
          return taskListPage(request, reply, page, row, problemErrors(outcome.problems), values);
        return reply.redirect(`/people/${page.person.crn}/assessments/${row.id}?${parsed.data.decision}=yes`);
      });
    },
  );
}

interface ConflictView {
  by: string;
  at: Date;
  version: number;
  differences: Array<{ label: string; theirs: string; yours: string }>;
}

/** What the other person saved that differs from what this user typed, in words. */
function differencesBetween(
  def: SectionDefinition,
  theirs: SectionState,
  yours: assessments.SectionChange,
): ConflictView['differences'] {
  const rows: ConflictView['differences'] = [];
  const label = (code: string) =>
    def.facts?.find((f) => f.code === code)?.label ??
    def.items.find((i) => i.code === code)?.question ??
    ROSH_QUESTIONS.find((q) => q.code === code)?.label ??
    (code.includes('.') && def.kind === 'rosh' ? `Risk to ${describeRatingKey(code)}` : code);
  const words = (code: string, value: string | undefined) => {
    const item = def.items.find((i) => i.code === code);
    return (item ? optionOf(item, value)?.text : undefined) ?? value ?? '';
  };
  const codes = new Set([...Object.keys(theirs.answers), ...Object.keys(yours.answers)]);
  for (const code of codes) {
    const a = theirs.answers[code] ?? '';
    const b = yours.answers[code] ?? '';
    if (a !== b) rows.push({ label: label(code), theirs: words(code, a), yours: words(code, b) });
  }
  const yn = (v: boolean | null) => (v === null ? '' : v ? 'Yes' : 'No');
  if (theirs.linkedToOffending !== yours.linkedToOffending)
    rows.push({
      label: 'Linked to offending',
      theirs: yn(theirs.linkedToOffending),
      yours: yn(yours.linkedToOffending),
    });
  if (theirs.linkedToHarm !== yours.linkedToHarm)
    rows.push({
      label: 'Linked to risk of serious harm',
      theirs: yn(theirs.linkedToHarm),
      yours: yn(yours.linkedToHarm),
    });
  if ((theirs.evidence ?? '') !== (yours.evidence ?? ''))
    rows.push({ label: 'Evidence and analysis', theirs: theirs.evidence ?? '', yours: yours.evidence ?? '' });
  if ((theirs.personsView ?? '') !== (yours.personsView ?? ''))
    rows.push({
      label: 'What the person says',
      theirs: theirs.personsView ?? '',
      yours: yours.personsView ?? '',
    });
  return rows;
}

/** A section's items and facts as the form shows them: where each answer came from, and what changed. */
function describeSection(
  def: SectionDefinition,
  section: SectionState,
  record: RecordValues,
  previous: SectionState | undefined,
  open: boolean,
) {
  const changed = new Map(changesFrom(previous, section).map((c) => [c.code, c]));
  const previousText = (code: string) => {
    const change = changed.get(code);
    if (!change) return null;
    const item = def.items.find((i) => i.code === code);
    const before = item ? optionOf(item, change.before)?.text : change.before;
    return before ? `Changed since the last assessment: was “${before}”` : 'New since the last assessment';
  };
  const score = scoreSection(def, section, record);
  return {
    code: def.code,
    title: def.title,
    kind: def.kind,
    asksLinks: def.asksLinks,
    status: section.status,
    open,
    score: def.thresholds ? { ...score, ...def.thresholds } : null,
    facts: (def.facts ?? []).map((fact) => {
      const answer = effectiveAnswer(fact.code, section, record);
      return {
        ...fact,
        applies: factApplies(fact, section, record),
        fromRecord: answer.fromRecord ?? null,
        source: answer.source,
        changed: previousText(fact.code),
      };
    }),
    items: def.items.map((item) => {
      const answer = effectiveAnswer(item.code, section, record);
      return {
        ...item,
        options: SCALES[item.scale],
        fromRecord: answer.fromRecord ?? null,
        source: answer.source,
        changed: previousText(item.code),
      };
    }),
    linksChanged: {
      linkedToOffending: changed.has('linkedToOffending'),
      linkedToHarm: changed.has('linkedToHarm'),
      evidence: changed.has('evidence'),
    },
    missing: section.status === 'complete' ? [] : completionProblems(def, section, record),
  };
}
