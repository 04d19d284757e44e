import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import { NotificationKind, Role } from '@lantern/shared-domain';
import {
  LoginDocument,
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  type NotificationPartsFragment,
  NotificationsDocument,
  UnreadNotificationCountDocument,
} from '@lantern/web-graphql';
import { FakeGraphqlClient, provideFakeClient, viewer } from '../../../testing/fake-client';
import { provideFakeSockets, settle, startRealtime } from '../../../testing/fake-socket';
import { Session } from '../../core/session';
import { NotificationBell, bellLabel } from './notification-bell';

const STREAM = 'notifications:u-viewer';
const FIVE_MINUTES_AGO = () => new Date(Date.now() - 5 * 60_000).toISOString();

function note(id: string, extra: Partial<NotificationPartsFragment> = {}): NotificationPartsFragment {
  return {
    id,
    kind: NotificationKind.RoleGranted,
    title: `Title ${id}`,
    body: `Body ${id}`,
    link: null,
    createdAt: FIVE_MINUTES_AGO(),
    readAt: null,
    ...extra,
  };
}

async function render(options: { unread?: number; pages?: NotificationPartsFragment[][] } = {}) {
  let unread = options.unread ?? 2;
  const pages = options.pages ?? [
    [note('n1'), note('n2', { link: '/admin/people' }), note('n3', { readAt: FIVE_MINUTES_AGO() })],
  ];
  const sockets = provideFakeSockets();
  const client = new FakeGraphqlClient()
    .on(LoginDocument, { login: viewer([], [{ role: Role.Senco, schoolId: 's-hf' }]) })
    .on(UnreadNotificationCountDocument, () => ({ unreadNotificationCount: unread }))
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
    .on(MarkAllNotificationsReadDocument, () => {
      const marked = unread;
      unread = 0;
      return { markAllNotificationsRead: marked };
    })
    .on(MarkNotificationReadDocument, (vars) => {
      unread = Math.max(0, unread - 1);
      const found = pages.flat().find((n) => n.id === vars['id']) ?? note(String(vars['id']));
      return { markNotificationRead: { ...found, readAt: new Date().toISOString() } };
    });
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      ...sockets.providers,
      { provide: MatSnackBar, useValue: { open: vi.fn() } },
    ],
  });
  await TestBed.inject(Session).signIn('a@b.test', 'pw');
  await startRealtime();
  const fixture = TestBed.createComponent(NotificationBell);
  fixture.detectChanges();
  await fixture.whenStable();
  await settle();
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const bell = () => el.querySelector('button') as HTMLButtonElement;
  const badge = () => el.querySelector('.badge')?.textContent?.trim() ?? null;
  const panel = () => document.querySelector<HTMLElement>('mat-dialog-container');
  const items = () => Array.from(panel()?.querySelectorAll<HTMLElement>('li.item') ?? []);
  const stable = async () => {
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const openPanel = async () => {
    bell().click();
    await vi.waitFor(() => expect(panel()?.querySelector('li.item, lan-empty-state')).toBeTruthy());
    await stable();
  };
  const button = (text: string) =>
    Array.from(panel()?.querySelectorAll<HTMLButtonElement>('button') ?? []).find(
      (b) => b.textContent?.trim() === text,
    );
  return { fixture, client, socket: sockets.last(), bell, badge, panel, items, openPanel, button, stable };
}

