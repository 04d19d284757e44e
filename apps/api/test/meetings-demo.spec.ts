import { DEMO, TestApp, startTestApp } from './support/test-app';

/**
 * The demo data people meet first (issue 12): a termly network SENCO meeting with a published agenda,
 * as a SENCO of another trust sees it through the API.
 */
describe('the demo meetings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t?.close());

  it('hold a termly network SENCO series whose next meeting has a published agenda that fits its length', async () => {
    const [series] = await t.sql<{ id: string; rdates: string[] }>(
      `SELECT id, rdates::text[] AS rdates FROM meeting_series WHERE title = 'Network SENCO meeting' AND scope_kind = 'NETWORK'`,
    );
    expect(series).toBeDefined();
    expect(series!.rdates).toHaveLength(3);
    const [occurrence] = await t.sql<{ key: string }>(
      `SELECT key::text AS key FROM meeting_occurrences WHERE series_id = $1 AND agenda_published_at IS NOT NULL`,
      [series!.id],
    );
    expect(series!.rdates).toContain(occurrence!.key);

    const senco = await t.signedIn(DEMO.sencoStBernadettes);
    const { meetingAgenda } = await senco.ok<{
      meetingAgenda: {
        publishedAt: string | null;
        items: Array<{ title: string; status: string; purpose: string }>;
        timing: { totalMinutes: number; meetingMinutes: number; over: boolean };
      };
    }>(
      `query($s: ID!, $k: String!) { meetingAgenda(seriesId: $s, key: $k) {
         publishedAt items { title status purpose } timing { totalMinutes meetingMinutes over } } }`,
      { s: series!.id, k: occurrence!.key },
    );
    expect(meetingAgenda.publishedAt).not.toBeNull();
    expect(meetingAgenda.items.map((i) => i.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
    expect(meetingAgenda.items.map((i) => i.purpose)).toContain('DECIDE');
    expect(meetingAgenda.timing).toEqual({ totalMinutes: 115, meetingMinutes: 120, over: false });
  });
});
