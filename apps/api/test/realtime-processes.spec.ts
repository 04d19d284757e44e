import { Socket } from 'socket.io-client';
import {
  SocketEvent,
  StreamItem,
  StreamKey,
  StreamSubscribeAck,
  notificationsStream,
} from '@lantern/shared-domain';
import { ApiProcess, ScratchDatabase, cloneTemplateDatabase } from './support/api-process';
import {
  CLIENT_ORIGIN,
  StreamMember,
  connectUntil,
  gql,
  nextEvent,
  request,
  sendAll,
  signIn,
  sleep,
} from './support/realtime-clients';
import { freePort } from './support/spawn-api';

// Process-level tests: the API runs as real OS processes (the test stream server), killed with
// SIGKILL and restarted, or two of them sharing rooms through Redis. No timed assertions: waits
// below are upper bounds for a loaded 2-core machine, not performance targets.

jest.setTimeout(120_000);

const SENDER = 'senco.holy-family@demo.lantern.test';
const MEMBERS = ['headteacher.holy-family@demo.lantern.test', 'trust.leader.assisi@demo.lantern.test'];
const SERVER_ENV = {
  ALLOWED_ORIGINS: CLIENT_ORIGIN,
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
  RATE_LIMIT_MUTATIONS_PER_MINUTE: '10000',
};

async function assisiRoom(db: ScratchDatabase): Promise<StreamKey> {
  const [trust] = await db.sql<{ id: string }>("SELECT id FROM trusts WHERE short_name = 'ACT'");
  return `trust-room:${trust!.id}`;
}

describe('exactly once across server crashes', () => {
  let db: ScratchDatabase | null = null;
  let api: ApiProcess | null = null;
  const members: StreamMember[] = [];

  afterAll(async () => {
    for (const m of members) m.stop();
    await api?.kill();
    await db?.drop();
  });

  it('stores 500 items once and every member applies each once, in order, while the server is SIGKILLed and restarted twice', async () => {
    const COUNT = 500;
    db = await cloneTemplateDatabase('once');
    const server = (api = new ApiProcess({
      port: await freePort(),
      env: { ...SERVER_ENV, DATABASE_URL: db.url },
    }));
    await server.start();
    const stream = await assisiRoom(db);
    const deadline = Date.now() + 100_000;

    const senderCookie = await signIn(server.url, SENDER);
    for (const email of MEMBERS)
      members.push(new StreamMember(server.url, await signIn(server.url, email), stream));
    const running = members.map((m) => m.run(deadline));
    // Members are subscribed before the first item (they would catch up anyway).
    while (members.some((m) => m.connects === 0) && Date.now() < deadline) await sleep(20);

    // Kill with items in flight: right after the 150th and the 330th emit.
    const killAt = [150, 330];
    let restarts: Promise<void> = Promise.resolve();
    const crash = () => {
      restarts = restarts.then(async () => {
        await server.kill();
        await server.start();
      });
    };
    const report = await sendAll({
      url: server.url,
      cookie: senderCookie,
      stream,
      count: COUNT,
      // Six in flight, one socket each, each under the per-socket limit (100 events / 10 s).
      lanes: 6,
      paceMs: 115,
      deadline,
      onSent: (n) => {
        if (killAt.includes(n)) crash();
      },
      // As if the acks of the last five items before each crash were lost: they are sent again to
      // the restarted process, which must answer with the stored item, not store it twice.
      loseAck: (n) => killAt.some((k) => n > k - 5 && n <= k),
    });
    await restarts;
    expect(server.starts).toBe(3);

    // Wait until both members hold everything (bounded; a stuck member fails the assertions below).
    while (members.some((m) => m.lastSeq < COUNT) && Date.now() < deadline) await sleep(50);
    for (const m of members) m.stop();
    await Promise.all(running);

    const rows = await db.sql<{ seq: string; client_id: string }>(
      'SELECT seq, client_id FROM stream_items WHERE stream_key = $1 ORDER BY seq',
      [stream],
    );
    const all = Array.from({ length: COUNT }, (_, i) => i + 1);
    expect(rows).toHaveLength(COUNT);
    expect(rows.map((r) => Number(r.seq))).toEqual(all);
    expect(new Set(rows.map((r) => r.client_id)).size).toBe(COUNT);
    expect(rows.map((r) => Number(r.client_id)).sort((a, b) => a - b)).toEqual(all.map((s) => s - 1));
    const [s] = await db.sql<{ last_seq: string }>('SELECT last_seq FROM streams WHERE key = $1', [stream]);
    expect(Number(s!.last_seq)).toBe(COUNT);

    // Every acknowledgement told the truth: the seq it gave is where that clientId is stored.
    const stored = new Map(rows.map((r) => [r.client_id, Number(r.seq)]));
    expect(report.seqOf.size).toBe(COUNT);
    expect(report.lostOnPurpose).toBeGreaterThan(0);
    expect(report.alreadyStored).toBeGreaterThanOrEqual(report.lostOnPurpose);
    for (const [clientId, seq] of report.seqOf) expect(stored.get(clientId)).toBe(seq);

    for (const m of members) {
      expect(m.errors).toEqual([]);
      // Each seq applied once, in order, with the item stored under it.
      expect(m.applied).toEqual(all);
      for (const [seq, clientId] of m.clientIds) expect(stored.get(clientId)).toBe(seq);
      // Each member reconnected after each crash (at least).
      expect(m.connects).toBeGreaterThanOrEqual(3);
    }
    // Not asserted (timing decides), but shown: how often a lost ack was answered by "already stored".
    process.stdout.write(
      `exactly-once: sender retried ${report.retried} unacked sends and ${report.lostOnPurpose} with ignored acks (${report.alreadyStored} answered 'already stored'), ${report.connects} sender connects; ` +
        members
          .map(
            (m, i) =>
              `member ${i + 1}: ${m.connects} connects, ${m.liveItems} live, ${m.duplicatesDropped} duplicates dropped, ${m.gaps} gaps`,
          )
          .join('; ') +
        '\n',
    );
  });
});

