import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NotificationKind } from '@lantern/shared-domain';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  type NotificationPartsFragment,
  NotificationsDocument,
  UnreadNotificationCountDocument,
} from '@lantern/web-graphql';
import { FakeGraphqlClient, provideFakeClient } from '../../../testing/fake-client';
import { settle } from '../../../testing/fake-socket';
import { NotificationsPage } from './notifications.page';

const note = (id: string, extra: Partial<NotificationPartsFragment> = {}): NotificationPartsFragment => ({
  id,
  kind: NotificationKind.ForumAnswerAccepted,
  title: `Title ${id}`,
  body: `Body ${id}`,
  link: `/forum/threads/t-${id}`,
  createdAt: new Date(Date.now() - 60_000).toISOString(),
  readAt: null,
  ...extra,
});

async function render(pages: NotificationPartsFragment[][]) {
  const client = new FakeGraphqlClient()
    .on(UnreadNotificationCountDocument, { unreadNotificationCount: 1 })
    .on(NotificationsDocument, (vars) => {
      const index = vars['after'] ? Number(String(vars['after']).slice(1)) + 1 : 0;
      return {
        notifications: {
          nodes: pages[index],
          pageInfo: { hasNextPage: index < pages.length - 1, endCursor: `c${index}` },
          totalCount: pages.flat().length,
        },
      };
    })
    .on(MarkNotificationReadDocument, (vars) => ({
      markNotificationRead: { ...note(String(vars['id'])), readAt: new Date().toISOString() },
    }))
    .on(MarkAllNotificationsReadDocument, { markAllNotificationsRead: 1 });
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      { provide: LiveAnnouncer, useValue: { announce: vi.fn().mockResolvedValue(undefined) } },
    ],
  });
  const fixture = TestBed.createComponent(NotificationsPage);
  const el = fixture.nativeElement as HTMLElement;
  const stable = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    await settle();
    fixture.detectChanges();
  };
  await stable();
  await stable();
  const button = (text: string) =>
    Array.from(el.querySelectorAll('button')).find(
      (b) => b.textContent?.replace(/\s+/g, ' ').trim() === text,
    );
  return { el, client, stable, button };
}

describe('Notifications page', () => {
  it('lists every notification, newest first, page by page, with links and which are unread', async () => {
    const { el, stable, button, client } = await render([
      [note('n1'), note('n2', { readAt: new Date().toISOString() })],
      [note('n3', { link: null })],
    ]);
    expect(el.querySelector('h1')?.textContent).toBe('Notifications');
    const items = () => Array.from(el.querySelectorAll('li.item'));
    expect(items().map((i) => i.querySelector('.title')?.textContent)).toEqual(['Title n1', 'Title n2']);
    expect(items()[0].querySelector('a')?.getAttribute('href')).toBe('/forum/threads/t-n1');
    expect(items()[0].textContent).toContain('Unread');
    expect(items()[1].textContent).not.toContain('Unread');
    expect(el.textContent).toContain('3 notifications');
    button('Load more')!.click();
    await vi.waitFor(async () => {
      await stable();
      expect(items()).toHaveLength(3);
    });
    expect(client.callsOf(NotificationsDocument).map((v) => v['after'] ?? null)).toEqual([null, 'c0']);
  });

  it('marks one read, and all read', async () => {
    const { el, stable, button, client } = await render([[note('n1'), note('n2')]]);
    button('Mark as read: Title n1')!.click();
    await vi.waitFor(async () => {
      await stable();
      expect(el.querySelectorAll('li.item.unread')).toHaveLength(1);
    });
    expect(client.callsOf(MarkNotificationReadDocument)).toEqual([{ id: 'n1' }]);
    button('Mark all as read')!.click();
    await vi.waitFor(async () => {
      await stable();
      expect(el.querySelectorAll('li.item.unread')).toHaveLength(0);
    });
    expect(client.callsOf(MarkAllNotificationsReadDocument)).toHaveLength(1);
    expect(button('Mark all as read')?.disabled).toBe(true);
  });

  it('says when there are none', async () => {
    const { el } = await render([[]]);
    expect(el.textContent).toContain('No notifications yet');
    expect(el.querySelector('li.item')).toBeNull();
  });
});
