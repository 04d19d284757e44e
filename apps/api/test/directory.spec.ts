import { TRUSTS, LOCAL_AUTHORITIES } from '../src/seed/demo-data';
import { DEMO, TestApp, startTestApp } from './support/test-app';
import { installQueryCounter, queryCountFor } from './support/query-counter';

installQueryCounter();

interface TrustsResult {
  trusts: Array<{
    name: string;
    totals: { numberOnRoll: number; ehcpCount: number; senSupportCount: number; totalSendPercent: number };
    schools: Array<{
      name: string;
      displayName: string;
      phase: string;
      numberOnRoll: number;
      ehcpCount: number;
      senSupportCount: number;
      ehcpPercent: number;
      localAuthority: { name: string };
    }>;
  }>;
}

const TRUSTS_QUERY = `{ trusts { name totals { numberOnRoll ehcpCount senSupportCount totalSendPercent }
  schools { name displayName phase numberOnRoll ehcpCount senSupportCount ehcpPercent localAuthority { name } } } }`;

describe('the SEND directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses every directory query to an anonymous request, with no data', async () => {
    for (const q of [
      TRUSTS_QUERY,
      '{ localAuthorities { name fundingBands { label annualValue } } }',
      '{ nationalAverages { phase } }',
      '{ me { user { id } } }',
      '{ schools { name } }',
    ]) {
      const r = await t.client().gql(q);
      expect(r.data).toBeNull();
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it("shows the workshop's two trusts and 16 schools exactly as in its table, and the demo's third trust", async () => {
    const c = await t.signedIn(DEMO.sencoHolyFamily);
    const { trusts } = await c.ok<TrustsResult>(TRUSTS_QUERY);
    expect(trusts.map((x) => x.name)).toEqual([
      'Assisi Catholic Trust',
      'Christus Catholic Trust',
      'Magnificat Catholic Trust',
    ]);
    expect(trusts.flatMap((x) => x.schools)).toHaveLength(18);
    for (const source of TRUSTS) {
      const trust = trusts.find((x) => x.name === source.name)!;
      for (const s of source.schools) {
        const got = trust.schools.find((x) => x.name === s.name)!;
        expect([got.numberOnRoll, got.ehcpCount, got.senSupportCount]).toEqual([
          s.roll,
          s.ehcp,
          s.senSupport,
        ]);
      }
    }
    const assisi = trusts[0]!;
    expect(assisi.totals).toMatchObject({ numberOnRoll: 3742, ehcpCount: 124, senSupportCount: 461 });
    const christus = trusts[1]!;
    expect(christus.totals).toMatchObject({ numberOnRoll: 2073, ehcpCount: 90, senSupportCount: 279 });
    const holyFamily = assisi.schools.find((s) => s.name === 'Holy Family Primary')!;
    expect(holyFamily.ehcpPercent).toBe(4.2);
  });

  it('never identifies a school by name alone: the two St Joseph’s differ in displayName', async () => {
    const c = await t.signedIn(DEMO.sencoHolyCross);
    const { schools } = await c.ok<{ schools: Array<{ name: string; displayName: string; id: string }> }>(
      '{ schools { id name displayName } }',
    );
    const josephs = schools.filter((s) => s.name === "St Joseph's Primary");
    expect(josephs).toHaveLength(2);
    expect(new Set(josephs.map((s) => s.displayName)).size).toBe(2);
    expect(new Set(josephs.map((s) => s.id)).size).toBe(2);
  });

  it('filters schools by trust, local authority and phase', async () => {
    const c = await t.signedIn(DEMO.sendLead);
    const { localAuthorities } = await c.ok<{ localAuthorities: Array<{ id: string; name: string }> }>(
      '{ localAuthorities { id name } }',
    );
    const thurrock = localAuthorities.find((l) => l.name === 'Thurrock')!;
    const byLa = await c.ok<{ schools: Array<{ localAuthority: { name: string } }> }>(
      'query($f: SchoolFilter) { schools(filter: $f) { localAuthority { name } } }',
      { f: { localAuthorityId: thurrock.id } },
    );
    const expected = TRUSTS.flatMap((x) => x.schools).filter((s) => s.la === 'Thurrock').length;
    expect(byLa.schools.length).toBe(expected);
    expect(byLa.schools.every((s) => s.localAuthority.name === 'Thurrock')).toBe(true);
    const infants = await c.ok<{ schools: Array<{ name: string }> }>(
      'query { schools(filter: { phase: INFANT }) { name } }',
    );
    expect(infants.schools.map((s) => s.name)).toEqual(['St Anne Line Infants']);
    const bad = await c.fails(
      'query { schools(filter: { trustId: "not-a-uuid" }) { name } }',
      undefined,
      'BAD_USER_INPUT',
    );
    expect(bad.error.message).toMatch(/Choose a trust/);
  });

  it('lists the three local authorities with their banding tables in pounds', async () => {
    const c = await t.signedIn(DEMO.staffHolyFamily);
    const { localAuthorities } = await c.ok<{
      localAuthorities: Array<{
        name: string;
        fundingUnit: string;
        fundingBands: Array<{ label: string; annualValue: number }>;
      }>;
    }>('{ localAuthorities { name fundingUnit fundingBands { label annualValue } } }');
    expect(localAuthorities.map((l) => l.name)).toEqual(['Essex', 'Southend', 'Thurrock']);
    for (const source of LOCAL_AUTHORITIES) {
      const la = localAuthorities.find((l) => l.name === source.name)!;
      expect(la.fundingBands.map((b) => [b.label, b.annualValue])).toEqual(
        source.bands.map(([l, v]) => [l, v]),
      );
    }
    expect(localAuthorities.find((l) => l.name === 'Thurrock')!.fundingUnit).toBe('HOURS');
  });

  it('gives the national averages by phase', async () => {
    const c = await t.signedIn(DEMO.staffHolyFamily);
    const r = await c.ok<{ nationalAverages: unknown[] }>(
      '{ nationalAverages { phase ehcpPercent senSupportPercent totalSendPercent } }',
    );
    expect(r.nationalAverages).toEqual([
      { phase: 'PRIMARY', ehcpPercent: 3.5, senSupportPercent: 14.8, totalSendPercent: 18.3 },
      { phase: 'SECONDARY', ehcpPercent: 3.1, senSupportPercent: 13.4, totalSendPercent: 16.5 },
    ]);
  });

  it('answers the whole directory page in a constant number of SQL statements (no N+1)', async () => {
    const c = await t.signedIn(DEMO.sendLead);
    // Counted per request (its X-Request-Id), so nothing else the process does meanwhile is counted.
    await c.ok(TRUSTS_QUERY);
    const requestId = `directory-${Date.now()}`;
    c.headers = { 'x-request-id': requestId };
    try {
      await c.ok(TRUSTS_QUERY);
    } finally {
      c.headers = {};
    }
    const n = queryCountFor(requestId);
    expect(n).toBeGreaterThan(0);
    // Session lookup + trusts + schools by trust + trust by id + local authorities: a handful, not one per school.
    expect(n).toBeLessThanOrEqual(8);
  });
});
