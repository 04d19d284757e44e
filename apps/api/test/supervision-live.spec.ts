import { createHash } from 'node:crypto';
import { Socket } from 'socket.io-client';
import {
  SocketEvent,
  StreamItem,
  StreamKey,
  StreamSendAck,
  StreamSignal,
  StreamSubscribeAck,
  foldSupervisionMessages,
  supervisionStream,
} from '@lantern/shared-domain';
import { ApiProcess, ScratchDatabase, cloneTemplateDatabase } from './support/api-process';
import {
  CLIENT_ORIGIN,
  StreamMember,
  connectUntil,
  sendAll,
  signIn,
  sleep,
} from './support/realtime-clients';
import { elevated } from './support/second-factor';
import { connected, next, openSocket, request } from './support/sockets';
import { freePort } from './support/spawn-api';
import { DEMO, TestApp, startTestApp } from './support/test-app';

// The live room of a supervision session (ADR 12): the stream `supervision:<id>` with its accept
// hook and signals. Sessions are made with SQL here (the scheduling mutations are tested elsewhere).

jest.setTimeout(120_000);

type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

interface Session {
  id: string;
  stream: StreamKey;
  cases: string[];
  otherCase: string;
}

/** A Holy Family (ACT) session chaired by the trust SEND lead, with its SENCO; two cases on the agenda. */
async function insertSession(sql: Sql, status = 'LIVE'): Promise<Session> {
  const [school] = await sql<{ id: string; trust_id: string }>(
    "SELECT s.id, s.trust_id FROM schools s JOIN trusts t ON t.id = s.trust_id WHERE t.short_name = 'ACT' AND s.name = 'Holy Family Primary'",
  );
  const users = new Map(
    (await sql<{ id: string; email: string }>('SELECT id, email FROM users')).map((u) => [u.email, u.id]),
  );
  const lead = users.get(DEMO.sendLead)!;
  const senco = users.get(DEMO.sencoHolyFamily)!;
  const [s] = await sql<{ id: string }>(
    `INSERT INTO supervision_sessions (school_id, trust_id, title, status, starts_at, chair_id, created_by, started_at)
     VALUES ($1, $2, 'Autumn caseload review', $3, now(), $4, $4, CASE WHEN $3 = 'SCHEDULED' THEN NULL ELSE now() END)
     RETURNING id`,
    [school!.id, school!.trust_id, status, lead],
  );
  await sql(
    `INSERT INTO supervision_participants (session_id, user_id, role) VALUES ($1, $2, 'SEND_LEAD'), ($1, $3, 'SENCO')`,
    [s!.id, lead, senco],
  );
  const cases = (
    await sql<{ id: string }>('SELECT id FROM cases WHERE school_id = $1 ORDER BY reference LIMIT 3', [
      school!.id,
    ])
  ).map((c) => c.id);
  await sql(
    `INSERT INTO supervision_agenda_items (session_id, case_id, position, question, added_by)
     VALUES ($1, $2, 0, 'What next?', $4), ($1, $3, 1, 'Is the plan working?', $4)`,
    [s!.id, cases[0], cases[1], lead],
  );
  return { id: s!.id, stream: supervisionStream(s!.id), cases: cases.slice(0, 2), otherCase: cases[2]! };
}

/** Sign the session's record by both sides, as the signing mutation would. */
async function signRecord(sql: Sql, sessionId: string): Promise<void> {
  await sql(
    `INSERT INTO supervision_records (session_id, content, drafted_by, senco_signed_by, senco_signed_at, lead_signed_by, lead_signed_at, signed_at)
     SELECT s.id, '{}'::jsonb, s.chair_id, p.user_id, now(), s.chair_id, now(), now()
       FROM supervision_sessions s JOIN supervision_participants p ON p.session_id = s.id AND p.role = 'SENCO'
      WHERE s.id = $1`,
    [sessionId],
  );
}

const message = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'message', text, ...extra });

