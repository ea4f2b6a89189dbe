import type { Kysely } from 'kysely';
import { londonInstant } from '../appointments/time.js';
import {
  addresseeOf,
  advanceBreach,
  advanceRecall,
  breachPackInput,
  decisionOpensOn,
  draftWarningLetter,
  ENFORCEMENT_POLICY,
  enforcementFacts,
  enforcementPicture,
  factsByPerson,
  fixedTermRecallEligibility,
  issueWarning,
  knownRecallFacts,
  licenceConditionsOfOrder,
  liveWarnings,
  nextLicenceWarning,
  plainText,
  recallReportFor,
  recordDecision,
  renderBreachPack,
  renderBreachReport,
  type EnforcementFacts,
  type EnforcementPicture,
  type Who,
} from '../enforcement/index.js';
import {
  addDays,
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  type IsoDate,
} from '../platform/calendar/index.js';
import { londonDateOf } from '../platform/calendar/london.js';
import type { Database } from '../platform/database/schema.js';
import { renderPdf } from '../platform/documents/index.js';
import { SeededRandom } from './random.js';

/**
 * The enforcement a year of failures to comply has led to, as officers would have
 * recorded it, through the enforcement use cases and what the law requires on each
 * day (the enforcement picture): a failure older than a week or two has its decision
 * (a warning with its letter while no warning is live, a referral for breach while one
 * is; licence warnings, first, second and final; no further action where no order can
 * be enforced), each breach has gone as far through the breach pack, countersignature
 * and court as its age allows, and one or two licences have a recall under way. The
 * failures of the last week or so wait for their decisions, so every caseload shows
 * decisions due, due today and overdue. Deterministic for a given `now`, apart from
 * the creation time pdfkit writes into each PDF.
 */

type Db = Kysely<Database>;
type Open = EnforcementPicture['openDecisions'][number];
type Breach = EnforcementPicture['breaches'][number];
type Failure = EnforcementFacts['failures'][number];

interface Officer {
  staffId: string;
  userId: string | null;
  name: string;
}

interface DemoPerson {
  id: string;
  crn: string;
  forename: string;
  middle_names: string | null;
  surname: string;
  date_of_birth: string;
  interpreter_required: boolean;
  first_language: string | null;
  officer: Officer;
  manager: Officer;
  court: string;
}

const policy = ENFORCEMENT_POLICY;

/** Failures in the last week wait for their decisions; in the week before, some do. */
const ALWAYS_OPEN_DAYS = 8;
const SOMETIMES_OPEN_DAYS = 15;

const WARN_REASONS = [
  'No acceptable reason given when we spoke about it. No warning is live: a warning is proportionate.',
  'Gave no acceptable explanation. Warned, and the consequences of a further failure explained.',
  'The reason given was not acceptable. A warning, and a reminder of what the order requires.',
  'No evidence of an acceptable reason was provided. Warning given.',
];
const BREACH_REASONS = [
  'A further failure while a warning is live: referred for breach, as the law requires.',
  'Second unacceptable failure within 12 months of the warning. Breach action started.',
  'Failed again within the warning period and gave no acceptable reason: referred to the court.',
];
const LICENCE_REASONS = [
  'No acceptable reason given. Warned that further failures may lead to recall.',
  'No acceptable explanation; engagement otherwise reasonable. Licence warning given.',
  'Did not comply as instructed. A licence warning, with the next appointment set for this week.',
];
const PSS_BREACH_REASONS = [
  'A further failure after a warning on post-sentence supervision: taken to the magistrates’ court.',
];
const FURTHER_FINAL_REASON =
  'A further final warning: recall considered, but contact resumed the next day and the risk is manageable in the community.';
const BEFORE_ORDER_REASON =
  'The appointment was before the order began: there is no order to enforce. No further action.';
const AFTER_ORDER_REASON =
  'The appointment was after the order had ended: there is no order to enforce. No further action.';
const ORDER_ENDED_REASON = 'The order has ended, so it can no longer be enforced. No further action.';
const IN_BREACH_REASON =
  'Breach proceedings on this order are already under way: this failure will be put before the court at the hearing.';
