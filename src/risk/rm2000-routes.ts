/**
 * The Risk Matrix 2000 pages under /people/:crn/assessments/rm2000: starting one for a man it applies
 * to, the one page of answers and corrections, and the result with its explanation once complete.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_EDITORS, PRACTITIONERS } from '../organisation/roles.js';
import { withPerson, type PersonPageContext } from '../people/index.js';
import { actorOf } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/http/context.js';
import { NO_ERRORS, text, toFormErrors, type FormErrors } from '../platform/http/forms.js';
import { BAND_NAMES } from './bands.js';
import { rm2000Eligibility, rm2000FromRecord, scoreRm2000 } from './rm2000-record.js';
import type { Rm2000FieldProblem } from './rm2000-record.js';
import { RM2000_APPROXIMATE_NOTICE } from './rm2000-tables.js';
import { RM2000_DATE_FIELDS, rm2000Form } from './specialist-schemas.js';
import type { Rm2000FormValues } from './specialist-schemas.js';
import * as specialist from './specialist-service.js';
import * as store from './specialist-store.js';
import {
  inputInWords,
  rm2000ConflictRows,
  rm2000ValuesFromAnswers,
  rm2000ValuesFromBody,
} from './specialist-views.js';
import {
  base,
  expectedVersionOf,
  formatWhen,
  mayEdit,
  message,
  pageView,
  problemErrors,
  UUID,
  VIEWS,
  type Body,
  type CrnParams,
  type IdParams,
} from './specialist-pages.js';

export function rm2000Routes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const view = { allow: PRACTITIONERS };
  const edit = { allow: CASE_EDITORS };

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