describe('the supervision room (sockets)', () => {
  let t: TestApp;
  let session: Session;
  const sockets: Socket[] = [];
  const cookies = new Map<string, string>();

  /** A socket of `email`, its session elevated by the second factor unless `elevate` is false. */
  async function socketOf(email: string, elevate = true): Promise<Socket> {
    const key = `${email}:${elevate}`;
    let cookie = cookies.get(key);
    if (!cookie) {
      const c = await t.signedIn(email);
      cookie = c.cookie!;
      cookies.set(key, cookie);
      if (elevate) {
        // What the second factor stores for this session (the second factor's own tests are elsewhere).
        const token = cookie
          .split('; ')
          .find((p) => p.startsWith('lantern_session='))!
          .split('=')[1]!;
        await t.sql(`UPDATE sessions SET elevated_until = now() + interval '1 hour' WHERE token_hash = $1`, [
          createHash('sha256').update(token).digest('hex'),
        ]);
      }
    }
    const s = await connected(openSocket(t.url, { cookie }));
    sockets.push(s);
    return s;
  }

  const send = (s: Socket, body: unknown, clientId = `c${Math.random().toString(36).slice(2)}`) =>
    request<StreamSendAck>(s, SocketEvent.StreamSend, { stream: session.stream, clientId, body });

  beforeAll(async () => {
    t = await startTestApp();
    session = await insertSession(t.sql);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t?.close();
  });

  it('refuses the room to everyone but its participants, and to a participant without the second factor', async () => {
    const participants = new Set<string>([DEMO.sencoHolyFamily, DEMO.sendLead]);
    for (const email of Object.values(DEMO)) {
      const s = await socketOf(email);
      const sub = await request<StreamSubscribeAck>(s, SocketEvent.StreamSubscribe, {
        stream: session.stream,
        after: 0,
      });
      const sent = await send(s, message('Shall we start with the first case?'));
      const signal = await request(s, SocketEvent.StreamSignal, { stream: session.stream, typing: true });
      if (participants.has(email)) {
        expect([email, sub.ok, sent.ok, signal.ok]).toEqual([email, true, true, true]);
      } else {
        for (const ack of [sub, sent, signal])
          expect([email, ack.ok, !ack.ok && ack.code]).toEqual([email, false, 'FORBIDDEN']);
      }
    }
    for (const email of participants) {
      const s = await socketOf(email, false);
      for (const ack of [
        await request(s, SocketEvent.StreamSubscribe, { stream: session.stream, after: 0 }),
        await send(s, message('Not elevated.')),
        await request(s, SocketEvent.StreamSignal, { stream: session.stream, readUpTo: 1 }),
      ])
        expect([email, ack.ok, !ack.ok && ack.code]).toEqual([email, false, 'SECOND_FACTOR_REQUIRED']);
    }
    const [n] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM stream_items WHERE stream_key = $1', [
      session.stream,
    ]);
    expect(Number(n!.n)).toBe(2);
  });

  it('refuses personal data (also with "send anyway" for an identifier) and stores nothing', async () => {
    const s = await socketOf(DEMO.sencoHolyFamily);
    const [before] = await t.sql<{ n: string }>(
      'SELECT count(*) AS n FROM stream_items WHERE stream_key = $1',
      [session.stream],
    );
    for (const body of [
      message('UPN A123456789012 is on the referral'),
      message('UPN A123456789012 is on the referral', { override: true }),
      message('Jacob Smith (Year 4) has an EHCP'),
    ]) {
      const ack = await send(s, body);
      expect(ack).toMatchObject({ ok: false, code: 'PERSONAL_DATA' });
    }
    const [after] = await t.sql<{ n: string }>(
      'SELECT count(*) AS n FROM stream_items WHERE stream_key = $1',
      [session.stream],
    );
    expect(after!.n).toBe(before!.n);

    // A name alone may be a colleague's: "send anyway" passes it, and the override is audited.
    const named = 'Olivia Brown has settled much better since half term.';
    expect(await send(s, message(named))).toMatchObject({ ok: false, code: 'PERSONAL_DATA' });
    expect(await send(s, message(named, { override: true }))).toMatchObject({ ok: true, created: true });
    const audited = await t.sql(
      "SELECT 1 FROM audit_entries WHERE action = 'case.personal_data_override' AND target_id = $1",
      [session.id],
    );
    expect(audited).toHaveLength(1);
  });

  it('checks tags, replies and mentions against the session', async () => {
    const s = await socketOf(DEMO.sencoHolyFamily);
    const [lead] = await t.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [DEMO.sendLead]);
    const [staff] = await t.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      DEMO.staffHolyFamily,
    ]);
    const ok = await send(
      s,
      message('On the first case: the plan is working.', { caseId: session.cases[0], mentions: [lead!.id] }),
    );
    expect(ok).toMatchObject({ ok: true, created: true });
    const seq = ok.ok ? ok.item.seq : 0;
    expect(await send(s, message('A reply.', { replyTo: seq }))).toMatchObject({ ok: true });
    expect(await send(s, message('Off agenda.', { caseId: session.otherCase }))).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
    });
    expect(await send(s, message('To nothing.', { replyTo: 9_999 }))).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
    });
    expect(await send(s, message('Hello.', { mentions: [staff!.id] }))).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
    });
    expect(await send(s, { type: 'message', text: '' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
  });

  it('lets only the author edit or delete a message, keeps the history, and only the chair moves the current case', async () => {
    const senco = await socketOf(DEMO.sencoHolyFamily);
    const lead = await socketOf(DEMO.sendLead);
    const first = await send(senco, message('First thoughts on the second case.'));
    const of = first.ok ? first.item.seq : 0;
    expect(await send(lead, { type: 'edit', of, text: 'Not mine to change.' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await send(lead, { type: 'delete', of })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      await send(senco, { type: 'edit', of, text: 'Second thoughts on the second case.' }),
    ).toMatchObject({ ok: true });
    const sync = await request<StreamSubscribeAck>(senco, SocketEvent.StreamSync, {
      stream: session.stream,
      after: 0,
    });
    const view = foldSupervisionMessages(sync.ok ? sync.items : []).find((m) => m.seq === of);
    expect(view).toMatchObject({
      text: 'Second thoughts on the second case.',
      history: [{ text: 'First thoughts on the second case.' }],
    });

    expect(await send(senco, { type: 'current-case', caseId: session.cases[1] })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await send(lead, { type: 'current-case', caseId: session.otherCase })).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
    });
    expect(await send(lead, { type: 'current-case', caseId: session.cases[1] }, 'move-1')).toMatchObject({
      ok: true,
      created: true,
    });
    expect(await send(lead, { type: 'current-case', caseId: session.cases[0] }, 'move-2')).toMatchObject({
      ok: true,
      created: true,
    });
    // A retry of the first move returns the stored item and does not move the case back.
    expect(await send(lead, { type: 'current-case', caseId: session.cases[1] }, 'move-1')).toMatchObject({
      ok: true,
      created: false,
    });
    const [row] = await t.sql<{ current_case_id: string }>(
      'SELECT current_case_id FROM supervision_sessions WHERE id = $1',
      [session.id],
    );
    expect(row!.current_case_id).toBe(session.cases[0]);
  });

  it('relays typing and read signals to the others in the room (not the sender), stores read positions forward only, and limits signals', async () => {
    const senco = await socketOf(DEMO.sencoHolyFamily);
    const lead = await socketOf(DEMO.sendLead);
    for (const s of [senco, lead])
      expect(await request(s, SocketEvent.StreamSubscribe, { stream: session.stream })).toMatchObject({
        ok: true,
      });
    const atLead = next<StreamSignal>(lead, SocketEvent.StreamSignal, 3_000);
    const atSender = next<StreamSignal>(senco, SocketEvent.StreamSignal, 1_000);
    expect(await request(senco, SocketEvent.StreamSignal, { stream: session.stream, typing: true })).toEqual({
      ok: true,
    });
    const [me] = await t.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [DEMO.sencoHolyFamily]);
    expect(await atLead).toEqual({ stream: session.stream, userId: me!.id, typing: true });
    expect(await atSender).toBeNull();

    await sleep(1_100);
    const read = next<StreamSignal>(lead, SocketEvent.StreamSignal, 3_000);
    expect(await request(senco, SocketEvent.StreamSignal, { stream: session.stream, readUpTo: 3 })).toEqual({
      ok: true,
    });
    expect(await read).toEqual({ stream: session.stream, userId: me!.id, readUpTo: 3 });
    expect(await request(senco, SocketEvent.StreamSignal, { stream: session.stream, readUpTo: 2 })).toEqual({
      ok: true,
    });
    // Past the end of the stream: stored as its last sequence number.
    expect(
      await request(senco, SocketEvent.StreamSignal, { stream: session.stream, readUpTo: 1_000_000 }),
    ).toEqual({ ok: true });
    const [p] = await t.sql<{ last_read_seq: string }>(
      'SELECT last_read_seq FROM supervision_participants WHERE session_id = $1 AND user_id = $2',
      [session.id, me!.id],
    );
    const [st] = await t.sql<{ last_seq: string }>('SELECT last_seq FROM streams WHERE key = $1', [
      session.stream,
    ]);
    expect(Number(p!.last_read_seq)).toBe(Number(st!.last_seq));

    await sleep(1_100);
    const acks = await Promise.all(
      Array.from({ length: 8 }, () =>
        request(senco, SocketEvent.StreamSignal, { stream: session.stream, typing: false }),
      ),
    );
    expect(acks.filter((a) => a.ok)).toHaveLength(4);
    expect(acks.filter((a) => !a.ok && a.code === 'RATE_LIMITED')).toHaveLength(4);
    expect(await request(senco, SocketEvent.StreamSignal, { stream: session.stream })).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
    });
  });

  it('finds messages by their newest text over GraphQL (participants only), with % and _ taken literally', async () => {
    const senco = await socketOf(DEMO.sencoHolyFamily);
    const a = await send(senco, message('Attendance is up 5% this term'));
    const b = await send(senco, message('Attendance_plan agreed'));
    const c = await send(senco, message('An old wording'));
    await send(senco, { type: 'edit', of: c.ok ? c.item.seq : 0, text: 'A new wording' });
    const d = await send(senco, message('Wording to delete'));
    expect(await send(senco, { type: 'delete', of: d.ok ? d.item.seq : 0 })).toMatchObject({ ok: true });
    expect(await send(senco, { type: 'delete', of: d.ok ? d.item.seq : 0 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    const q = 'query($id: ID!, $q: String!) { supervisionMessageSearch(sessionId: $id, query: $q) }';
    const gql = await elevated(t, DEMO.sencoHolyFamily);
    const search = async (query: string) =>
      (await gql.ok<{ supervisionMessageSearch: number[] }>(q, { id: session.id, q: query }))
        .supervisionMessageSearch;
    expect(await search('5%')).toEqual([a.ok && a.item.seq]);
    expect(await search('e_p')).toEqual([b.ok && b.item.seq]);
    expect(await search('wording')).toEqual([c.ok && c.item.seq]);
    expect(await search('old wording')).toEqual([]);
    const other = await elevated(t, DEMO.sencoStJosephsAct);
    await other.fails(q, { id: session.id, q: 'wording' }, 'NOT_FOUND');
    await (await t.signedIn(DEMO.staffHolyFamily)).fails(q, { id: session.id, q: 'wording' }, 'FORBIDDEN');
  });

  it('many sends at once over several sessions (batched appends): gap-free per session, refusals and duplicates answered one by one', async () => {
    const rooms = [await insertSession(t.sql), await insertSession(t.sql), await insertSession(t.sql)];
    const senco = await socketOf(DEMO.sencoHolyFamily);
    const sendTo = (room: Session, clientId: string, body: unknown) =>
      request<StreamSendAck>(senco, SocketEvent.StreamSend, { stream: room.stream, clientId, body });
    const acks = await Promise.all([
      ...Array.from({ length: 24 }, (_, i) => sendTo(rooms[i % 3]!, `b${i}`, message(`Point ${i + 1}.`))),
      sendTo(rooms[0]!, 'b-pii', message('UPN A123456789012 is on the referral')),
      sendTo(rooms[1]!, 'b-off', message('Off agenda.', { caseId: rooms[1]!.otherCase })),
      sendTo(rooms[2]!, 'b0', message('Same client id, another session.')),
      sendTo(rooms[0]!, 'b0', message('Point 1.')),
    ]);
    expect(acks.slice(0, 24).every((a) => a.ok)).toBe(true);
    expect(acks[24]).toMatchObject({ ok: false, code: 'PERSONAL_DATA' });
    expect(acks[25]).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(acks[26]).toMatchObject({ ok: true, created: true });
    expect(acks[27]).toMatchObject({ ok: true, created: false });
    expect(acks[27]!.ok && acks[0]!.ok && acks[27]!.item.seq).toBe(acks[0]!.ok && acks[0]!.item.seq);
    for (const [r, room] of rooms.entries()) {
      const rows = await t.sql<{ seq: string; client_id: string }>(
        'SELECT seq, client_id FROM stream_items WHERE stream_key = $1 ORDER BY seq',
        [room.stream],
      );
      expect(rows.map((x) => Number(x.seq))).toEqual(
        Array.from({ length: r === 2 ? 9 : 8 }, (_, i) => i + 1),
      );
      const [st] = await t.sql<{ last_seq: string }>('SELECT last_seq FROM streams WHERE key = $1', [
        room.stream,
      ]);
      expect(Number(st!.last_seq)).toBe(rows.length);
      for (const a of acks.filter((x) => x.ok && x.item.stream === room.stream))
        expect(rows.find((x) => x.client_id === (a.ok && a.item.clientId))?.seq).toBe(
          String(a.ok && a.item.seq),
        );
    }
  });

  it('refuses messages before the session starts, and after it ends (edits and deletes then allowed until the record is signed)', async () => {
    const scheduled = await insertSession(t.sql, 'SCHEDULED');
    const senco = await socketOf(DEMO.sencoHolyFamily);
    expect(
      await request(senco, SocketEvent.StreamSend, {
        stream: scheduled.stream,
        clientId: 'early',
        body: message('Early.'),
      }),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: 'The session has not started.' });

    const said = await send(senco, message('Before the end.'));
    const of = said.ok ? said.item.seq : 0;
    await t.sql("UPDATE supervision_sessions SET status = 'ENDED', ended_at = now() WHERE id = $1", [
      session.id,
    ]);
    expect(await send(senco, message('After the end.'))).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await send(senco, { type: 'edit', of, text: 'Corrected after the end.' })).toMatchObject({
      ok: true,
    });

    await signRecord(t.sql, session.id);
    const signed = {
      ok: false,
      code: 'CONFLICT',
      message: 'The record is signed: the conversation can no longer change.',
    };
    expect(await send(senco, { type: 'edit', of, text: 'Too late.' })).toMatchObject(signed);
    expect(await send(senco, { type: 'delete', of })).toMatchObject(signed);
    expect(await send(senco, message('Too late.'))).toMatchObject(signed);
  });
});

