import { chooseOption, expectNoAxeViolations, newPage, signIn, waitForHeading } from './support';

/** Assisi Catholic Trust: Holy Family Primary and St Joseph's Primary. */
const SHARER = 'senco.holy-family@demo.lantern.test';
const SAME_TRUST = 'senco.st-josephs-act@demo.lantern.test';
/** Christus Catholic Trust. */
const OTHER_TRUST = 'senco.holy-cross@demo.lantern.test';

/**
 * Sharing a resource with one's trust, end to end. With forum.e2e.ts (post, reply, accept),
 * library.e2e.ts (start and export an EHCP draft) and sign-in.e2e.ts, this file is one of the core
 * journeys that also run against `npm start`'s embedded database (`nx run web-e2e:e2e-embedded`).
 */
describe('core journeys', () => {
  it('a SENCO shares a resource with their trust: a colleague in the trust finds it, the other trust does not', async () => {
    const title = `Visual timetable pack for transition (${Date.now()})`;
    const sharer = await newPage();
    await signIn(sharer, SHARER);
    await sharer.goto('/library');
    await waitForHeading(sharer, 'Library');
    await sharer.getByRole('link', { name: 'Share a resource' }).click();
    await waitForHeading(sharer, 'Share a resource');
    await chooseOption(sharer, 'Share with', 'Assisi Catholic Trust (the trust)');
    await sharer.getByLabel('Title', { exact: true }).fill(title);
    await sharer
      .getByLabel('Text (optional)', { exact: true })
      .fill('Print the symbols, laminate them and use them for the first two weeks in the new class.');
    await sharer.getByRole('button', { name: 'Publish', exact: true }).click();
    await waitForHeading(sharer, title);
    expect(new URL(sharer.url()).pathname).toMatch(/^\/library\/resources\/[0-9a-f-]{36}$/);
    await sharer.getByText('Shared with Assisi Catholic Trust').first().waitFor();
    await expectNoAxeViolations(sharer);

    const colleague = await newPage();
    await signIn(colleague, SAME_TRUST);
    await colleague.goto(`/library?q=${encodeURIComponent('visual timetable transition')}`);
    await colleague.getByRole('list', { name: 'Resources' }).getByRole('link', { name: title }).click();
    await waitForHeading(colleague, title);

    const stranger = await newPage();
    await signIn(stranger, OTHER_TRUST);
    await stranger.goto(new URL(sharer.url()).pathname);
    await stranger
      .getByText(/not found|cannot be shown|no longer/i)
      .first()
      .waitFor();
    await expect(stranger.getByRole('heading', { level: 1, name: title }).count()).resolves.toBe(0);
  });
});
