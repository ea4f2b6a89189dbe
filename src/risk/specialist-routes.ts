/**
 * The pages of the specialist tools on a person's record, under /people/:crn/assessments: SARA (one
 * page per group of items, then the summary ratings, with a task list) and Risk Matrix 2000 (one page).
 * Practitioners read them; case editors start, change and complete them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_EDITORS, PRACTITIONERS } from '../organisation/roles.js';
import { withPerson, type PersonPageContext } from '../people/index.js';
import { actorOf } from '../platform/audit/audit.js';
import { hasRole } from '../platform/http/access.js';
import type { AppContext } from '../platform/http/context.js';
import { formatDateTime } from '../platform/http/format.js';
import { NO_ERRORS, text, toFormErrors, type FormErrors } from '../platform/http/forms.js';
import { BAND_NAMES } from './bands.js';
import { rm2000Eligibility, rm2000FromRecord, scoreRm2000 } from './rm2000-record.js';
import type { Rm2000FieldProblem } from './rm2000-record.js';
import { RM2000_APPROXIMATE_NOTICE } from './rm2000-tables.js';
import {
  itemCounts,
  itemsOfPart,
  NO_CUT_OFF,
  partState,
  SARA_CODE_NAMES,
  SARA_ITEM_GROUPS,
  SARA_ITEMS,
  SARA_PARTS,
  SARA_RATING_NAMES,
  SARA_RATINGS_PART,
  saraPart,
} from './sara.js';
import type { SaraPartKey, SaraProblem } from './sara.js';
import { RM2000_DATE_FIELDS, rm2000Form, saraItemsForm, saraRatingsForm } from './specialist-schemas.js';
import * as specialist from './specialist-service.js';
import * as store from './specialist-store.js';
import {
  inputInWords,
  rm2000ConflictRows,
  rm2000ValuesFromAnswers,
  rm2000ValuesFromBody,
  saraConflictRows,
  saraPartFields,
  saraValuesFromAnswers,
  saraValuesFromBody,
  type SaraFormValues,
} from './specialist-views.js';
import type { Rm2000FormValues } from './specialist-schemas.js';

type Body = Record<string, unknown>;
type CrnParams = { Params: { crn: string } };
type IdParams = { Params: { crn: string; id: string } };
type PartParams = { Params: { crn: string; id: string; part: string } };

const VIEWS = 'risk/views';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mayEdit(request: FastifyRequest): boolean {
  return hasRole(request, ...CASE_EDITORS);
}

function expectedVersionOf(body: Body): number {
  const version = Number(text(body, 'rowVersion'));
  return Number.isInteger(version) ? version : -1;
}

/** Problems found after the form parsed, as GOV.UK errors; `href` lets a problem link to another page. */
function problemErrors(
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

export function specialistRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const view = { allow: PRACTITIONERS };
  const edit = { allow: CASE_EDITORS };

  const pageView = (page: PersonPageContext, extra: Record<string, unknown>) => ({
    person: page.person,
    record: page.record,
    lists: page.lists,
    today: page.today,
    tab: 'assessments',
    backLink: `/people/${page.person.crn}/assessments`,
    ...extra,
  });

  const base = (crn: string, kind: 'sara' | 'rm2000') => `/people/${crn}/assessments/${kind}`;

  const message = (
    reply: FastifyReply,
    page: PersonPageContext,
    title: string,
    lines: string[],
    back: string,
    code: number,
  ) =>
    reply.code(code).render(
      `${VIEWS}/specialist-message.njk`,
      pageView(page, {
        pageTitle: title,
        lines,
        back,
        rm2000: title.includes('Risk Matrix'),
        notice: RM2000_APPROXIMATE_NOTICE,
      }),
    );

  // ================================================================ SARA

  const onSara = (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    pageName: string,
    render: (page: PersonPageContext, sara: store.SaraRecord) => Promise<unknown> | unknown,
  ) =>
    withPerson(context, request, reply, pageName, async (page) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const sara = await store.findSara(db, page.person.id, request.params.id);
      if (!sara) return reply.callNotFound();
      return render(page, sara);
    });

  const lockedMessage = (sara: store.SaraRecord) =>
    `This SARA was completed by ${sara.row.completed_by_name} on ${formatWhen(sara.row.completed_at)}: it is locked and cannot be changed. Nothing was saved.`;

  app.get<CrnParams>('/people/:crn/assessments/sara/new', { config: edit }, async (request, reply) =>
    withPerson(context, request, reply, 'start-sara', async (page) =>
      reply.render(
        `${VIEWS}/sara-start.njk`,
        pageView(page, {
          inProgress: await store.saraInProgress(db, page.person.id),
          groups: SARA_ITEM_GROUPS,
        }),
      ),
    ),
  );

  app.post<CrnParams>('/people/:crn/assessments/sara', { config: edit }, async (request, reply) =>
    withPerson(context, request, reply, 'start-sara', async (page) => {
      const { id } = await specialist.startSara(db, actorOf(request), page.person.id);
      return reply.redirect(`${base(page.person.crn, 'sara')}/${id}`);
    }),
  );

  const saraPage = (
    reply: FastifyReply,
    request: FastifyRequest,
    page: PersonPageContext,
    sara: store.SaraRecord,
    errors: FormErrors = NO_ERRORS,
    flash?: string,
  ) => {
    const { answers } = sara;
    const canEdit = mayEdit(request) && sara.row.state === 'in-progress';
    const href = `${base(page.person.crn, 'sara')}/${sara.row.id}`;
    return reply.code(errors.summary.length ? 400 : 200).render(
      `${VIEWS}/sara.njk`,
      pageView(page, {
        sara: sara.row,
        canEdit,
        href,
        errors,
        flash,
        tasks: SARA_PARTS.map((part) => ({
          ...part,
          state: partState(answers, part.key),
          href: `${href}/${part.key}`,
        })),
        groups: SARA_ITEM_GROUPS.map((group) => ({
          ...group,
          items: group.items.map((item) => {
            const answer = answers.items[item.number];
            return {
              ...item,
              code: answer?.code === null || answer?.code === undefined ? null : answer.code,
              codeName:
                answer?.code === null || answer?.code === undefined
                  ? 'Not coded'
                  : SARA_CODE_NAMES[answer.code],
              critical: answer?.critical ?? false,
              evidence: answer?.evidence ?? null,
            };
          }),
        })),
        ratings: {
          riskToPartner: answers.riskToPartner ? SARA_RATING_NAMES[answers.riskToPartner] : null,
          riskToOthers: answers.riskToOthers ? SARA_RATING_NAMES[answers.riskToOthers] : null,
          riskToPartnerReasons: answers.riskToPartnerReasons,
          riskToOthersReasons: answers.riskToOthersReasons,
        },
        counts: itemCounts(answers),
        noCutOff: NO_CUT_OFF,
        itemTotal: SARA_ITEMS.length,
      }),
    );
  };

  app.get<IdParams & { Querystring: { saved?: string } }>(
    '/people/:crn/assessments/sara/:id',
    { config: view },
    async (request, reply) =>
      onSara(request, reply, 'sara', (page, sara) => {
        const saved = saraPart(String(request.query.saved ?? ''));
        return saraPage(reply, request, page, sara, NO_ERRORS, saved ? `${saved.title} saved` : undefined);
      }),
  );

  // Completion: the answers are already saved, page by page; the form carries only the version seen.
  app.post<IdParams>('/people/:crn/assessments/sara/:id', { config: edit }, async (request, reply) =>
    onSara(request, reply, 'sara', async (page, sara) => {
      const href = `${base(page.person.crn, 'sara')}/${sara.row.id}`;
      const result = await specialist.completeSara(db, actorOf(request), {
        personId: page.person.id,
        saraId: sara.row.id,
        expectedVersion: expectedVersionOf(request.body as Body),
        now: context.now(),
      });
      if (result.saved) return reply.redirect(href);
      if (result.why === 'not-found') return reply.callNotFound();
      if (result.why === 'locked')
        return message(reply, page, 'SARA', [lockedMessage(result.current)], href, 409);
      if (result.why === 'conflict')
        return message(
          reply,
          page,
          'SARA',
          [
            `This SARA was changed by ${result.current.row.updated_by_name} at ${formatWhen(result.current.row.updated_at)}, after you opened it. It has not been completed.`,
            'Check their changes before completing it.',
          ],
          href,
          409,
        );
      const errors = problemErrors(result.problems, (field) => {
        const problem = result.problems.find((p: SaraProblem) => p.field === field);
        return `${href}/${problem?.part ?? ''}#${field}`;
      });
      return saraPage(reply, request, page, result.current, errors);
    }),
  );

  const partPage = (
    reply: FastifyReply,
    page: PersonPageContext,
    sara: store.SaraRecord,
    part: { key: SaraPartKey; title: string },
    values: SaraFormValues,
    options: {
      errors?: FormErrors;
      rowVersion?: number;
      conflict?: { changedBy: string; changedAt: Date; rows: ReturnType<typeof saraConflictRows> };
    } = {},
  ) => {
    const errors = options.errors ?? NO_ERRORS;
    const href = `${base(page.person.crn, 'sara')}/${sara.row.id}`;
    const index = SARA_PARTS.findIndex((p) => p.key === part.key);
    return reply.code(options.conflict ? 409 : errors.summary.length ? 400 : 200).render(
      `${VIEWS}/sara-part.njk`,
      pageView(page, {
        sara: sara.row,
        part,
        partNumber: index + 1,
        partCount: SARA_PARTS.length,
        items: itemsOfPart(part.key),
        isRatings: part.key === SARA_RATINGS_PART.key,
        values,
        errors,
        rowVersion: options.rowVersion ?? sara.row.row_version,
        conflict: options.conflict,
        counts: itemCounts(sara.answers),
        criticalItems: SARA_ITEMS.filter((item) => sara.answers.items[item.number]?.critical),
        noCutOff: NO_CUT_OFF,
        codeNames: SARA_CODE_NAMES,
        action: `${href}/${part.key}`,
        backLink: href,
        href,
      }),
    );
  };

  const onPart = (
    request: FastifyRequest<PartParams>,
    reply: FastifyReply,
    render: (
      page: PersonPageContext,
      sara: store.SaraRecord,
      part: { key: SaraPartKey; title: string },
    ) => unknown,
  ) => {
    const part = saraPart(request.params.part);
    if (!part) return reply.callNotFound();
    return onSara(request, reply, `sara-${part.key}`, (page, sara) => render(page, sara, part));
  };

  app.get<PartParams>('/people/:crn/assessments/sara/:id/:part', { config: edit }, async (request, reply) =>
    onPart(request, reply, (page, sara, part) => {
      // A complete SARA is read-only: its page shows every answer.
      if (sara.row.state === 'complete')
        return reply.redirect(`${base(page.person.crn, 'sara')}/${sara.row.id}`);
      return partPage(reply, page, sara, part, saraValuesFromAnswers(part.key, sara.answers));
    }),
  );

  app.post<PartParams>('/people/:crn/assessments/sara/:id/:part', { config: edit }, async (request, reply) =>
    onPart(request, reply, async (page, sara, part) => {
      const body = request.body as Body;
      const values = saraValuesFromBody(part.key, body);
      const expectedVersion = expectedVersionOf(body);
      const href = `${base(page.person.crn, 'sara')}/${sara.row.id}`;
      if (sara.row.state === 'complete')
        return message(reply, page, 'SARA', [lockedMessage(sara)], href, 409);
      const isRatings = part.key === SARA_RATINGS_PART.key;
      const parsed = isRatings
        ? saraRatingsForm.safeParse(values)
        : saraItemsForm(itemsOfPart(part.key)).safeParse(values);
      if (!parsed.success)
        return partPage(reply, page, sara, part, values, {
          errors: toFormErrors(parsed.error),
          rowVersion: expectedVersion,
        });
      const result = await specialist.saveSaraPart(db, actorOf(request), {
        personId: page.person.id,
        saraId: sara.row.id,
        expectedVersion,
        part: part.key,
        ...(isRatings
          ? { ratings: parsed.data as specialist.SaraRatingsInput }
          : { items: parsed.data as specialist.SaraItemsInput }),
        now: context.now(),
      });
      if (result.saved) {
        const next = SARA_PARTS[SARA_PARTS.findIndex((p) => p.key === part.key) + 1];
        const goToNext = text(body, 'then') === 'next' && next;
        return reply.redirect(goToNext ? `${href}/${next.key}` : `${href}?saved=${part.key}`);
      }
      if (result.why === 'not-found') return reply.callNotFound();
      if (result.why === 'locked')
        return message(reply, page, 'SARA', [lockedMessage(result.current)], href, 409);
      const theirs = saraValuesFromAnswers(part.key, result.current.answers);
      return partPage(reply, page, result.current, part, values, {
        rowVersion: result.current.row.row_version,
        conflict: {
          changedBy: result.current.row.updated_by_name,
          changedAt: result.current.row.updated_at,
          rows: saraConflictRows(saraPartFields(part.key), theirs, values),
        },
      });
    }),
  );

  // ================================================================ Risk Matrix 2000

  app.get<CrnParams>('/people/:crn/assessments/rm2000/new', { config: edit }, async (request, reply) =>
    withPerson(context, request, reply, 'start-rm2000', async (page) => {
      const [facts, inProgress] = await Promise.all([
        store.rm2000Facts(db, page.person.id),
        store.rm2000InProgress(db, page.person.id),
      ]);
      return reply.render(
        `${VIEWS}/rm2000-start.njk`,
        pageView(page, {
          eligibility: rm2000Eligibility(facts!, page.today),
          inProgress,
          notice: RM2000_APPROXIMATE_NOTICE,
        }),
      );
    }),
  );

  app.post<CrnParams>('/people/:crn/assessments/rm2000', { config: edit }, async (request, reply) =>
    withPerson(context, request, reply, 'start-rm2000', async (page) => {
      const result = await specialist.startRm2000(db, actorOf(request), {
        personId: page.person.id,
        today: page.today,
      });
      if (result.started) return reply.redirect(`${base(page.person.crn, 'rm2000')}/${result.id}`);
      const facts = await store.rm2000Facts(db, page.person.id);
      return reply.code(409).render(
        `${VIEWS}/rm2000-start.njk`,
        pageView(page, {
          eligibility: rm2000Eligibility(facts!, page.today),
          inProgress: null,
          notice: RM2000_APPROXIMATE_NOTICE,
          refused: true,
        }),
      );
    }),
  );

  const onRm2000 = (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    render: (page: PersonPageContext, row: store.Rm2000Row) => Promise<unknown> | unknown,
  ) =>
    withPerson(context, request, reply, 'rm2000', async (page) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const row = await store.findRm2000(db, page.person.id, request.params.id);
      if (!row) return reply.callNotFound();
      return render(page, row);
    });

  const rm2000Page = async (
    reply: FastifyReply,
    request: FastifyRequest,
    page: PersonPageContext,
    row: store.Rm2000Row,
    options: {
      values?: Rm2000FormValues;
      errors?: FormErrors;
      rowVersion?: number;
      conflict?: { changedBy: string; changedAt: Date; rows: ReturnType<typeof rm2000ConflictRows> };
      flash?: string;
    } = {},
  ) => {
    const errors = options.errors ?? NO_ERRORS;
    const href = `${base(page.person.crn, 'rm2000')}/${row.id}`;
    const common = {
      rm2000: row,
      href,
      notice: RM2000_APPROXIMATE_NOTICE,
      bandNames: BAND_NAMES,
      flash: options.flash,
    };
    if (row.state === 'complete') {
      const inputs = row.inputs as { lines: Array<Record<string, unknown>> };
      return reply.render(
        `${VIEWS}/rm2000.njk`,
        pageView(page, {
          ...common,
          canEdit: false,
          lines: inputs.lines.map((line) => ({
            ...line,
            valueText: inputInWords(line.value as never),
            recordValueText: line.recordValue === undefined ? null : inputInWords(line.recordValue as never),
          })),
          result: row.result,
        }),
      );
    }
    const facts = await store.rm2000Facts(db, page.person.id);
    const fromRecord = rm2000FromRecord(facts!);
    const corrections = specialist.correctionsOf(row);
    const typed = specialist.typedOf(row);
    // What completing would give from what is saved now: the assessor sees it before locking it.
    const scoring = scoreRm2000(facts!, fromRecord, corrections, typed, page.today);
    return reply.code(options.conflict ? 409 : errors.summary.length ? 400 : 200).render(
      `${VIEWS}/rm2000.njk`,
      pageView(page, {
        ...common,
        canEdit: mayEdit(request),
        fromRecord,
        lines: scoring.assembled.lines.map((line) => ({
          ...line,
          valueText: inputInWords(line.value),
          recordValueText: line.recordValue === undefined ? null : inputInWords(line.recordValue),
        })),
        preview: scoring.scored ? scoring.result : null,
        previewProblems: scoring.scored ? [] : scoring.problems,
        values: options.values ?? rm2000ValuesFromAnswers(typed, corrections),
        errors,
        rowVersion: options.rowVersion ?? row.row_version,
        conflict: options.conflict,
      }),
    );
  };

  app.get<IdParams & { Querystring: { saved?: string } }>(
    '/people/:crn/assessments/rm2000/:id',
    { config: view },
    async (request, reply) =>
      onRm2000(request, reply, (page, row) =>
        rm2000Page(reply, request, page, row, {
          flash: request.query.saved === 'yes' ? 'Risk Matrix 2000 saved' : undefined,
        }),
      ),
  );

  app.post<IdParams>('/people/:crn/assessments/rm2000/:id', { config: edit }, async (request, reply) =>
    onRm2000(request, reply, async (page, row) => {
      const body = request.body as Body;
      const values = rm2000ValuesFromBody(body);
      const expectedVersion = expectedVersionOf(body);
      const href = `${base(page.person.crn, 'rm2000')}/${row.id}`;
      const locked = (current: store.Rm2000Row) =>
        message(
          reply,
          page,
          'Risk Matrix 2000',
          [
            `This Risk Matrix 2000 was completed by ${current.completed_by_name} on ${formatWhen(current.completed_at)}: it is locked and cannot be changed. Nothing was saved.`,
          ],
          href,
          409,
        );
      if (row.state === 'complete') return locked(row);
      const parsed = rm2000Form(page.today).safeParse(values);
      if (!parsed.success)
        return rm2000Page(reply, request, page, row, {
          values,
          errors: toFormErrors(parsed.error, RM2000_DATE_FIELDS),
          rowVersion: expectedVersion,
        });
      const complete = text(body, 'action') === 'complete';
      const result = await specialist.saveRm2000(db, actorOf(request), {
        personId: page.person.id,
        id: row.id,
        expectedVersion,
        typed: parsed.data.typed,
        corrections: parsed.data.corrections,
        complete,
        today: page.today,
        now: context.now(),
      });
      if (result.saved) return reply.redirect(result.completed ? href : `${href}?saved=yes`);
      if (result.why === 'not-found') return reply.callNotFound();
      if (result.why === 'locked') return locked(result.current);
      if (result.why === 'not-scored')
        return rm2000Page(reply, request, page, row, {
          values,
          errors: rm2000Errors(result.problems),
          rowVersion: expectedVersion,
        });
      const current = result.current;
      return rm2000Page(reply, request, page, current, {
        values,
        rowVersion: current.row_version,
        conflict: {
          changedBy: current.updated_by_name,
          changedAt: current.updated_at,
          rows: rm2000ConflictRows(
            rm2000ValuesFromAnswers(specialist.typedOf(current), specialist.correctionsOf(current)),
            values,
          ),
        },
      });
    }),
  );
}

/** Problems on the RM2000 page: date fields link to their day box, as GOV.UK does. */
function rm2000Errors(problems: readonly Rm2000FieldProblem[]): FormErrors {
  return problemErrors(problems, (field) =>
    (RM2000_DATE_FIELDS as readonly string[]).includes(field) ? `#${field}-day` : `#${field}`,
  );
}

function formatWhen(value: Date | null): string {
  return value ? formatDateTime(value) : 'an unknown time';
}
