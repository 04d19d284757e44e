import { DEMO, TestApp, startTestApp } from './support/test-app';

const READING =
  '{ me { user { email } readingPreferences { readableFont textSize wideSpacing tint reduceMotion } } }';
const SAVE = `mutation Save($input: ReadingPreferencesInput!) {
  updateReadingPreferences(input: $input) {
    user { email }
    readingPreferences { readableFont textSize wideSpacing tint reduceMotion }
  }
}`;
const STANDARD = {
  readableFont: false,
  textSize: 'STANDARD',
  wideSpacing: false,
  tint: 'NONE',
  reduceMotion: false,
};
const CHOSEN = {
  readableFont: true,
  textSize: 'LARGER',
  wideSpacing: true,
  tint: 'CREAM',
  reduceMotion: true,
};

type Reading = { me: { user: { email: string }; readingPreferences: typeof STANDARD } };

describe('reading mode (per person, stored with the account)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('starts standard for everyone', async () => {
    const c = await t.signedIn(DEMO.staffHolyFamily);
    expect((await c.ok<Reading>(READING)).me.readingPreferences).toEqual(STANDARD);
  });

  it('saves the signed-in person’s choices, which come back after signing in again', async () => {
    const c = await t.signedIn(DEMO.sencoHolyFamily);
    const saved = await c.ok<{ updateReadingPreferences: Reading['me'] }>(SAVE, { input: CHOSEN });
    expect(saved.updateReadingPreferences).toEqual({
      user: { email: DEMO.sencoHolyFamily },
      readingPreferences: CHOSEN,
    });
    const again = await t.signedIn(DEMO.sencoHolyFamily);
    expect((await again.ok<Reading>(READING)).me.readingPreferences).toEqual(CHOSEN);
    const [row] = await t.sql<{ reading_tint: string; reading_text_size: string }>(
      'SELECT reading_tint, reading_text_size FROM users WHERE email = $1',
      [DEMO.sencoHolyFamily],
    );
    expect(row).toEqual({ reading_tint: 'CREAM', reading_text_size: 'LARGER' });
  });

  it('changes only the caller: nobody can set another person’s reading mode', async () => {
    const admin = await t.signedIn(DEMO.admin);
    const before = (await (await t.signedIn(DEMO.headHolyFamily)).ok<Reading>(READING)).me.readingPreferences;
    // Even a network admin changes only their own; the mutation has no way to name someone else.
    await admin.ok(SAVE, { input: { ...STANDARD, tint: 'BLUE' } });
    const head = await t.signedIn(DEMO.headHolyFamily);
    expect((await head.ok<Reading>(READING)).me.readingPreferences).toEqual(before);
    const naming = await admin.gql(
      `mutation($input: ReadingPreferencesInput!, $userId: ID!) {
        updateReadingPreferences(input: $input, userId: $userId) { user { email } }
      }`,
      { input: { ...STANDARD, tint: 'GREEN' }, userId: 'any' },
    );
    expect(naming.data).toBeNull();
    expect(naming.errors?.[0]?.message).toMatch(/Unknown argument "userId"/);
    expect((await head.ok<Reading>(READING)).me.readingPreferences).toEqual(before);
    const [adminRow] = await t.sql<{ reading_tint: string }>(
      'SELECT reading_tint FROM users WHERE email = $1',
      [DEMO.admin],
    );
    expect(adminRow.reading_tint).toBe('BLUE');
  });

  it('refuses people who are not signed in', async () => {
    await t.client().fails(SAVE, { input: CHOSEN }, 'UNAUTHENTICATED');
  });

  it('refuses values that are not on the list', async () => {
    const c = await t.signedIn(DEMO.sencoHolyCross);
    const r = await c.gql(SAVE, { input: { ...STANDARD, tint: 'PURPLE' } });
    expect(r.data).toBeNull();
    expect(r.errors?.[0]?.message).toMatch(/PURPLE/);
    expect((await c.ok<Reading>(READING)).me.readingPreferences).toEqual(STANDARD);
  });
});
