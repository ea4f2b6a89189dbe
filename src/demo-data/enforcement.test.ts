import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { enforcementFacts, enforcementPicture, factsByPerson } from '../enforcement/index.js';
import { addDays, londonDateOf } from '../platform/calendar/index.js';
import { readPdf } from '../platform/documents/index.js';
import { DEMO_LIMITED_ACCESS } from './seed.js';

/**
 * The demo data's enforcement, as the test template loaded it (test/global-setup.ts):
 * decisions recorded on a year of failures, warnings with their letters, breaches at
 * different stages, and the last days' failures still waiting for a decision.
 */
describe('Demo data: enforcement', () => {
  let t: TestApp;
  let handle: TestApp['database'];
  const today = londonDateOf(new Date());

  beforeAll(async () => {
    t = await startTestApp();
    handle = t.database;
  });
  afterAll(async () => {
    await t.close();
  });

  /** The enforcement picture today of every allocated person, with their officer's staff code. */
  async function pictures() {
    const people = await handle.db
      .selectFrom('allocations')
      .innerJoin('people', 'people.id', 'allocations.person_id')
      .innerJoin('staff', 'staff.id', 'allocations.staff_id')
      .select(['people.id', 'people.crn', 'staff.staff_code'])
      .where('allocations.ended_at', 'is', null)
      .execute();
    const facts = factsByPerson(
      await enforcementFacts(
        handle.db,
        people.map((p) => p.id),
      ),
    );
    return people.map((p) => ({ ...p, picture: enforcementPicture(facts(p.id), p.id, today, p.crn) }));
  }

  it('gives warnings with their stored letter as a PDF and its letter contact', async () => {
    const warnings = await handle.db
      .selectFrom('warnings')
      .innerJoin('contacts as letter', 'letter.id', 'warnings.letter_contact_id')
      .innerJoin('orders', 'orders.id', 'warnings.order_id')
      .innerJoin('people', 'people.id', 'warnings.person_id')
      .select([
        'warnings.level',
        'warnings.letter_text',
        'warnings.pdf',
        'warnings.issued_on',
        'letter.contact_type',
        'letter.person_id',
        'warnings.person_id as warned_person',
        'orders.order_type',
        'people.surname',
      ])
      .orderBy('warnings.issued_on')
      .execute();
    expect(warnings.length).toBeGreaterThan(20);
    for (const w of warnings) {
      expect(w.person_id).toBe(w.warned_person);
      expect(Buffer.from(w.pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(w.letter_text).toContain('is unacceptable');
      expect(w.issued_on < today).toBe(true);
      if (w.order_type === 'LIC') {
        expect(w.contact_type).toBe('LCL');
        expect(['first', 'second', 'final']).toContain(w.level);
      } else {
        expect(['EA02', 'EA03']).toContain(w.contact_type);
        expect(w.level).toBe('community');
      }
    }
    // A letter reads as the warning page issues it: the statutory elements, to the person.
    const first = warnings.find((w) => w.order_type !== 'LIC')!;
    const text = (await readPdf(first.pdf)).text.replace(/\s+/g, ' ');
    expect(text).toContain(first.surname);
    expect(text).toMatch(
      /within 12 months of this warning .*you will be liable to be brought before the court/,
    );
  });

  it('records each decision through the use case, as the law required on the day', async () => {
    const decisions = await handle.db
      .selectFrom('enforcement_decisions')
      .select(['action', 'required_action', 'override_reason', 'decided_on'])
      .execute();
    expect(decisions.length).toBeGreaterThan(50);
    const audited = await handle.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'recorded-enforcement-decision')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(decisions.length);
    for (const d of decisions) {
      expect(d.override_reason).toBeNull();
      expect(d.decided_on < today).toBe(true);
      // A live warning means breach (or, with the order already before the court, no further action).
      if (d.required_action === 'breach-required') expect(['breach', 'nfa']).toContain(d.action);
      if (d.required_action === 'warn-or-breach') expect(d.action).toBe('warn');
      if (d.required_action === 'licence-warning-or-recall') expect(['warn', 'recall']).toContain(d.action);
      if (d.required_action === 'no-order' || d.required_action === 'no-action-order-ended')
        expect(d.action).toBe('nfa');
    }
    const actions = new Set(decisions.map((d) => d.action));
    expect([...actions].sort()).toEqual(['breach', 'nfa', 'recall', 'warn']);
  });

  it('has breaches at different stages, one ended by the court continuing the order, each pack made', async () => {
    const breaches = await handle.db
      .selectFrom('breaches')
      .select([
        'state',
        'outcome',
        'resolved_on',
        'pack_due_on',
        'breach_report_pdf',
        'statement_pdf',
        'order_and_warnings_pdf',
        'activity_log_pdf',
        'court_application_pdf',
        'countersigned_by_name',
      ])
      .execute();
    const states = new Set(breaches.map((b) => b.state));
    expect(states.size).toBeGreaterThan(2);
    expect(states).toContain('resolved');
    expect([...states].some((s) => s !== 'resolved')).toBe(true);
    expect(breaches.some((b) => b.outcome === 'continued' && b.resolved_on! < today)).toBe(true);
    for (const b of breaches) {
      if (b.state === 'requested') {
        expect(b.breach_report_pdf).toBeNull();
        expect(b.pack_due_on >= today).toBe(true);
        continue;
      }
      for (const pdf of [
        b.breach_report_pdf,
        b.statement_pdf,
        b.order_and_warnings_pdf,
        b.activity_log_pdf,
        b.court_application_pdf,
      ])
        expect(Buffer.from(pdf!).subarray(0, 5).toString()).toBe('%PDF-');
      if (b.state !== 'pack-ready') expect(b.countersigned_by_name).not.toBeNull();
    }
  });

  it('has a recall under way on a licence', async () => {
    const recalls = await handle.db
      .selectFrom('recalls')
      .innerJoin('orders', 'orders.id', 'recalls.order_id')
      .select(['recalls.state', 'orders.order_type', 'recalls.recommended_on'])
      .execute();
    expect(recalls.length).toBeGreaterThan(0);
    for (const r of recalls) {
      expect(r.order_type).toBe('LIC');
      expect(['recommended', 'countersigned', 'issued']).toContain(r.state);
      expect(r.recommended_on).not.toBeNull();
    }
  });

  it('leaves no failure older than three weeks waiting for a decision, and the recent ones open', async () => {
    const all = await pictures();
    const stale = all.flatMap((p) =>
      p.picture.openDecisions
        .filter((d) => d.failure.contact_date < addDays(today, -21))
        .map((d) => `${p.crn} ${d.failure.contact_date}`),
    );
    expect(stale).toEqual([]);
    const demoOfficer = all.filter((p) => p.staff_code === 'N01A001');
    expect(demoOfficer.flatMap((p) => p.picture.openDecisions).length).toBeGreaterThan(0);
    expect(demoOfficer.flatMap((p) => p.picture.awaitingEvidence).length).toBeGreaterThan(0);
    // Every case-holding officer with a caseload has something to decide.
    const officers = new Set(all.map((p) => p.staff_code));
    for (const code of officers)
      expect(all.filter((p) => p.staff_code === code).some((p) => p.picture.openDecisions.length > 0)).toBe(
        true,
      );
  });

  it('shows the demo officer and the manager their enforcement caseloads, and each breach and recall page', async () => {
    const po = await t.signIn('po.demo');
    const caseload = await po.get('/enforcement');
    expect(caseload.statusCode).toBe(200);
    expect(caseload.body).toContain('Decision needed');
    expect(caseload.body).toContain('Awaiting evidence');
    const manager = await t.signIn('manager.demo');
    expect((await manager.get('/enforcement')).statusCode).toBe(200);

    const hidden = [DEMO_LIMITED_ACCESS.excludedCrn, DEMO_LIMITED_ACCESS.restrictedCrn];
    const breaches = await handle.db
      .selectFrom('breaches')
      .innerJoin('people', 'people.id', 'breaches.person_id')
      .select(['breaches.id', 'breaches.state', 'people.crn'])
      .where('people.crn', 'not in', hidden)
      .orderBy('people.crn')
      .execute();
    const oneOfEach = [...new Map(breaches.map((b) => [b.state, b])).values()];
    for (const b of oneOfEach) {
      const page = await manager.get(`/people/${b.crn}/enforcement/breaches/${b.id}`);
      expect(page.statusCode, `${b.state} breach of ${b.crn}`).toBe(200);
      if (b.state !== 'requested') {
        const report = await manager.get(
          `/people/${b.crn}/enforcement/breaches/${b.id}/documents/breach-report.pdf`,
        );
        expect(report.headers['content-type']).toContain('application/pdf');
      }
    }
    const recalls = await handle.db
      .selectFrom('recalls')
      .innerJoin('people', 'people.id', 'recalls.person_id')
      .select(['recalls.id', 'recalls.state', 'people.crn'])
      .where('people.crn', 'not in', hidden)
      .execute();
    for (const r of recalls)
      expect((await manager.get(`/people/${r.crn}/enforcement/recalls/${r.id}`)).statusCode).toBe(200);

    const warning = await handle.db
      .selectFrom('warnings')
      .innerJoin('people', 'people.id', 'warnings.person_id')
      .select(['warnings.id', 'people.crn'])
      .where('people.crn', 'not in', hidden)
      .orderBy('people.crn')
      .executeTakeFirstOrThrow();
    const tab = await manager.get(`/people/${warning.crn}/enforcement`);
    expect(tab.statusCode).toBe(200);
    expect(tab.body).toContain(`/enforcement/warnings/${warning.id}/letter.pdf`);
    const letter = await manager.get(`/people/${warning.crn}/enforcement/warnings/${warning.id}/letter.pdf`);
    expect(letter.headers['content-type']).toContain('application/pdf');
  });
});