const ASSESSMENTS = [
  'Compliance fell away after the warning: missed appointments without contact, and no evidence of reasons.',
  'Engagement has been poor since a change of address; the person says work makes appointments hard but has given no evidence.',
  'Attendance has been erratic, linked to alcohol use. When seen, the person engages, but the pattern of failures continues.',
];
const PROPOSALS = [
  'That the order continues, with a warning from the court about future compliance.',
  'That the order is amended to add a curfew requirement, to give structure to the person’s week.',
  'That the order continues with 20 additional hours of unpaid work.',
];
const OUTCOME_NOTES: Record<'continued' | 'amended' | 'fine', string> = {
  continued: 'The court warned the person about future compliance; the order continues unchanged.',
  amended: 'A curfew requirement, 8pm to 6am for three months, was added to the order.',
  fine: 'Fined £100; the order continues.',
};
const ADJOURNMENTS = [
  'The person did not attend; the hearing was adjourned for a summons to be re-served.',
  'Adjourned at the defence’s request for the person to take legal advice.',
];

export async function loadDemoEnforcement(db: Db, now: Date): Promise<void> {
  const random = new SeededRandom(6006);
  const today = londonDateOf(now);
  const people = await demoPeople(db);
  const byPerson = factsByPerson(
    await enforcementFacts(
      db,
      people.map((p) => p.id),
    ),
  );
  const recalls = chooseRecalls(people, byPerson, today);
  let continuedGiven = false;

  for (const person of people) {
    let facts = byPerson(person.id);
    if (facts.failures.length === 0) continue;
    // Read again only once a warning, breach or recall has changed what the law requires next.
    let changed = false;
    const factsNow = async () => {
      if (changed) facts = await enforcementFacts(db, [person.id]);
      changed = false;
      return facts;
    };
    const to = await addresseeOf(db, person);
    const who = (officer: Officer, day: IsoDate, hour = random.integer(9, 16)): Who => ({
      actor: {
        userId: officer.userId,
        apiClientId: null,
        name: officer.name,
        address: null,
        requestId: null,
      },
      userId: officer.userId,
      staffId: officer.staffId,
      now: londonInstant(day, hour, random.pick([0, 10, 20, 30, 40, 50])),
      today: day,
    });

    // Each failure is decided on the day it opens or a few working days after, in that order;
    // a recall on the day chosen for it.
    const planned = facts.failures
      .map((failure) => {
        const opensOn = decisionOpensOn(failure.outcome_code!, failure.contact_date, policy);
        const lag = random.pick([0, 0, 1, 1, 1, 2, 2, 3]);
        const day = recalls.get(failure.id)?.day ?? nextWorkingDay(addWorkingDays(opensOn, lag));
        return { failure, day };
      })
      .sort(
        (a, b) => a.day.localeCompare(b.day) || a.failure.contact_date.localeCompare(b.failure.contact_date),
      );

    // Before a recall, the person's earlier failures have all had their decisions.
    const recallAhead = planned.some((p) => recalls.has(p.failure.id));
    for (const { failure, day } of planned) {
      const recall = recalls.get(failure.id);
      facts = await factsNow();
      const open = enforcementPicture(facts, person.id, day, person.crn, policy).openDecisions.find(
        (d) => d.failure.id === failure.id,
      );
      if (!open) continue;
      const breachRequired = open.required?.answer === 'breach-required';
      if (!recall && !(recallAhead ? day < today : decidedBy(failure, day, today, random, breachRequired)))
        break;
      const choice = recall ? recallChoice() : chooseAction(open, facts, day, random);
      // On the day of the failure itself, the decision comes after the appointment's outcome (17:00).
      const officerWho = who(person.officer, day, day === failure.contact_date ? 17 : undefined);
      const decided = await recordDecision(db, officerWho, {
        personId: person.id,
        contactId: failure.id,
        orderId: open.order?.id ?? null,
        action: choice.action,
        required: open.required,
        officerReasons: choice.reasons,
        overrideReason: null,
        policy,
      });
      if (!decided.recorded) throw new Error(`Demo data: the decision on ${failure.id} was not recorded`);

      if (choice.action === 'warn') {
        // The letter goes the same day, drafted from the record as the warning page drafts it
        // (the decision just recorded changes none of the warnings or breaches it reads).
        const picture = enforcementPicture(facts, person.id, day, person.crn, policy);
        const draft = draftWarningLetter({
          to,
          order: open.order!,
          failure,
          warnings: facts.warnings,
          lastBreachEnded: picture.lastBreachEnded,
          issuedOn: day,
          officer: person.officer.name,
          policy,
        });
        const letterWho = { ...officerWho, now: new Date(officerWho.now.getTime() + 30 * 60_000) };
        const issued = await issueWarning(db, letterWho, {
          personId: person.id,
          orderId: open.order!.id,
          contactId: failure.id,
          decisionId: decided.decisionId,
          level: draft.level,
          letterType: draft.letterType,
          letterText: plainText(draft.model),
          pdf: await renderPdf(draft.model),
          largePrint: draft.model.largePrint,
        });
        if (!issued.issued) throw new Error(`Demo data: the warning for ${failure.id} was not issued`);
        changed = true;
      } else if (decided.breachId) {
        const resolvedAs = await takeBreachThroughCourt(db, {
          person,
          to,
          breachId: decided.breachId,
          requestedOn: day,
          today,
          random,
          who,
          continuedFirst: !continuedGiven,
        });
        if (resolvedAs === 'continued') continuedGiven = true;
        changed = true;
      } else if (decided.recallId && recall) {
        await takeRecallOn(db, {
          person,
          to,
          recallId: decided.recallId,
          decidedOn: day,
          stage: recall.stage,
          who,
        });
        // Recalled: the failures after it wait for the officer.
        break;
      }
    }
  }
}

