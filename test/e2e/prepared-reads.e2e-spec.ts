import { CaseEntity } from '@app/cases';
import { DataSource } from 'typeorm';
import { CasesRepository } from '../../libs/cases/src/persistence/cases.repository';
import { TicketEntity } from '../../libs/hotline/src/persistence/ticket.entity';
import { TicketsRepository } from '../../libs/hotline/src/persistence/tickets.repository';
import { caseIntake, PENALTY, takePassingOffCaseToDecision } from '../factories/cases';
import { auth, createTestApp, TestApp } from '../utils/test-app';

/**
 * The hot reads of a case run fixed prepared statements and hydrate the entity themselves (kernel/database/prepared.ts).
 * They must give exactly what TypeORM's own find gives: every column, dates as 'YYYY-MM-DD', jsonb, arrays, nulls.
 */
describe('prepared reads and writes of a case equal what TypeORM loads', () => {
  let t: TestApp;
  let repo: CasesRepository;
  let ds: DataSource;
  const everyone = { id: '00000000-0000-4000-8000-000000000000', scope: { allUnits: true, unitCodes: [] } };
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    repo = t.app.get(CasesRepository);
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const sorted = <R extends { ordinal: number; role?: string }>(rows: R[]) =>
    [...rows].sort((a, b) => (a.role ?? '').localeCompare(b.role ?? '') || a.ordinal - b.ordinal);

  it('a decided case (procedure, decision, dates, officers) and a fresh intake with an individual party', async () => {
    const officer = await t.token('off.binhai1');
    const fresh = (await t.http.post('/api/v1/cases').set(auth(officer)).send(caseIntake({}, 7)).expect(201)).body as { id: string };
    // the intake answers from its INSERT … RETURNING (no read-back): the same as a read of the stored case
    expect((await t.http.get(`/api/v1/cases/${fresh.id}`).set(auth(officer)).expect(200)).body).toEqual(fresh);
    const timeline = (await t.http.get(`/api/v1/cases/${fresh.id}/events`).set(auth(officer)).expect(200)).body as unknown[];
    expect(timeline).toEqual([expect.objectContaining({ action: 'receive', fromStatus: null, toStatus: 'received' })]);
    const decided = await takePassingOffCaseToDecision(t, { ...PENALTY });
    for (const id of [fresh.id, decided.id]) {
      const loaded = await ds.manager.findOneByOrFail(CaseEntity, { id });
      const prepared = await repo.findVisible(everyone, id);
      expect(prepared).toBeInstanceOf(CaseEntity);
      expect(prepared).toEqual(loaded);
      const locked = await ds.transaction((em) => repo.lockVisible(em, everyone, id));
      expect(locked).toEqual(loaded);

      const page = await repo.findVisibleWithParties(everyone, id);
      const [parties, patents] = await repo.partiesAndPatents([id]);
      expect(page?.case).toEqual(loaded);
      expect(sorted(page!.parties)).toEqual(sorted(parties));
      expect(sorted(page!.patents)).toEqual(sorted(patents));
    }
    // the decided case really carries what the comparison is about
    const decidedRow = await ds.manager.findOneByOrFail(CaseEntity, { id: decided.id });
    expect(decidedRow.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(decidedRow.assignedOfficerIds).toHaveLength(2);
    expect(Object.keys(decidedRow.procedure)).not.toHaveLength(0);
  });

  it('a hotline ticket (encrypted caller, patents, SLA dates), plain and locked', async () => {
    const op = await t.token('op.12330');
    const tk = (
      await t.http
        .post('/api/v1/hotline/tickets')
        .set(auth(op))
        .send({
          channel: 'phone',
          category: 'complaint',
          caller: { name: '张三', phone: '13912345678' },
          subject: '展会上销售侵权产品',
          description: '来电反映',
          respondentName: '天津某某贸易有限公司',
          orgUnitCode: '120116',
        })
        .expect(201)
    ).body as { id: string };
    const tickets = t.app.get(TicketsRepository);
    const loaded = await ds.manager.findOneByOrFail(TicketEntity, { id: tk.id });
    const viewer = { id: everyone.id, roles: ['hotline_operator' as const], scope: { allUnits: true, unitCodes: [] } };
    expect(await tickets.findVisible(ds.manager, viewer, tk.id)).toEqual(loaded);
    expect(await ds.transaction((em) => tickets.findVisible(em, viewer, tk.id, true))).toEqual(loaded);
    expect(loaded.callerPhoneEnc).toBeTruthy();
  });

  it('out of scope or unknown: null, as the TypeORM read was', async () => {
    const officer = await t.token('off.binhai1');
    const c = (await t.http.post('/api/v1/cases').set(auth(officer)).send(caseIntake({}, 8)).expect(201)).body as { id: string };
    const elsewhere = { id: everyone.id, scope: { allUnits: false, unitCodes: ['120101'] } };
    expect(await repo.findVisible(elsewhere, c.id)).toBeNull();
    expect(await repo.findVisibleWithParties(elsewhere, c.id)).toBeNull();
    expect(await repo.findVisible(everyone, '00000000-0000-4000-8000-000000000001')).toBeNull();
    expect(await repo.findVisibleWithParties(everyone, '00000000-0000-4000-8000-000000000001')).toBeNull();
  });
});
