import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { chooseOption, expectNoAxeViolations, newPage, ROUTES, signIn, waitForHeading } from './support';
import { TEST_OUTPUT_DIR } from './support/chromium';

/** Assisi Catholic Trust. */
const ASKER = 'senco.holy-family@demo.lantern.test';
/** Christus Catholic Trust: the other trust. */
const ANSWERER = 'senco.holy-cross@demo.lantern.test';
const CATEGORY = 'EHCP requests: Essex';

const XSS_PAYLOADS = readFileSync(
  join(__dirname, '..', '..', 'api', 'test', 'fixtures', 'xss-payloads.txt'),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'));

/**
 * The suite shares one api, which allows 10 sign-ins a minute per address: the asker signs in once
 * and the second test reuses that session (a fresh browser context with the same cookies).
 */
let askerSession: BrowserContextOptions['storageState'] | undefined;

async function asAsker(): Promise<Page> {
  if (askerSession) return newPage({ storageState: askerSession });
  const page = await newPage();
  await signIn(page, ASKER);
  askerSession = await page.context().storageState();
  return page;
}

/** A GraphQL call with the page's own cookies (its browser context's session). */
async function gql<T>(page: Page, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await page.request.post(ROUTES.graphql, { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A marker that a reload would wipe: what appears must appear without one. */
async function markNotReloaded(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
}
async function notReloaded(page: Page): Promise<boolean | undefined> {
  return page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded);
}

describe('the forum', () => {
  it('a question from one trust is answered from the other, appears live, is accepted, and both see it', async () => {
    const title = `Essex panel evidence for two review cycles (${Date.now()})`;
    const answerText = 'We attach the provision map for each term with a one-page summary of what changed.';

    const asker = await asAsker();
    await asker.goto('/');
    await asker.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forum' }).click();
    await waitForHeading(asker, 'Forum');
    await asker.getByRole('region', { name: 'Categories' }).getByRole('link', { name: CATEGORY }).waitFor();
    await expectNoAxeViolations(asker);

    await asker.getByRole('link', { name: 'Start a thread' }).click();
    await waitForHeading(asker, 'Start a thread');
    await chooseOption(asker, 'Category', CATEGORY);
    await asker.getByRole('radio', { name: /^Question/ }).check();
    await asker.getByLabel('Title', { exact: true }).fill(title);
    await asker
      .getByLabel('Your post', { exact: true })
      .fill('The panel asked us for **two full cycles** of assess, plan, do, review. What do you send?');
    await asker.getByLabel('Tags (optional)', { exact: true }).fill('ehcp, essex');
    await asker.getByRole('region', { name: 'Preview' }).getByText('two full cycles').waitFor();
    await expectNoAxeViolations(asker);
    await asker.getByRole('button', { name: 'Post thread', exact: true }).click();
    await waitForHeading(asker, title);
    // Keyboard focus lands on the new thread's heading, not on <body>.
    await asker.waitForFunction(
      (t) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === t,
      title,
    );
    const threadPath = new URL(asker.url()).pathname;
    expect(threadPath).toMatch(/^\/forum\/threads\/[0-9a-f-]{36}$/);
    await asker.getByText('Not answered yet').waitFor();
    await markNotReloaded(asker);

    const answerer = await newPage();
    await signIn(answerer, ANSWERER);
    await answerer.goto(threadPath);
    await waitForHeading(answerer, title);
    await answerer.getByText('No replies yet').waitFor();
    await answerer.getByLabel('Your answer', { exact: true }).fill(answerText);
    await answerer.getByRole('button', { name: 'Post answer', exact: true }).click();
    await answerer.locator('article.reply', { hasText: answerText }).waitFor();
    // The new reply has the focus.
    await answerer.waitForFunction(
      (text) => !!document.activeElement?.closest('article.reply')?.textContent?.includes(text),
      answerText,
    );
    await expectNoAxeViolations(answerer);

    // The asker sees the answer arrive without reloading, and accepts it.
    const answer = asker.locator('article.reply', { hasText: answerText });
    await answer.waitFor();
    expect(await answer.getByRole('heading', { name: 'SENCO, Holy Cross Primary' }).count()).toBe(1);
    expect(await notReloaded(asker)).toBe(true);
    await answer.getByRole('button', { name: 'Accept this answer', exact: true }).click();
    const accepted = asker.getByRole('region', { name: 'Accepted answer' });
    await accepted.getByText(answerText).waitFor();
    await answer.getByText('Accepted answer').waitFor();
    await asker.getByText('Answered', { exact: true }).waitFor();
    await expectNoAxeViolations(asker);
    await asker.screenshot({ path: join(TEST_OUTPUT_DIR, 'forum-thread.png'), fullPage: true });

    // Bookmark it: the button says so, and it is on the person's Bookmarks page.
    const settings = asker.getByRole('group', { name: 'Your thread settings' });
    await settings.getByRole('button', { name: 'Bookmark', exact: true }).click();
    const bookmarked = settings.getByRole('button', { name: 'Bookmarked', exact: true });
    await bookmarked.waitFor();
    expect(await bookmarked.getAttribute('aria-pressed')).toBe('true');
    await asker.getByRole('button', { name: 'Account menu' }).click();
    await asker.getByRole('menuitem', { name: 'Bookmarks' }).click();
    // axe must not measure the menu while it fades out (its text is then too faint to pass).
    await asker.getByRole('menu').waitFor({ state: 'hidden' });
    await waitForHeading(asker, 'Your bookmarks');
    await asker.getByRole('list', { name: 'Bookmarks' }).getByRole('link', { name: title }).waitFor();
    await expectNoAxeViolations(asker);

    // The answerer sees it marked accepted live too, without reloading.
    await markNotReloaded(answerer);
    await answerer.getByRole('region', { name: 'Accepted answer' }).getByText(answerText).waitFor();
    await answerer.locator('article.reply', { hasText: answerText }).getByText('Accepted answer').waitFor();
    await answerer.getByText('Answered', { exact: true }).waitFor();
    expect(await notReloaded(answerer)).toBe(true);

    // The answerer is told their answer was accepted; the bell's panel leads to every notification.
    await answerer.getByRole('button', { name: /^Notifications/ }).click();
    await answerer
      .getByRole('dialog', { name: 'Notifications' })
      .getByRole('link', { name: 'See all notifications' })
      .click();
    await answerer.getByRole('dialog', { name: 'Notifications' }).waitFor({ state: 'hidden' });
    await waitForHeading(answerer, 'Notifications');
    await answerer
      .getByRole('list', { name: 'All your notifications' })
      .getByText(`accepted your reply as the answer to “${title.slice(0, 80)}”`, { exact: false })
      .first()
      .waitFor();
    await expectNoAxeViolations(answerer);

    // Search finds it, across trusts.
    await answerer.goto(`/forum/search?q=${encodeURIComponent('provision map summary')}`);
    await waitForHeading(answerer, 'Search the forum');
    const replyHit = answerer
      .getByRole('list', { name: 'Search results' })
      .locator('a.title[href*="?reply="]', { hasText: title })
      .first();
    await replyHit.waitFor();
    await expectNoAxeViolations(answerer);
    // A hit in a reply opens the thread at that reply, highlighted and focused.
    await replyHit.click();
    await waitForHeading(answerer, title);
    const target = answerer.locator('article.reply.is-target', { hasText: answerText });
    await target.waitFor();
    expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('a network admin creates a category and moves it up with the keyboard', async () => {
    const name = `Speech and language (${Date.now()})`;
    const admin = await newPage();
    await signIn(admin, 'network.admin@demo.lantern.test');
    await admin.goto('/forum');
    await waitForHeading(admin, 'Forum');
    await admin.getByRole('link', { name: 'Manage categories' }).click();
    await waitForHeading(admin, 'Forum categories');
    await admin.getByRole('button', { name: 'New category' }).click();
    await admin.getByLabel('Name', { exact: true }).fill(name);
    await admin
      .getByLabel('Description', { exact: true })
      .fill('Referrals, waiting lists and therapy in school.');
    await admin.getByRole('radio', { name: 'One trust only' }).check();
    await chooseOption(admin, 'Trust', 'Christus Catholic Trust');
    await expectNoAxeViolations(admin);
    await admin.getByRole('button', { name: 'Create category', exact: true }).click();
    const list = admin.getByRole('list', { name: 'Categories in order' });
    await list.getByRole('link', { name }).waitFor();
    const names = async () => (await list.locator('a.name').allTextContents()).map((n) => n.trim());
    const count = (await names()).length;
    expect((await names())[count - 1]).toBe(name);

    // Keyboard only: focus "Move … up" and press Enter twice; focus stays on the button.
    const up = admin.getByRole('button', { name: `Move ${name} up` });
    const announced = (text: string) =>
      admin.locator('.cdk-live-announcer-element', { hasText: text }).waitFor({ state: 'attached' });
    await up.focus();
    await admin.keyboard.press('Enter');
    await announced(`moved to position ${count - 1} of ${count}`);
    await admin.keyboard.press('Enter');
    await announced(`moved to position ${count - 2} of ${count}`);
    expect((await names()).indexOf(name)).toBe(count - 3);
    expect(await up.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(admin);

    // The order is saved: a fresh load shows it.
    await admin.reload();
    await waitForHeading(admin, 'Forum categories');
    await list.getByRole('link', { name }).waitFor();
    expect((await names()).indexOf(name)).toBe(count - 3);
  });

  it('renders every XSS payload inert, in posts and in the preview', async () => {
    const page = await asAsker();
    const { forumCategories } = await gql<{ forumCategories: Array<{ id: string; name: string }> }>(
      page,
      '{ forumCategories { id name } }',
    );
    const categoryId = forumCategories.find((c) => c.name === CATEGORY)!.id;
    const override = { reason: 'Browser test of the XSS corpus: no pupil data.' };
    const { createForumThread } = await gql<{ createForumThread: { id: string } }>(
      page,
      'mutation($i: CreateThreadInput!) { createForumThread(input: $i) { id } }',
      {
        i: {
          categoryId,
          kind: 'DISCUSSION',
          title: `XSS corpus ${Date.now()}`,
          body: XSS_PAYLOADS.join('\n\n'),
          personalDataOverride: override,
        },
      },
    );
    const threadId = createForumThread.id;
    const { replyInForum: top } = await gql<{ replyInForum: { id: string } }>(
      page,
      'mutation($i: ReplyInput!) { replyInForum(input: $i) { id } }',
      { i: { threadId, body: 'Each reply below is one payload.' } },
    );
    // One reply per payload, under one top-level reply (all on the first page), ten per request.
    for (let start = 0; start < XSS_PAYLOADS.length; start += 10) {
      const batch = XSS_PAYLOADS.slice(start, start + 10);
      const vars = batch.map((_, i) => `$i${i}: ReplyInput!`).join(', ');
      const fields = batch.map((_, i) => `r${i}: replyInForum(input: $i${i}) { id }`).join(' ');
      const variables = Object.fromEntries(
        batch.map((body, i) => [
          `i${i}`,
          { threadId, parentId: top.id, body, personalDataOverride: override },
        ]),
      );
      await gql(page, `mutation(${vars}) { ${fields} }`, variables);
    }

    await page.goto(`/forum/threads/${threadId}`);
    await page
      .locator('#children-' + top.id + ' article.reply')
      .nth(XSS_PAYLOADS.length - 1)
      .waitFor();
    expect(await page.locator(`#children-${top.id} article.reply`).count()).toBe(XSS_PAYLOADS.length);

    // And in the live preview, as someone types them.
    await page.getByLabel('Your reply', { exact: true }).fill(XSS_PAYLOADS.join('\n\n'));
    await page
      .getByRole('region', { name: 'Preview' })
      .getByText('raw link', { exact: false })
      .first()
      .waitFor();
    // Give anything that could run (onerror, onload, autofocus) a moment.
    await page.waitForTimeout(300);

    const found = await page.evaluate(() => {
      const posts = Array.from(document.querySelectorAll('.lan-post-body'));
      const inside = (selector: string) => posts.flatMap((p) => Array.from(p.querySelectorAll(selector)));
      return {
        posts: posts.length,
        xss: (window as unknown as { __xss?: unknown }).__xss,
        scripts: inside('script').length,
        javascriptLinks: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]').length,
        handlers: inside('*').filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name)))
          .length,
        dangerous: inside('iframe, object, embed, form, input, style, meta, base, svg, math, details, body')
          .length,
      };
    });
    expect(found.posts).toBeGreaterThan(XSS_PAYLOADS.length);
    expect(found).toEqual({
      posts: found.posts,
      xss: undefined,
      scripts: 0,
      javascriptLinks: 0,
      handlers: 0,
      dangerous: 0,
    });
  });
});