/** Allocated people in CRN order, with their officer and their team's manager, and the magistrates' court of their area. */
async function demoPeople(db: Db): Promise<DemoPerson[]> {
  const [rows, managers] = await Promise.all([
    db
      .selectFrom('allocations')
      .innerJoin('people', 'people.id', 'allocations.person_id')
      .innerJoin('staff', 'staff.id', 'allocations.staff_id')
      .innerJoin('teams', 'teams.id', 'allocations.team_id')
      .leftJoin('users', 'users.staff_id', 'staff.id')
      .select([
        'people.id',
        'people.crn',
        'people.forename',
        'people.middle_names',
        'people.surname',
        'people.date_of_birth',
        'people.interpreter_required',
        'people.first_language',
        'staff.id as staff_id',
        'staff.forename as staff_forename',
        'staff.surname as staff_surname',
        'users.id as user_id',
        'teams.id as team_id',
        'teams.code as team_code',
      ])
      .where('allocations.ended_at', 'is', null)
      .orderBy('people.crn')
      .execute(),
    db
      .selectFrom('staff')
      .leftJoin('users', 'users.staff_id', 'staff.id')
      .select(['staff.id', 'staff.forename', 'staff.surname', 'staff.team_id', 'users.id as user_id'])
      .where('staff.grade_code', '=', 'SPO')
      .orderBy('staff.staff_code')
      .execute(),
  ]);
  const managerOf = new Map<string, Officer>();
  for (const m of managers)
    if (m.team_id && !managerOf.has(m.team_id))
      managerOf.set(m.team_id, { staffId: m.id, userId: m.user_id, name: `${m.forename} ${m.surname}` });
  return rows.map((r) => {
    const officer = {
      staffId: r.staff_id,
      userId: r.user_id,
      name: `${r.staff_forename} ${r.staff_surname}`,
    };
    return {
      id: r.id,
      crn: r.crn,
      forename: r.forename,
      middle_names: r.middle_names,
      surname: r.surname,
      date_of_birth: r.date_of_birth,
      interpreter_required: r.interpreter_required,
      first_language: r.first_language,
      officer,
      manager: managerOf.get(r.team_id) ?? officer,
      court: r.team_code.startsWith('N01CO') ? 'COLCMC' : 'CHELMC',
    };
  });
}

