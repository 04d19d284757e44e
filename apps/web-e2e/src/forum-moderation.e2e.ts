import type { Page } from 'playwright-core';
import { DEMO, ROUTES, expectNoAxeViolations, newPage, signIn, waitForHeading } from './support';

/** Christus Catholic Trust: a reader (and writer) of the network-wide category. */
const READER = 'senco.holy-cross@demo.lantern.test';
const CATEGORY = 'EHCP requests: Essex';

/** A GraphQL call with the page's own cookies (its browser context's session). */
async function gql<T>(page: Page, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await page.request.post(ROUTES.graphql, { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The text the page last gave screen readers (Angular CDK's live announcer). */
function announced(page: Page, text: string): Promise<void> {
  return page.locator('.cdk-live-announcer-element', { hasText: text }).waitFor({ state: 'attached' });
}

describe('forum moderation', () => {
  it('a moderator hides a reply and locks the thread while a reader has it open: the reader sees both live', async () => {
    const title = `Annual review paperwork for Essex (${Date.now()})`;
    const replyText = 'We send the one-page summary two weeks before the meeting.';

    const reader = await newPage();
    await signIn(reader, READER);
    const { forumCategories } = await gql<{ forumCategories: Array<{ id: string; name: string }> }>(
      reader,
      '{ forumCategories { id name } }',
    );
    const categoryId = forumCategories.find((c) => c.name === CATEGORY)?.id;
    expect(categoryId).toBeTruthy();
    const { createForumThread } = await gql<{ createForumThread: { id: string } }>(
      reader,
      'mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id } }',
      { i: { categoryId, kind: 'DISCUSSION', title, body: 'What do you send ahead of the review?' } },
    );
    const threadPath = `/forum/threads/${createForumThread.id}`;
    await gql(reader, 'mutation($i: ReplyInput!) { replyInForum(input: $i) { id } }', {
      i: { threadId: createForumThread.id, body: replyText },
    });

    await reader.goto(threadPath);
    await waitForHeading(reader, title);
    const readersReply = reader.locator('article.reply', { hasText: replyText });
    await readersReply.waitFor();
    await reader.getByLabel('Your reply', { exact: true }).waitFor();
    // A marker that a reload would wipe: what follows must appear without one.
    await reader.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));

    const moderator = await newPage();
    await signIn(moderator, DEMO.networkAdmin);
    await moderator.goto(threadPath);
    await waitForHeading(moderator, title);

    // Hide the reply: the moderation menu of the reply, then the confirmation.
    await moderator
      .locator('article.reply', { hasText: replyText })
      .getByRole('button', { name: /^Moderate reply by / })
      .click();
    await moderator.getByRole('menuitem', { name: 'Hide', exact: true }).click();
    await moderator.getByRole('alertdialog').getByRole('button', { name: 'Hide reply', exact: true }).click();
    await announced(moderator, 'Hidden from everyone but moderators.');

    // The reader no longer sees it, and is told politely.
    await readersReply.waitFor({ state: 'detached' });
    await announced(reader, 'A moderator hid a reply.');

    // Lock the thread from the thread's menu.
    await moderator.getByRole('button', { name: 'Moderate thread', exact: true }).click();
    await moderator.getByRole('menuitem', { name: 'Lock', exact: true }).click();
    await moderator
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Lock thread', exact: true })
      .click();
    await moderator.getByText('Locked', { exact: true }).waitFor();

    // The reader's reply box closes live.
    await reader.getByText('This thread is locked: no new replies.').waitFor();
    await announced(reader, 'A moderator locked this thread: no new replies.');
    expect(await reader.getByLabel('Your reply', { exact: true }).count()).toBe(0);
    expect(
      await reader.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded),
    ).toBe(true);
    await expectNoAxeViolations(reader);
  });
});
