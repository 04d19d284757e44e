import { LiveAnnouncer } from '@angular/cdk/a11y';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import {
  ForumCategoriesDocument,
  ForumModerationQueueDocument,
  ForumThreadsDocument,
  LoginDocument,
  ResolveForumReportDocument,
} from '@lantern/web-graphql';
import { Role } from '@lantern/shared-domain';
import { FakeGraphqlClient, provideFakeClient, viewer } from '../../../testing/fake-client';
import { Session } from '../../core/session';
import { settle } from '../../../testing/fake-socket';
import { CATEGORY } from '../../../testing/forum-data';
import { ForumHomePage } from './forum-home.page';
import { type ForumReport, ForumModerationPage } from './moderation.page';

function report(id: string, extra: Partial<ForumReport> = {}): ForumReport {
  return {
    id,
    threadId: 'th-1',
    replyId: null,
    threadTitle: 'How are you evidencing the graduated approach?',
    categoryName: 'EHCP requests: Essex',
    excerpt: `Excerpt ${id}`,
    reason: `Reason ${id}`,
    createdAt: new Date(Date.now() - 60_000).toISOString(),
    ...extra,
  };
}

async function mount<T>(component: Type<T>, client: FakeGraphqlClient) {
  const announce = vi.fn().mockResolvedValue(undefined);
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      { provide: LiveAnnouncer, useValue: { announce } },
      { provide: MatSnackBar, useValue: { open: vi.fn() } },
    ],
  });
  const fixture = TestBed.createComponent(component);
  const el = fixture.nativeElement as HTMLElement;
  const stable = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    await settle();
    fixture.detectChanges();
  };
  await stable();
  return { fixture, el, stable, announce };
}

describe('Forum moderation page', () => {
  it('lists the open reports with a link to each post and resolves one with a note', async () => {
    let queue = [report('r1'), report('r2', { replyId: 'rep-9' })];
    const client = new FakeGraphqlClient()
      .on(ForumModerationQueueDocument, () => ({ forumModerationQueue: queue }))
      .on(ResolveForumReportDocument, (vars) => {
        queue = queue.filter((r) => r.id !== vars['reportId']);
        return { resolveForumReport: true };
      });
    const { el, stable, announce } = await mount(ForumModerationPage, client);
    await vi.waitFor(async () => {
      await stable();
      expect(el.querySelectorAll('li.report')).toHaveLength(2);
    });
    expect(el.querySelector('h1')?.textContent).toBe('Moderation');
    const links = Array.from(el.querySelectorAll<HTMLAnchorElement>('li.report h2 a'));
    expect(links[0].getAttribute('href')).toBe('/forum/threads/th-1');
    expect(links[1].getAttribute('href')).toBe('/forum/threads/th-1?reply=rep-9');
    expect(links[1].textContent).toContain('Reply in “How are you evidencing');
    expect(el.querySelector('#report-r2')?.textContent).toContain('Reason r2');

    const item = el.querySelector('#report-r2') as HTMLElement;
    const input = item.querySelector('input') as HTMLInputElement;
    input.value = 'Hid the reply, spoke to the author';
    (item.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await vi.waitFor(async () => {
      await stable();
      expect(el.querySelectorAll('li.report')).toHaveLength(1);
    });
    expect(client.callsOf(ResolveForumReportDocument)).toEqual([
      { reportId: 'r2', resolution: 'Hid the reply, spoke to the author' },
    ]);
    expect(announce).toHaveBeenCalledWith('Report resolved.');
  });

  it('says so when nothing is waiting', async () => {
    const client = new FakeGraphqlClient().on(ForumModerationQueueDocument, { forumModerationQueue: [] });
    const { el, stable } = await mount(ForumModerationPage, client);
    await vi.waitFor(async () => {
      await stable();
      expect(el.textContent).toContain('No open reports');
    });
  });
});

describe('Forum home: the Moderation link', () => {
  const home = (canModerate: boolean) =>
    new FakeGraphqlClient()
      .on(ForumCategoriesDocument, {
        forumCategories: [CATEGORY, { ...CATEGORY, id: 'cat-2', name: 'Other', canModerate }],
      })
      .on(ForumThreadsDocument, {
        forumThreads: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 },
      });
  const moderationLink = (el: HTMLElement) =>
    Array.from(el.querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Moderation');

  it('shows it to people who moderate any category', async () => {
    const { el, stable } = await mount(ForumHomePage, home(true));
    await vi.waitFor(async () => {
      await stable();
      expect(moderationLink(el)?.getAttribute('href')).toBe('/forum/moderation');
    });
  });

  it('hides it from everyone else', async () => {
    const { el, stable } = await mount(ForumHomePage, home(false));
    await vi.waitFor(async () => {
      await stable();
      expect(el.textContent).toContain('Other');
    });
    expect(moderationLink(el)).toBeUndefined();
  });
});

describe('Forum home: the "Manage categories" link', () => {
  const home = (permissions: string[]) =>
    new FakeGraphqlClient()
      .on(LoginDocument, { login: viewer(permissions, [{ role: Role.NetworkAdmin }]) })
      .on(ForumCategoriesDocument, { forumCategories: [CATEGORY] })
      .on(ForumThreadsDocument, {
        forumThreads: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 },
      });
  const manageLink = (el: HTMLElement) =>
    Array.from(el.querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Manage categories');

  async function mountAs(permissions: string[]) {
    const mounted = await mount(ForumHomePage, home(permissions));
    await TestBed.inject(Session).signIn('a@b.test', 'pw');
    await mounted.stable();
    return mounted;
  }

  it('shows it to network admins (forum.admin)', async () => {
    const { el, stable } = await mountAs(['forum.use', 'forum.admin']);
    await vi.waitFor(async () => {
      await stable();
      expect(manageLink(el)?.getAttribute('href')).toBe('/forum/admin/categories');
    });
  });

  it('hides it from everyone else', async () => {
    const { el, stable } = await mountAs(['forum.use']);
    await vi.waitFor(async () => {
      await stable();
      expect(el.textContent).toContain(CATEGORY.name);
    });
    expect(manageLink(el)).toBeUndefined();
  });
});
