import { Socket } from 'socket.io-client';
import { REALTIME_LIMITS, SocketEvent, StreamItem, notificationsStream } from '@lantern/shared-domain';
import { DigestService } from '../src/modules/notifications/digest.service';
import { ids } from './support/fixtures';
import { connected, disconnected, next, openSocket, request } from './support/sockets';
import { registerTestStreams } from './support/test-streams';
import { DEMO, GqlClient, TestApp, startTestApp } from './support/test-app';

describe('the real-time layer', () => {
  let t: TestApp;
  let id: Awaited<ReturnType<typeof ids>>;
  const open: Socket[] = [];
  const sock = async (c: GqlClient | null, origin?: string) => {
    const s = openSocket(t.url, { cookie: c?.cookie, origin });
    open.push(s);
    return connected(s);
  };

  beforeAll(async () => {
    t = await startTestApp({}, { beforeListen: registerTestStreams });
    id = await ids(t);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.disconnect();
  });
  afterAll(() => t.close());

  describe('refusals', () => {
    it('refuses a handshake without a session cookie', async () => {
      await expect(sock(null)).rejects.toThrow('UNAUTHENTICATED');
    });

    it('refuses a revoked session', async () => {
      const c = await t.signedIn(DEMO.sencoHolyFamily);
      const cookie = c.cookie;
      await c.ok('mutation { logout }');
      const stale = new GqlClient(t.url);
      stale.cookie = cookie;
      await expect(sock(stale)).rejects.toThrow('UNAUTHENTICATED');
    });

    it('refuses a foreign origin', async () => {
      const c = await t.signedIn(DEMO.sencoHolyFamily);
      await expect(sock(c, 'https://evil.example')).rejects.toThrow();
    });

    it('disconnects a socket that sends an oversized message, and stays healthy', async () => {
      const c = await t.signedIn(DEMO.sencoHolyFamily);
      const s = await sock(c);
      const gone = disconnected(s, 5_000);
      s.emit(SocketEvent.StreamSend, {
        stream: `trust-room:${id.trust('ACT')}`,
        clientId: 'big',
        body: 'x'.repeat(REALTIME_LIMITS.maxPayloadBytes + 10),
      });
      expect(await gone).not.toBeNull();
      expect((await fetch(`${t.url}/health`)).status).toBe(200);
      expect(await t.sql("SELECT 1 FROM stream_items WHERE client_id = 'big'")).toHaveLength(0);
    });

    it('tells an abusive client why and disconnects it', async () => {
      const c = await t.signedIn(DEMO.sencoHolyFamily);
      const s = await sock(c);
      const problem = next<{ code: string; message: string }>(s, SocketEvent.Problem, 5_000);
      const gone = disconnected(s, 5_000);
      for (let i = 0; i < REALTIME_LIMITS.eventsPer10s + 5; i++)
        s.emit(SocketEvent.PresenceSet, { status: 'online' });
      expect(await problem).toMatchObject({ code: 'RATE_LIMITED' });
      expect(await gone).not.toBeNull();
    });

    it('refuses to join a stream the policy does not allow', async () => {
      const c = await t.signedIn(DEMO.sencoHolyFamily);
      const s = await sock(c);
      const other = await request(s, SocketEvent.StreamSubscribe, {
        stream: `trust-room:${id.trust('CCT')}`,
      });
      expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      const someoneElses = await request(s, SocketEvent.StreamSubscribe, {
        stream: notificationsStream(id.user(DEMO.admin)),
      });
      expect(someoneElses).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      const write = await request(s, SocketEvent.StreamSend, {
        stream: `trust-room:${id.trust('CCT')}`,
        clientId: 'x1',
        body: 'hi',
      });
      expect(write).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      const unknown = await request(s, SocketEvent.StreamSubscribe, { stream: 'nonsense:1' });
      expect(unknown).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
      expect(await t.sql("SELECT 1 FROM stream_items WHERE client_id = 'x1'")).toHaveLength(0);
    });

    it('answers a malformed payload for any event with BAD_USER_INPUT, and the socket keeps working', async () => {
      const c = await t.signedIn(DEMO.sencoHolyFamily);
      const s = await sock(c);
      const room = `trust-room:${id.trust('ACT')}`;
      const malformed: Array<[string, unknown]> = [
        [SocketEvent.StreamSubscribe, null],
        [SocketEvent.StreamSubscribe, 'trust-room:x'],
        [SocketEvent.StreamSubscribe, { stream: 42 }],
        [SocketEvent.StreamSubscribe, { stream: room, after: -1 }],
        [SocketEvent.StreamSubscribe, { stream: room, after: 'five' }],
        [SocketEvent.StreamSubscribe, { stream: 'no-colon' }],
        [SocketEvent.StreamUnsubscribe, [room]],
        [SocketEvent.StreamSync, { stream: room }],
        [SocketEvent.StreamSync, { stream: room, after: 1.5 }],
        [SocketEvent.StreamSend, { stream: room, clientId: 'not an id!', body: 'hi' }],
        [SocketEvent.StreamSend, { stream: room, body: 'no id' }],
        [SocketEvent.PresenceSet, { status: 'busy' }],
        [SocketEvent.PresenceSet, undefined],
        [SocketEvent.PresenceQuery, { userIds: 'everyone' }],
        [SocketEvent.PresenceQuery, { userIds: ['not-a-uuid'] }],
      ];
      for (const [event, payload] of malformed) {
        const ack = await request<{ ok: boolean; code?: string; message?: string }>(s, event, payload);
        expect({ event, payload, ack }).toMatchObject({ ack: { ok: false, code: 'BAD_USER_INPUT' } });
        expect(ack.message).toMatch(/\w/);
      }
      expect(s.connected).toBe(true);
      expect(await request(s, SocketEvent.StreamSubscribe, { stream: room })).toMatchObject({ ok: true });
      expect(await t.sql("SELECT 1 FROM stream_items WHERE client_id = 'not an id!'")).toHaveLength(0);
    });

    it('refuses a forum thread stream the policy does not allow (a missing thread too), FORBIDDEN', async () => {
      const s = await sock(await t.signedIn(DEMO.sencoHolyFamily));
      const missing = await request(s, SocketEvent.StreamSubscribe, {
        stream: 'forum-thread:00000000-0000-4000-8000-000000000000',
      });
      expect(missing).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      const sync = await request(s, SocketEvent.StreamSync, {
        stream: notificationsStream(id.user(DEMO.admin)),
        after: 0,
      });
      expect(sync).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    });
  });

  describe('streams', () => {
    it('stores an item once per client id, acks after commit with its sequence, and fans out to members', async () => {
      const room = `trust-room:${id.trust('ACT')}`;
      const a = await sock(await t.signedIn(DEMO.sencoHolyFamily));
      const b = await sock(await t.signedIn(DEMO.headHolyFamily));
      const outsider = await sock(await t.signedIn(DEMO.sencoHolyCross));
      for (const s of [a, b])
        expect(await request(s, SocketEvent.StreamSubscribe, { stream: room })).toMatchObject({ ok: true });
      const seenByB = next<StreamItem>(b, SocketEvent.StreamItem);
      const seenByOutsider = next<StreamItem>(outsider, SocketEvent.StreamItem, 500);
      const first = await request<{ item: StreamItem; created: boolean }>(a, SocketEvent.StreamSend, {
        stream: room,
        clientId: 'c-1',
        body: { text: 'hello' },
      });
      expect(first).toMatchObject({ ok: true, created: true, item: { seq: 1, body: { text: 'hello' } } });
      expect(await seenByB).toMatchObject({ seq: 1, clientId: 'c-1' });
      expect(await seenByOutsider).toBeNull();
      // A retry with the same client id is stored once and answered with the same sequence.
      const retry = await request<{ item: StreamItem; created: boolean }>(a, SocketEvent.StreamSend, {
        stream: room,
        clientId: 'c-1',
        body: { text: 'hello' },
      });
      expect(retry).toMatchObject({ ok: true, created: false, item: { seq: 1 } });
      expect(await t.sql('SELECT seq FROM stream_items WHERE stream_key = $1', [room])).toHaveLength(1);
    });

    it('catches a reconnecting client up from its last sequence', async () => {
      const room = `trust-room:${id.trust('CCT')}`;
      const writer = await sock(await t.signedIn(DEMO.sencoHolyCross));
      for (let i = 1; i <= 5; i++)
        await request(writer, SocketEvent.StreamSend, { stream: room, clientId: `k-${i}`, body: i });
      const reader = await sock(await t.signedIn(DEMO.leaderChristus));
      const r = await request<{ items: StreamItem[]; lastSeq: number; more: boolean }>(
        reader,
        SocketEvent.StreamSubscribe,
        { stream: room, after: 2 },
      );
      expect(r).toMatchObject({ ok: true, lastSeq: 5, more: false });
      if (r.ok) expect(r.items.map((i) => i.seq)).toEqual([3, 4, 5]);
      const sync = await request<{ items: StreamItem[] }>(reader, SocketEvent.StreamSync, {
        stream: room,
        after: 4,
      });
      if (sync.ok) expect(sync.items.map((i) => i.body)).toEqual([5]);
    });

    it('a person removed mid-session stops receiving within a second', async () => {
      const room = `trust-room:${id.trust('ACT')}`;
      const staff = await t.signedIn(DEMO.staffHolyFamily);
      const listener = await sock(staff);
      expect(await request(listener, SocketEvent.StreamSubscribe, { stream: room })).toMatchObject({
        ok: true,
      });
      const writer = await sock(await t.signedIn(DEMO.sencoHolyFamily));

      // Remove their only role: they no longer reach the trust.
      const [m] = await t.sql<{ id: string }>('SELECT id FROM memberships WHERE user_id = $1', [
        id.user(DEMO.staffHolyFamily),
      ]);
      const leader = await t.signedIn(DEMO.leaderAssisi);
      await leader.ok('mutation($id: ID!) { revokeRole(membershipId: $id) }', { id: m!.id });
      await new Promise((r) => setTimeout(r, 1_000));
      const received = next<StreamItem>(listener, SocketEvent.StreamItem, 1_000);
      await request(writer, SocketEvent.StreamSend, {
        stream: room,
        clientId: 'after-removal',
        body: 'secret',
      });
      expect(await received).toBeNull();
      const again = await request(listener, SocketEvent.StreamSubscribe, { stream: room });
      expect(again).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    });

    it('a deactivated person’s sockets are told and closed within a second', async () => {
      const victim = await t.signedIn(DEMO.sencoHolyCross);
      const s = await sock(victim);
      const ended = next<{ reason: string }>(s, SocketEvent.SessionEnded, 1_500);
      const gone = disconnected(s, 1_500);
      const leader = await t.signedIn(DEMO.leaderChristus);
      await leader.ok('mutation($u: ID!) { deactivateUser(userId: $u) { id } }', {
        u: id.user(DEMO.sencoHolyCross),
      });
      expect(await ended).toEqual({ reason: 'revoked' });
      expect(await gone).not.toBeNull();
      await leader.ok('mutation($u: ID!) { reactivateUser(userId: $u) { id } }', {
        u: id.user(DEMO.sencoHolyCross),
      });
    });
  });

  describe('notifications', () => {
    it('notifies a person live when given a role; the count rises and falls when read', async () => {
      const staff = await t.signedIn(DEMO.sencoHolyFamily);
      const s = openSocket(t.url, { cookie: staff.cookie });
      open.push(s);
      const initial = next<{ unread: number }>(s, SocketEvent.NotificationCount);
      await connected(s);
      expect(await initial).toEqual({ unread: 0 });
      const stream = notificationsStream(id.user(DEMO.sencoHolyFamily));
      expect(await request(s, SocketEvent.StreamSubscribe, { stream, after: 0 })).toMatchObject({
        ok: true,
        items: [],
      });

      const item = next<StreamItem<{ title: string }>>(s, SocketEvent.StreamItem);
      const count = next<{ unread: number }>(s, SocketEvent.NotificationCount);
      const head = await t.signedIn(DEMO.headHolyFamily);
      await head.ok('mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }', {
        i: {
          userId: id.user(DEMO.sencoHolyFamily),
          role: 'STAFF',
          schoolId: id.school('ACT', 'Holy Family Primary'),
        },
      });
      expect((await item)?.body.title).toBe(
        'You are now Staff at Holy Family Primary (Assisi Catholic Trust)',
      );
      expect(await count).toEqual({ unread: 1 });

      const list = await staff.ok<{
        notifications: { nodes: Array<{ id: string; readAt: string | null }> };
        unreadNotificationCount: number;
      }>('{ notifications { nodes { id readAt } } unreadNotificationCount }');
      expect(list.unreadNotificationCount).toBe(1);
      const falls = next<{ unread: number }>(s, SocketEvent.NotificationCount);
      await staff.ok('mutation($id: ID!) { markNotificationRead(id: $id) { readAt } }', {
        id: list.notifications.nodes[0]!.id,
      });
      expect(await falls).toEqual({ unread: 0 });
    });

    it('refuses to mark someone else’s notification, and anonymous requests', async () => {
      const [n] = await t.sql<{ id: string }>('SELECT id FROM notifications LIMIT 1');
      const other = await t.signedIn(DEMO.sencoHolyCross);
      await other.fails(
        'mutation($id: ID!) { markNotificationRead(id: $id) { id } }',
        { id: n!.id },
        'NOT_FOUND',
      );
      await t.client().fails('{ unreadNotificationCount }', undefined, 'UNAUTHENTICATED');
    });

    it('respects preferences: off stores nothing; daily email goes in one digest, once', async () => {
      const admin = await t.signedIn(DEMO.admin);
      const user = await t.signedIn(DEMO.headHolyFamily);
      await user.ok('mutation { setNotificationPreference(kind: ROLE_GRANTED, delivery: OFF) { delivery } }');
      await admin.ok('mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }', {
        i: {
          userId: id.user(DEMO.headHolyFamily),
          role: 'SENCO',
          schoolId: id.school('ACT', 'Holy Family Primary'),
        },
      });
      expect(
        await t.sql('SELECT 1 FROM notifications WHERE recipient_id = $1', [id.user(DEMO.headHolyFamily)]),
      ).toHaveLength(0);

      await user.ok(
        'mutation { setNotificationPreference(kind: ROLE_GRANTED, delivery: DIGEST) { delivery } }',
      );
      await admin.ok('mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }', {
        i: {
          userId: id.user(DEMO.headHolyFamily),
          role: 'STAFF',
          schoolId: id.school('ACT', 'Holy Family Primary'),
        },
      });
      const digest = t.app.get(DigestService);
      expect(await digest.runOnce()).toBe(1);
      expect(await digest.runOnce()).toBe(0);
      const mails = await t.sql<{ subject: string; text: string }>(
        'SELECT subject, text FROM outbox_messages WHERE to_address = $1',
        [DEMO.headHolyFamily],
      );
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain('You are now Staff at Holy Family Primary');
      const prefs = await user.ok<{ notificationPreferences: Array<{ kind: string; delivery: string }> }>(
        '{ notificationPreferences { kind delivery } }',
      );
      expect(prefs.notificationPreferences).toContainEqual({ kind: 'ROLE_GRANTED', delivery: 'DIGEST' });
    });

    it('tells the inviter when their invitation is accepted', async () => {
      const admin = await t.signedIn(DEMO.admin);
      await admin.ok('mutation($i: InviteInput!) { invite(input: $i) { id } }', {
        i: { email: 'rt@example.org', role: 'STAFF', schoolId: id.school('CCT', 'Holy Cross Primary') },
      });
      const [mail] = await t.sql<{ text: string }>(
        "SELECT text FROM outbox_messages WHERE to_address = 'rt@example.org'",
      );
      const token = mail!.text.match(/token=([A-Za-z0-9_-]+)/)![1];
      await t
        .client()
        .ok('mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { user { id } } }', {
          i: { token, displayName: 'TA, Holy Cross', password: 'a long passphrase here' },
        });
      const r = await admin.ok<{
        notifications: { nodes: Array<{ kind: string; title: string; link: string }> };
      }>('{ notifications(first: 1) { nodes { kind title link } } }');
      expect(r.notifications.nodes[0]).toEqual({
        kind: 'INVITATION_ACCEPTED',
        title: 'TA, Holy Cross accepted your invitation',
        link: '/admin/people',
      });
    });
  });

  describe('presence', () => {
    it('shows people who share a trust as online, hides other trusts, and honours the opt-out', async () => {
      const viewer = await sock(await t.signedIn(DEMO.sencoHolyFamily));
      const colleague = await t.signedIn(DEMO.headHolyFamily);
      await sock(colleague);
      await sock(await t.signedIn(DEMO.sencoHolyCross));
      const q = await request<{ statuses: Array<{ userId: string; status: string }> }>(
        viewer,
        SocketEvent.PresenceQuery,
        {
          userIds: [id.user(DEMO.headHolyFamily), id.user(DEMO.sencoHolyCross), id.user(DEMO.admin)],
        },
      );
      expect(q.ok).toBe(true);
      if (q.ok) {
        expect(q.statuses).toContainEqual({ userId: id.user(DEMO.headHolyFamily), status: 'online' });
        expect(q.statuses).toContainEqual({ userId: id.user(DEMO.admin), status: 'offline' });
        expect(q.statuses.map((s) => s.userId)).not.toContain(id.user(DEMO.sencoHolyCross));
      }
      const change = next<{ userId: string; status: string }>(viewer, SocketEvent.PresenceChanged, 2_000);
      await colleague.ok('mutation { setShowPresence(show: false) { showPresence } }');
      expect(await change).toEqual({ userId: id.user(DEMO.headHolyFamily), status: 'offline' });
      await colleague.ok('mutation { setShowPresence(show: true) { showPresence } }');
    });

    it('announces a person only when their status changes, not for every extra tab', async () => {
      const viewer = await sock(await t.signedIn(DEMO.sencoHolyFamily));
      const head = id.user(DEMO.headHolyFamily);
      const seen: string[] = [];
      viewer.on(SocketEvent.PresenceChanged, (c: { userId: string; status: string }) => {
        if (c.userId === head) seen.push(c.status);
      });
      const colleague = await t.signedIn(DEMO.headHolyFamily);
      const settle = () => new Promise((r) => setTimeout(r, 300));
      const first = await sock(colleague);
      await settle();
      expect(seen).toEqual(['online']);
      const tabs = await Promise.all([sock(colleague), sock(colleague), sock(colleague)]);
      await request(tabs[0], SocketEvent.PresenceSet, { status: 'away' });
      await settle();
      expect(seen).toEqual(['online']);
      for (const tab of tabs) tab.disconnect();
      await settle();
      expect(seen).toEqual(['online']);
      await request(first, SocketEvent.PresenceSet, { status: 'away' });
      await settle();
      expect(seen).toEqual(['online', 'away']);
      first.disconnect();
      await settle();
      expect(seen).toEqual(['online', 'away', 'offline']);
    });
  });
});