describe('Notification bell', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  it('names the count for screen readers and shows it as a badge', () => {
    expect(bellLabel(null)).toBe('Notifications');
    expect(bellLabel(0)).toBe('Notifications');
    expect(bellLabel(1)).toBe('Notifications, 1 unread');
    expect(bellLabel(12)).toBe('Notifications, 12 unread');
  });

  it('starts with the unread count from GraphQL, then follows notification:count live', async () => {
    const { bell, badge, socket, stable } = await render({ unread: 3 });
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 3 unread');
    expect(badge()).toBe('3');

    socket.accept();
    socket.fire('notification:count', { unread: 4 });
    await stable();
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 4 unread');
    expect(badge()).toBe('4');

    socket.fire('notification:count', { unread: 120 });
    await stable();
    expect(badge()).toBe('99+');

    socket.fire('notification:count', { unread: 0 });
    await stable();
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
    expect(badge()).toBeNull();
  });

  it('follows the viewer’s own notifications stream', async () => {
    const { socket } = await render();
    socket.accept();
    expect(socket.emitsOf('stream:subscribe').map((e) => e.payload)).toEqual([{ stream: STREAM }]);
  });

  it('opens a panel headed Notifications, listing title, body, time and which are unread', async () => {
    const { openPanel, panel, items, bell } = await render();
    await openPanel();
    expect(panel()?.getAttribute('role')).toBe('dialog');
    expect(panel()?.querySelector('h2')?.textContent?.trim()).toBe('Notifications');
    expect(bell().getAttribute('aria-expanded')).toBe('true');
    const [first, second, third] = items();
    expect(items()).toHaveLength(3);
    expect(first.textContent).toContain('Title n1');
    expect(first.textContent).toContain('Body n1');
    expect(first.textContent).toContain('5 minutes ago');
    // Unread is said in words, not only by colour.
    expect(first.querySelector('.tag')?.textContent?.trim()).toBe('Unread');
    expect(third.querySelector('.tag')).toBeNull();
    expect(second.querySelector('a')?.getAttribute('href')).toBe('/admin/people');
  });

  it('marks all as read', async () => {
    const { openPanel, button, client, items, bell, stable } = await render();
    await openPanel();
    const markAll = button('Mark all as read');
    expect(markAll?.disabled).toBe(false);
    markAll?.click();
    await stable();
    expect(client.callsOf(MarkAllNotificationsReadDocument)).toHaveLength(1);
    expect(items().some((i) => i.querySelector('.tag'))).toBe(false);
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
    expect(button('Mark all as read')?.disabled).toBe(true);
  });

  it('marks one read when it is clicked, and takes the count from the server', async () => {
    const { openPanel, client, items, bell, stable } = await render({ unread: 2 });
    await openPanel();
    (items()[0].querySelector('button.target') as HTMLButtonElement).click();
    await stable();
    expect(client.callsOf(MarkNotificationReadDocument)).toEqual([{ id: 'n1' }]);
    expect(items()[0].querySelector('.tag')).toBeNull();
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 1 unread');
  });

  it('follows a link inside Lantern, marking it read and closing the panel', async () => {
    const { openPanel, client, items, panel, stable } = await render();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await openPanel();
    (items()[1].querySelector('a') as HTMLAnchorElement).click();
    await stable();
    expect(client.callsOf(MarkNotificationReadDocument)).toEqual([{ id: 'n2' }]);
    expect(navigate).toHaveBeenCalledWith('/admin/people');
    await vi.waitFor(() => expect(panel()).toBeNull());
  });

  it('links to the page with every notification, closing the panel', async () => {
    const { openPanel, panel } = await render();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await openPanel();
    const link = Array.from(panel()!.querySelectorAll('a')).find(
      (a) => a.textContent?.trim() === 'See all notifications',
    )!;
    expect(link.getAttribute('href')).toBe('/notifications');
    link.click();
    expect(navigate).toHaveBeenCalledWith('/notifications');
    await vi.waitFor(() => expect(panel()).toBeNull());
  });

  it('puts new notifications on top as they arrive', async () => {
    const { openPanel, socket, items, stable } = await render();
    socket.accept();
    socket.answer('stream:subscribe', { ok: true, items: [], lastSeq: 7, more: false });
    await openPanel();
    socket.push(STREAM, 8, {
      id: 'n9',
      kind: NotificationKind.InvitationAccepted,
      title: 'Sam accepted your invitation',
      body: null,
      link: null,
      createdAt: new Date().toISOString(),
    });
    await stable();
    expect(items()).toHaveLength(4);
    expect(items()[0].textContent).toContain('Sam accepted your invitation');
    expect(items()[0].textContent).toContain('just now');
    expect(items()[0].querySelector('.tag')?.textContent?.trim()).toBe('Unread');
    // The same item again (say, after a reconnect) is not shown twice.
    socket.push(STREAM, 8, { id: 'n9', title: 'Sam accepted your invitation' });
    await stable();
    expect(items()).toHaveLength(4);
  });

  it('loads more', async () => {
    const { openPanel, button, items, stable } = await render({
      pages: [[note('a1'), note('a2')], [note('b1')]],
    });
    await openPanel();
    expect(items()).toHaveLength(2);
    button('Load more')?.click();
    await stable();
    expect(items().map((i) => i.querySelector('.title')?.textContent)).toEqual([
      'Title a1',
      'Title a2',
      'Title b1',
    ]);
    expect(button('Load more')).toBeUndefined();
  });

  it('says when there is nothing', async () => {
    const { openPanel, panel, button } = await render({ unread: 0, pages: [[]] });
    await openPanel();
    expect(panel()?.textContent).toContain("You're all caught up");
    expect(button('Mark all as read')?.disabled).toBe(true);
  });
});
