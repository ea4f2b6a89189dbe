/**
 * The SARA pages under /people/:crn/assessments/sara: one page per group of items, then the summary
 * ratings, with a task list. Practitioners read them; case editors start, change and complete them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CASE_EDITORS, PRACTITIONERS } from '../organisation/roles.js';
import { withPerson, type PersonPageContext } from '../people/index.js';
import { actorOf } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/http/context.js';
import { NO_ERRORS, text, toFormErrors, type FormErrors } from '../platform/http/forms.js';
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
import { saraItemsForm, saraRatingsForm } from './specialist-schemas.js';
import * as specialist from './specialist-service.js';
import * as store from './specialist-store.js';
import {
  saraConflictRows,
  saraPartFields,
  saraValuesFromAnswers,
  saraValuesFromBody,
  type SaraFormValues,
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

type PartParams = { Params: { crn: string; id: string; part: string } };

export function saraRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const view = { allow: PRACTITIONERS };
  const edit = { allow: CASE_EDITORS };

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
}
