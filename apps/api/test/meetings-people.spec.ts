import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';

const CANDIDATES = `query($search: String!, $first: Int) {
  meetingPeopleCandidates(search: $search, first: $first) { id displayName roleLine } }`;
type Candidate = { id: string; displayName: string; roleLine: string | null };
type Answer = { meetingPeopleCandidates: Candidate[] };

describe('meetings: people to name in a meeting or ask in a poll (meetingPeopleCandidates)', () => {
  let t: TestApp;
  let senco: GqlClient;
  let sendLead: GqlClient;

  beforeAll(async () => {
    t = await startTestApp();
    senco = await t.signedIn(DEMO.sencoHolyFamily);
    sendLead = await t.signedIn(DEMO.sendLead);
  }, 120_000);
  afterAll(() => t?.close());

  it('lets a SENCO find a SENCO of another trust by part of their name, by name only (no email, no role line)', async () => {
    const r = await senco.gql<Answer>(CANDIDATES, { search: 'BERNADETTE' });
    expect(r.errors).toBeUndefined();
    const found = r.data!.meetingPeopleCandidates;
    const other = found.find((p) => p.displayName === "SENCO, St Bernadette's Primary");
    expect(other).toBeDefined();
    // Another trust: the shared policy shows only the name.
    expect(other!.roleLine).toBeNull();
    expect(JSON.stringify(r.data)).not.toMatch(/@|demo\.lantern\.test/);
  });

  it('shows a role line within a shared trust, and never an email address', async () => {
    const found = (await senco.ok<Answer>(CANDIDATES, { search: 'holy family' })).meetingPeopleCandidates;
    const head = found.find((p) => p.displayName.toLowerCase().includes('headteacher'));
    expect(head?.roleLine).toBe('Headteacher, Holy Family Primary');
    expect(JSON.stringify(found)).not.toContain('@');
    const lead = (await sendLead.ok<Answer>(CANDIDATES, { search: 'st bern' })).meetingPeopleCandidates;
    expect(lead.some((p) => p.displayName === "SENCO, St Bernadette's Primary")).toBe(true);
  });

  it('finds nothing for fewer than two letters, treats % and _ as letters, and returns at most 20', async () => {
    expect((await senco.ok<Answer>(CANDIDATES, { search: 's' })).meetingPeopleCandidates).toEqual([]);
    expect((await senco.ok<Answer>(CANDIDATES, { search: ' ' })).meetingPeopleCandidates).toEqual([]);
    expect((await senco.ok<Answer>(CANDIDATES, { search: '%%' })).meetingPeopleCandidates).toEqual([]);
    expect((await senco.ok<Answer>(CANDIDATES, { search: '__' })).meetingPeopleCandidates).toEqual([]);
    const many = (await senco.ok<Answer>(CANDIDATES, { search: 'co', first: 500 })).meetingPeopleCandidates;
    expect(many.length).toBeGreaterThan(0);
    expect(many.length).toBeLessThanOrEqual(20);
  });

  it('leaves out deactivated people', async () => {
    const [u] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [
      DEMO.sencoStBernadettes,
    ]);
    await t.sql('UPDATE users SET deactivated_at = now() WHERE id = $1', [u!.id]);
    try {
      const found = (await senco.ok<Answer>(CANDIDATES, { search: 'bernadette' })).meetingPeopleCandidates;
      expect(found.some((p) => p.id === u!.id)).toBe(false);
    } finally {
      await t.sql('UPDATE users SET deactivated_at = NULL WHERE id = $1', [u!.id]);
    }
  });

  it('refuses a signed-out request', async () => {
    await t.client().fails(CANDIDATES, { search: 'bernadette' }, 'UNAUTHENTICATED');
  });
});
