import { describe, expect, it } from 'vitest';
import { POLICY_RULES, allows, canReadThread, isPolicyRuleName } from './policy-rules';
import { SocketEvent } from './realtime';
import { SOCKET_REQUEST_SCHEMAS, parseSocketRequest, threadStreamBodySchema } from './realtime-protocol';
import { Role } from './roles';

const UUID = '0b6c3f2e-8d7a-4c1b-9e2f-3a4b5c6d7e8f';

describe('socket payloads', () => {
  it('has a schema for every client-to-server event', () => {
    const clientEvents = [
      SocketEvent.StreamSubscribe,
      SocketEvent.StreamUnsubscribe,
      SocketEvent.StreamSync,
      SocketEvent.StreamSend,
      SocketEvent.StreamSignal,
      SocketEvent.PresenceSet,
      SocketEvent.PresenceQuery,
    ];
    expect(Object.keys(SOCKET_REQUEST_SCHEMAS).sort()).toEqual([...clientEvents].sort());
  });

  it('accepts well-formed requests', () => {
    expect(parseSocketRequest(SocketEvent.StreamSubscribe, { stream: `forum-thread:${UUID}` })).toEqual({
      ok: true,
      request: { stream: `forum-thread:${UUID}` },
    });
    expect(parseSocketRequest(SocketEvent.StreamSync, { stream: 'trust-room:x', after: 3 }).ok).toBe(true);
    expect(parseSocketRequest(SocketEvent.PresenceQuery, { userIds: [UUID] }).ok).toBe(true);
  });

  it.each([
    [SocketEvent.StreamSubscribe, null],
    [SocketEvent.StreamSubscribe, { stream: 'no-colon' }],
    [SocketEvent.StreamSubscribe, { stream: 'trust-room:x', after: -1 }],
    [SocketEvent.StreamSync, { stream: 'trust-room:x' }],
    [SocketEvent.StreamSend, { stream: 'trust-room:x', clientId: 'has space', body: 1 }],
    [SocketEvent.PresenceSet, { status: 'busy' }],
    [SocketEvent.PresenceQuery, { userIds: 'all' }],
    [SocketEvent.PresenceQuery, { userIds: Array.from({ length: 101 }, () => UUID) }],
  ] as const)('refuses %s %j with a plain message, never a throw', (event, payload) => {
    const r = parseSocketRequest(event, payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^[A-Z].+\.$/);
  });

  it('knows the forum thread stream bodies (and the old reply items without a type)', () => {
    expect(threadStreamBodySchema.safeParse({ replyId: 'r', parentId: null }).success).toBe(true);
    expect(threadStreamBodySchema.safeParse({ type: 'thread-changed', what: 'locked' }).success).toBe(true);
    expect(threadStreamBodySchema.safeParse({ type: 'thread-changed', what: 'exploded' }).success).toBe(
      false,
    );
    expect(threadStreamBodySchema.safeParse({ type: 'reply-changed', what: 'edited' }).success).toBe(false);
  });
});

describe('named policy rules', () => {
  const senco = { userId: 'u', grants: [{ role: Role.Senco, trustId: 't1', schoolId: 's1' }] };
  const admin = { userId: 'a', grants: [{ role: Role.NetworkAdmin, trustId: null, schoolId: null }] };
  it('reads a thread where the category is visible; a hidden one only as its moderator', () => {
    const open = { category: { trustId: 't1', roles: null }, hidden: false };
    expect(canReadThread(senco, open)).toBe(true);
    expect(canReadThread(senco, { ...open, hidden: true })).toBe(false);
    expect(canReadThread(admin, { ...open, hidden: true })).toBe(true);
    expect(canReadThread(senco, { category: { trustId: 't2', roles: null }, hidden: false })).toBe(false);
  });
  it('refuses when there is no record, and knows its names', () => {
    expect(allows(senco, 'isSelf', null)).toBe(false);
    expect(allows(senco, 'isSelf', { userId: 'u' })).toBe(true);
    expect(allows(senco, 'inTrust', { trustId: 't2' })).toBe(false);
    expect(allows(admin, 'inTrust', { trustId: 't2' })).toBe(true);
    expect(isPolicyRuleName('canAccessCaseData')).toBe(true);
    expect(isPolicyRuleName('toString')).toBe(false);
    expect(Object.keys(POLICY_RULES)).toContain('canReadThread');
  });
});