/** The last working day before a date. */
function workingDayBefore(date: IsoDate): IsoDate {
  let day = addDays(date, -1);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/**
 * Whether the officer has decided a failure by now: not yet in its first week; in its
 * second, always where the law requires a breach (the officer acts on it first), else
 * sometimes; always after.
 */
function decidedBy(
  failure: Failure,
  day: IsoDate,
  today: IsoDate,
  random: SeededRandom,
  breachRequired: boolean,
): boolean {
  if (day >= today) return false;
  if (failure.contact_date > addDays(today, -ALWAYS_OPEN_DAYS)) return false;
  if (failure.contact_date > addDays(today, -SOMETIMES_OPEN_DAYS))
    return breachRequired || random.chance(0.6);
  return true;
}

interface Choice {
  action: 'warn' | 'breach' | 'recall' | 'nfa';
  reasons: string;
}

/**
 * What the officer decides, within what the law requires on the day: a warning while
 * none is live, a referral for breach once one is (community orders and suspended
 * sentence orders), the next licence warning, a warning then the magistrates' court on
 * post-sentence supervision; no further action where no order can be enforced, or
 * where the order is already before the court for breach.
 */
function chooseAction(open: Open, facts: EnforcementFacts, day: IsoDate, random: SeededRandom): Choice {
  if (!open.order || !open.required) {
    const laterOrder = facts.orders.some((o) => o.start_date > open.failure.contact_date);
    return { action: 'nfa', reasons: laterOrder ? BEFORE_ORDER_REASON : AFTER_ORDER_REASON };
  }
  const orderId = open.order.id;
  const inBreachOn = facts.breaches.some(
    (b) =>
      b.order_id === orderId &&
      b.requested_on <= day &&
      (b.resolved_on === null || b.resolved_on > day) &&
      b.state !== 'withdrawn',
  );
  switch (open.required.answer) {
    case 'no-action-order-ended':
      return { action: 'nfa', reasons: ORDER_ENDED_REASON };
    case 'breach-required':
      return inBreachOn
        ? { action: 'nfa', reasons: IN_BREACH_REASON }
        : { action: 'breach', reasons: random.pick(BREACH_REASONS) };
    case 'warn-or-breach':
      return inBreachOn
        ? { action: 'nfa', reasons: IN_BREACH_REASON }
        : { action: 'warn', reasons: random.pick(WARN_REASONS) };
    case 'licence-warning-or-recall':
      // After a final warning the next step is a recall recommendation; the demo's recalls are
      // chosen in chooseRecalls, so here the officer judges a further final warning enough.
      return nextLicenceWarning(liveOn(facts, orderId, day)).answer === 'recall-recommended'
        ? { action: 'warn', reasons: FURTHER_FINAL_REASON }
        : { action: 'warn', reasons: random.pick(LICENCE_REASONS) };
    case 'warn-or-breach-to-magistrates':
      if (inBreachOn) return { action: 'nfa', reasons: IN_BREACH_REASON };
      return liveOn(facts, orderId, open.failure.contact_date) > 0
        ? { action: 'breach', reasons: random.pick(PSS_BREACH_REASONS) }
        : { action: 'warn', reasons: random.pick(WARN_REASONS) };
    case 'warn-only':
      return { action: 'warn', reasons: random.pick(WARN_REASONS) };
  }
}

/** Warnings live under an order on a day: given, not withdrawn, within 12 months, after its last breach ended. */
function liveOn(facts: EnforcementFacts, orderId: string, day: IsoDate): number {
  const ended =
    facts.breaches
      .filter((b) => b.order_id === orderId && b.resolved_on !== null && b.resolved_on <= day)
      .map((b) => b.resolved_on!)
      .sort()
      .at(-1) ?? null;
  return liveWarnings(
    facts.warnings
      .filter((w) => w.order_id === orderId)
      .map((w) => ({ issuedOn: w.issued_on, withdrawn: w.withdrawn_on !== null })),
    day,
    ended,
    policy,
  ).length;
}

function recallChoice(): Choice {
  return {
    action: 'recall',
    reasons:
      'Missed appointments and not at the approved address: whereabouts unknown. Risk cannot be managed in the community.',
  };
}

interface RecallPlan {
  day: IsoDate;
  /** How far the recall has gone: issued and waiting for the return to custody, or recommended and waiting for a countersignature. */
  stage: 'issued' | 'recommended';
}

/**
 * One or two licences with a recall under way: a recent failure on a running licence,
 * preferring the caseloads of the officers with a demo sign-in. One, decided on the
 * last working day, has its recommendation waiting for the manager's countersignature;
 * the other, older, was countersigned and issued and waits for the return to custody.
 */
function chooseRecalls(
  people: readonly DemoPerson[],
  byPerson: (personId: string) => EnforcementFacts,
  today: IsoDate,
): Map<string, RecallPlan> {
  const yesterday = workingDayBefore(today);
  const candidates = people
    .map((person) => {
      const facts = byPerson(person.id);
      // Nothing is decided yet: every enforceable failure is open, with what the law requires today.
      const open = enforcementPicture(facts, person.id, today, person.crn, policy)
        .openDecisions.filter(
          (d) =>
            d.required?.answer === 'licence-warning-or-recall' &&
            d.failure.outcome_code === 'UAAB' &&
            d.failure.contact_date < yesterday &&
            d.failure.contact_date > addDays(today, -SOMETIMES_OPEN_DAYS) &&
            d.order!.start_date < addDays(today, -28),
        )
        .at(-1);
      return open ? { person, failure: open.failure, signIn: person.officer.userId !== null } : null;
    })
    .filter((c): c is NonNullable<typeof c> => c !== null)
    .sort((a, b) => Number(b.signIn) - Number(a.signIn));
  const plans = new Map<string, RecallPlan>();
  const [recommended, ...others] = candidates;
  if (recommended) plans.set(recommended.failure.id, { day: yesterday, stage: 'recommended' });
  const issued = others.find((c) => addWorkingDays(c.failure.contact_date, 2) < today);
  if (issued)
    plans.set(issued.failure.id, { day: addWorkingDays(issued.failure.contact_date, 1), stage: 'issued' });
  return plans;
}

type WhoOf = (officer: Officer, day: IsoDate, hour?: number) => Who;

/** The recommendation completed the day of the decision; for an issued recall, countersigned and issued the next working day. */
async function takeRecallOn(
  db: Db,
  input: {
    person: DemoPerson;
    to: Awaited<ReturnType<typeof addresseeOf>>;
    recallId: string;
    decidedOn: IsoDate;
    stage: RecallPlan['stage'];
    who: WhoOf;
  },
): Promise<void> {
  const { person, recallId, decidedOn, who } = input;
  const recallOf = async () => {
    const facts = await enforcementFacts(db, [person.id]);
    return enforcementPicture(facts, person.id, decidedOn, person.crn, policy).recalls.find(
      (r) => r.id === recallId,
    )!;
  };
  let recall = await recallOf();
  const order = recall.order!;
  const conditions = await licenceConditionsOfOrder(db, order.id);
  const breached = conditions.filter((c) => c.code === 'STD3' || c.code === 'STD4');
  const eligibility = fixedTermRecallEligibility(
    {
      decisionDate: decidedOn,
      ...(await knownRecallFacts(db, person, order, decidedOn)),
      schedule19AAOffence: false,
      terroristPrisoner: false,
      recalledForCharge: false,
    },
    policy,
  );
  const step = async (
    by: Officer,
    day: IsoDate,
    from: Parameters<typeof advanceRecall>[2]['from'],
    set: Parameters<typeof advanceRecall>[2]['set'],
    audit: string,
  ) => {
    const done = await advanceRecall(db, who(by, day), {
      personId: person.id,
      recallId,
      expectedVersion: recall.row_version,
      from,
      set,
      audit,
    });
    if (!done) throw new Error(`Demo data: the recall ${recallId} could not be moved on (${audit})`);
    recall = await recallOf();
  };
  await step(
    person.officer,
    decidedOn,
    ['recommendation-due'],
    {
      state: 'recommended',
      circumstances:
        'Failed to attend without explanation and has not been at the approved address since; calls and texts unanswered.',
      conditions_breached: JSON.stringify(
        breached.map((c) => `${c.description}${c.detail ? ` (${c.detail})` : ''}`),
      ),
      risk_now: 'Rising: whereabouts unknown, and the circumstances match the lead-up to the index offence.',
      alternatives:
        'A further licence warning and more frequent reporting were considered; neither manages the risk while whereabouts are unknown.',
      recall_type: 'standard',
      eligibility: JSON.stringify({
        checks: eligibility.checks,
        reasons: eligibility.reasons,
        source: eligibility.source,
        automaticReleaseDays: eligibility.automaticReleaseDays,
      }),
      fixed_term_eligible: eligibility.eligible,
      fixed_term_days: eligibility.fixedTermDays,
      recommended_on: decidedOn,
    },
    'recommended-recall',
  );
  if (input.stage === 'recommended') return;
  const signedOn = addWorkingDays(decidedOn, 1);
  await step(
    person.manager,
    signedOn,
    ['recommended'],
    {
      state: 'countersigned',
      countersigned_by_user_id: person.manager.userId,
      countersigned_by_name: person.manager.name,
      countersigned_on: signedOn,
    },
    'countersigned-recall',
  );
  const pdf = await renderPdf(recallReportFor(recall, input.to, person.date_of_birth));
  await step(
    person.officer,
    signedOn,
    ['countersigned'],
    { state: 'issued', decision: 'recall', decided_on: signedOn, pdf },
    'issued-recall',
  );
}

/**
 * A breach taken as far as its age allows: the pack prepared within the 10 working
 * days, countersigned by the team's manager, submitted, listed at the magistrates' court
 * three to six weeks on, now and then adjourned, and the court's outcome recorded once
 * the hearing has passed. Answers the outcome, if any.
 */
async function takeBreachThroughCourt(
  db: Db,
  input: {
    person: DemoPerson;
    to: Awaited<ReturnType<typeof addresseeOf>>;
    breachId: string;
    requestedOn: IsoDate;
    today: IsoDate;
    random: SeededRandom;
    who: WhoOf;
    /** The first breach the court decides continues the order, so the demo always shows a breach period ended. */
    continuedFirst: boolean;
  },
): Promise<'continued' | 'amended' | 'fine' | null> {
  const { person, breachId, today, random, who } = input;
  // Read once: what the pack says comes from the record up to the request, which the steps do not change.
  const facts = await enforcementFacts(db, [person.id]);
  const breach = enforcementPicture(facts, person.id, input.requestedOn, person.crn, policy).breaches.find(
    (b) => b.id === breachId,
  )!;
  let version = breach.row_version;
  const step = async (
    by: Officer,
    day: IsoDate,
    from: Breach['state'][],
    set: Parameters<typeof advanceBreach>[2]['set'],
    audit: string,
  ) => {
    const done = await advanceBreach(db, who(by, day), {
      personId: person.id,
      breachId,
      expectedVersion: version,
      from,
      set,
      audit,
    });
    if (!done) throw new Error(`Demo data: the breach ${breachId} could not be moved on (${audit})`);
    version += 1;
  };

  const preparedOn = addWorkingDays(input.requestedOn, random.integer(5, 10));
  if (preparedOn >= today) return null;
  const warrant = random.chance(0.2);
  const form = {
    assessment: random.pick(ASSESSMENTS),
    proposal: random.pick(PROPOSALS),
    courtProcess: warrant ? ('warrant' as const) : ('summons' as const),
    warrantReason: warrant
      ? 'The person has left the approved address and has not answered calls: a summons is unlikely to reach them.'
      : null,
    preparedOn,
    countersignedBy: null,
    countersignedOn: null,
  };
  const pack = await renderBreachPack(await breachPackInput(db, facts, breach, person, input.to, form));
  await step(
    person.officer,
    preparedOn,
    ['requested'],
    {
      state: 'pack-ready',
      assessment: form.assessment,
      proposal: form.proposal,
      pack_ready_on: preparedOn,
      court_process: form.courtProcess,
      warrant_reason: form.warrantReason,
      breach_report_pdf: pack.report,
      statement_pdf: pack.statement,
      order_and_warnings_pdf: pack.orderAndWarnings,
      activity_log_pdf: pack.activityLog,
      court_application_pdf: pack.application,
    },
    'prepared-breach-pack',
  );

  const signedOn = addWorkingDays(preparedOn, random.integer(1, 4));
  if (signedOn >= today) return null;
  const report = await renderBreachReport(
    await breachPackInput(db, facts, breach, person, input.to, {
      ...form,
      countersignedBy: person.manager.name,
      countersignedOn: signedOn,
    }),
  );
  await step(
    person.manager,
    signedOn,
    ['pack-ready'],
    {
      state: 'countersigned',
      countersigned_by_user_id: person.manager.userId,
      countersigned_by_name: person.manager.name,
      countersigned_on: signedOn,
      breach_report_pdf: report,
    },
    'countersigned-breach',
  );

  const submittedOn = addWorkingDays(signedOn, random.integer(1, 3));
  if (submittedOn >= today) return null;
  await step(
    person.officer,
    submittedOn,
    ['countersigned'],
    { state: 'submitted', submitted_on: submittedOn },
    'submitted-breach',
  );

  const listedOn = addWorkingDays(submittedOn, random.integer(3, 8));
  if (listedOn >= today) return null;
  let hearingOn = addWorkingDays(submittedOn, random.integer(15, 30));
  await step(
    person.officer,
    listedOn,
    ['submitted'],
    { state: 'listed', court_code: person.court, hearing_on: hearingOn },
    'listed-breach',
  );
  if (hearingOn >= today) return null;

  if (random.chance(0.25)) {
    const adjournedFrom = hearingOn;
    hearingOn = addWorkingDays(adjournedFrom, random.integer(10, 20));
    await step(
      person.officer,
      adjournedFrom,
      ['listed'],
      { state: 'adjourned', hearing_on: hearingOn, adjournment_reason: random.pick(ADJOURNMENTS) },
      'adjourned-breach',
    );
    if (hearingOn >= today) return null;
  }

  const outcome = input.continuedFirst
    ? 'continued'
    : random.pick(['continued', 'continued', 'amended', 'fine'] as const);
  await step(
    person.officer,
    hearingOn,
    ['listed', 'adjourned'],
    { state: 'resolved', outcome, resolved_on: hearingOn, outcome_notes: OUTCOME_NOTES[outcome] },
    'resolved-breach',
  );
  return outcome;
}