describe('several API processes', () => {
  const dbs: ScratchDatabase[] = [];
  const servers: ApiProcess[] = [];
  const sockets: Socket[] = [];
  const connect = async (url: string, cookie: string, prepare?: (s: Socket) => void) => {
    const s = await connectUntil(url, cookie, Date.now() + 10_000, prepare);
    sockets.push(s);
    return s;
  };
  const spawnPair = async (env: Record<string, string>): Promise<[ApiProcess, ApiProcess]> => {
    const [pa, pb] = [await freePort(), await freePort()];
    const pair: [ApiProcess, ApiProcess] = [
      new ApiProcess({ port: pa, env }),
      new ApiProcess({ port: pb, env }),
    ];
    servers.push(...pair);
    await Promise.all(pair.map((p) => p.start()));
    return pair;
  };

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all(servers.map((p) => p.kill()));
    for (const d of dbs) await d.drop();
  });

  describe('sharing rooms through Redis', () => {
    let a: ApiProcess;
    let b: ApiProcess;
    let db: ScratchDatabase;
    beforeAll(async () => {
      db = await cloneTemplateDatabase('redis');
      dbs.push(db);
      const prefix = `lt-${process.env['LANTERN_TEST_RUN']}-${process.pid}`.slice(0, 40);
      [a, b] = await spawnPair({
        ...SERVER_ENV,
        DATABASE_URL: db.url,
        REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
        REDIS_KEY_PREFIX: prefix,
      });
    });

    it('a member connected to process B receives an item sent through process A', async () => {
      const stream = await assisiRoom(db);
      const onB = await connect(b.url, await signIn(b.url, MEMBERS[0]!));
      const onA = await connect(a.url, await signIn(a.url, MEMBERS[1]!));
      for (const s of [onB, onA])
        expect(await request(s, SocketEvent.StreamSubscribe, { stream, after: 0 })).toMatchObject({
          ok: true,
        });
      const sender = await connect(a.url, await signIn(a.url, SENDER));
      const seenOnB = nextEvent<StreamItem>(
        onB,
        SocketEvent.StreamItem,
        10_000,
        (i) => i.clientId === 'via-a',
      );
      const seenOnA = nextEvent<StreamItem>(
        onA,
        SocketEvent.StreamItem,
        10_000,
        (i) => i.clientId === 'via-a',
      );
      const ack = await request(sender, SocketEvent.StreamSend, {
        stream,
        clientId: 'via-a',
        body: { text: 'from A' },
      });
      expect(ack).toMatchObject({ ok: true, created: true, item: { seq: 1 } });
      expect(await seenOnB).toMatchObject({ stream, seq: 1, clientId: 'via-a', body: { text: 'from A' } });
      expect(await seenOnA).toMatchObject({ seq: 1 });

      // And the other way round.
      const back = nextEvent<StreamItem>(onA, SocketEvent.StreamItem, 10_000, (i) => i.clientId === 'via-b');
      const senderOnB = await connect(b.url, await signIn(b.url, SENDER));
      expect(
        await request(senderOnB, SocketEvent.StreamSend, { stream, clientId: 'via-b', body: 'from B' }),
      ).toMatchObject({ ok: true, item: { seq: 2 } });
      expect(await back).toMatchObject({ seq: 2, clientId: 'via-b' });
    });

    it('a role granted through process A notifies the person’s socket on process B (count and stream item)', async () => {
      const [recipient] = await db.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [SENDER]);
      const [school] = await db.sql<{ id: string }>(
        "SELECT s.id FROM schools s JOIN trusts t ON t.id = s.trust_id WHERE t.short_name = 'ACT' AND s.name = 'Holy Family Primary'",
      );
      const stream = notificationsStream(recipient!.id);
      let initial: Promise<{ unread: number } | null> = Promise.resolve(null);
      const onB = await connect(b.url, await signIn(b.url, SENDER), (s) => {
        initial = nextEvent<{ unread: number }>(s, SocketEvent.NotificationCount, 10_000);
      });
      expect(await initial).toEqual({ unread: 0 });
      const sub = await request<StreamSubscribeAck>(onB, SocketEvent.StreamSubscribe, { stream, after: 0 });
      expect(sub).toMatchObject({ ok: true, items: [] });

      const item = nextEvent<StreamItem<{ title: string }>>(
        onB,
        SocketEvent.StreamItem,
        10_000,
        (i) => i.stream === stream,
      );
      const count = nextEvent<{ unread: number }>(onB, SocketEvent.NotificationCount, 10_000);
      const head = await signIn(a.url, MEMBERS[0]!);
      await gql(a.url, head, 'mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }', {
        i: { userId: recipient!.id, role: 'STAFF', schoolId: school!.id },
      });
      expect((await item)?.body.title).toBe(
        'You are now Staff at Holy Family Primary (Assisi Catholic Trust)',
      );
      expect(await count).toEqual({ unread: 1 });
    });
  });

  describe('without REDIS_URL', () => {
    it('processes do not share rooms (a member on the other process catches up from the database instead)', async () => {
      const db = await cloneTemplateDatabase('alone');
      dbs.push(db);
      const [c, d] = await spawnPair({ ...SERVER_ENV, DATABASE_URL: db.url });
      const stream = await assisiRoom(db);
      const onD = await connect(d.url, await signIn(d.url, MEMBERS[0]!));
      const onC = await connect(c.url, await signIn(c.url, MEMBERS[1]!));
      for (const s of [onD, onC])
        expect(await request(s, SocketEvent.StreamSubscribe, { stream, after: 0 })).toMatchObject({
          ok: true,
        });
      const sender = await connect(c.url, await signIn(c.url, SENDER));
      const seenOnD = nextEvent<StreamItem>(onD, SocketEvent.StreamItem, 1_500);
      const seenOnC = nextEvent<StreamItem>(onC, SocketEvent.StreamItem, 10_000);
      expect(
        await request(sender, SocketEvent.StreamSend, { stream, clientId: 'only-c', body: 1 }),
      ).toMatchObject({ ok: true });
      expect(await seenOnC).toMatchObject({ clientId: 'only-c' });
      expect(await seenOnD).toBeNull();
      const sync = await request<StreamSubscribeAck>(onD, SocketEvent.StreamSync, { stream, after: 0 });
      expect(sync.ok && sync.items.map((i) => i.clientId)).toEqual(['only-c']);
    });
  });
});

describe('a database error while a socket connects', () => {
  let db: ScratchDatabase | null = null;
  let api: ApiProcess | null = null;
  afterAll(async () => {
    await api?.kill();
    await db?.drop();
  });

  // RealtimeGateway.handleConnection queries the database (the unread count). Nest does not catch
  // the promise it returns, so an error there (a pool timeout under load, a restart) used to be an
  // unhandled rejection that ended the API process; the memory benchmark hit it at 5,000 sockets.
  // The error is forced here by renaming the notifications table.
  it('the API process survives it', async () => {
    db = await cloneTemplateDatabase('connerr');
    const server = (api = new ApiProcess({
      port: await freePort(),
      env: { ...SERVER_ENV, DATABASE_URL: db.url },
    }));
    await server.start();
    const cookie = await signIn(server.url, SENDER);
    await db.sql('ALTER TABLE notifications RENAME TO notifications_away');
    const s = await connectUntil(server.url, cookie, Date.now() + 10_000).catch(() => null);
    await sleep(1_000);
    s?.disconnect();
    const health = await fetch(`${server.url}/health`)
      .then((r) => r.status)
      .catch(() => 'down');
    expect(health).toBe(200);
  });
});