describe('supervision room: exactly once across server crashes', () => {
  let db: ScratchDatabase | null = null;
  let api: ApiProcess | null = null;
  const members: StreamMember[] = [];

  afterAll(async () => {
    for (const m of members) m.stop();
    await api?.kill();
    await db?.drop();
  });

  it('a SENCO and the SEND lead exchange 300 messages while the API is SIGKILLed and restarted twice: stored once, in order, seen once by both', async () => {
    const EACH = 150;
    const COUNT = 2 * EACH;
    db = await cloneTemplateDatabase('supervision-once');
    const scratch = db;
    const server = (api = new ApiProcess({
      port: await freePort(),
      env: {
        ALLOWED_ORIGINS: CLIENT_ORIGIN,
        RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
        RATE_LIMIT_MUTATIONS_PER_MINUTE: '10000',
        DATABASE_URL: db.url,
      },
    }));
    await server.start();
    const session = await insertSession((text, params) => scratch.sql(text, params));
    const deadline = Date.now() + 110_000;
    const people = [DEMO.sencoHolyFamily, DEMO.sendLead];
    const senders = await Promise.all(people.map((e) => signIn(server.url, e)));
    for (const email of people)
      members.push(new StreamMember(server.url, await signIn(server.url, email), session.stream));
    await db.sql(`UPDATE sessions SET elevated_until = now() + interval '2 hours' WHERE revoked_at IS NULL`);
    const running = members.map((m) => m.run(deadline));
    while (members.some((m) => m.connects === 0) && Date.now() < deadline) await sleep(20);

    let emitted = 0;
    const killAt = [90, 200];
    /** Per sender: its n-th emit -> the n-th emit of both together. */
    const overall = [new Map<number, number>(), new Map<number, number>()];
    let restarts: Promise<void> = Promise.resolve();
    const reports = await Promise.all(
      senders.map((cookie, who) =>
        sendAll({
          url: server.url,
          cookie,
          stream: session.stream,
          count: EACH,
          lanes: 3,
          paceMs: 115,
          deadline,
          clientIdOf: (i) => `${who ? 'lead' : 'senco'}-${i}`,
          bodyOf: (i) => message(`${who ? 'Lead' : 'SENCO'} point ${i + 1}`),
          onSent: (n) => {
            overall[who]!.set(n, ++emitted);
            if (killAt.includes(emitted))
              restarts = restarts.then(async () => {
                await server.kill();
                await server.start();
              });
          },
          loseAck: (n) => {
            const g = overall[who]!.get(n) ?? 0;
            return killAt.some((k) => g > k - 4 && g <= k);
          },
        }),
      ),
    );
    await restarts;
    expect(server.starts).toBe(3);
    while (members.some((m) => m.lastSeq < COUNT) && Date.now() < deadline) await sleep(50);
    for (const m of members) m.stop();
    await Promise.all(running);

    const rows = await db.sql<{ seq: string; client_id: string; body: { text: string } }>(
      'SELECT seq, client_id, body FROM stream_items WHERE stream_key = $1 ORDER BY seq',
      [session.stream],
    );
    const all = Array.from({ length: COUNT }, (_, i) => i + 1);
    expect(rows.map((r) => Number(r.seq))).toEqual(all);
    expect(new Set(rows.map((r) => r.client_id)).size).toBe(COUNT);
    const stored = new Map(rows.map((r) => [r.client_id, Number(r.seq)]));
    for (const [who, report] of reports.entries()) {
      expect(report.seqOf.size).toBe(EACH);
      for (const [clientId, seq] of report.seqOf) expect(stored.get(clientId)).toBe(seq);
      // Each sender's items in the order they were acknowledged per lane: every one of theirs is there once.
      const mine = rows.filter((r) => r.client_id.startsWith(who ? 'lead-' : 'senco-'));
      expect(mine).toHaveLength(EACH);
    }
    expect(reports.reduce((n, r) => n + r.lostOnPurpose, 0)).toBeGreaterThan(0);
    for (const m of members) {
      expect(m.errors).toEqual([]);
      expect(m.applied).toEqual(all);
      for (const [seq, clientId] of m.clientIds) expect(stored.get(clientId)).toBe(seq);
      expect(m.connects).toBeGreaterThanOrEqual(3);
    }
    // Once the record is signed, the SENCO's own message can no longer be edited.
    await signRecord((text, params) => scratch.sql(text, params), session.id);
    const editor = await connectUntil(server.url, senders[0]!, deadline);
    const mine = rows.find((r) => r.client_id.startsWith('senco-'))!;
    expect(
      await request(editor, SocketEvent.StreamSend, {
        stream: session.stream,
        clientId: 'late-edit',
        body: { type: 'edit', of: Number(mine.seq), text: 'Changed after signing.' },
      }),
    ).toMatchObject({ ok: false, code: 'CONFLICT' });
    editor.disconnect();

    const views = foldSupervisionMessages(
      rows.map(
        (r) =>
          ({
            stream: session.stream,
            seq: Number(r.seq),
            clientId: r.client_id,
            authorId: null,
            body: r.body,
            createdAt: '',
          }) as StreamItem,
      ),
    );
    expect(views).toHaveLength(COUNT);
    process.stdout.write(
      `supervision exactly-once: ${reports.map((r, i) => `${i ? 'lead' : 'senco'} retried ${r.retried}, ignored acks ${r.lostOnPurpose}, already stored ${r.alreadyStored}`).join('; ')}; ` +
        members
          .map(
            (m, i) =>
              `member ${i + 1}: ${m.connects} connects, ${m.duplicatesDropped} duplicates dropped, ${m.gaps} gaps`,
          )
          .join('; ') +
        '\n',
    );
  });
});
