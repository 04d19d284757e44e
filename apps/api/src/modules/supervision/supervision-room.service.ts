import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditAction,
  STREAM_KINDS,
  SUPERVISION_LIMITS,
  SupervisionClientBody,
  SupervisionStatus,
  canChairSupervision,
  canJoinSupervision,
  supervisionClientBodySchema,
  supervisionStream,
} from '@lantern/shared-domain';
import type { RequestContext, SessionInfo } from '../../common/context/request-context';
import { AppError, Errors } from '../../common/errors/app-error';
import { PersonalDataService } from '../../common/personal-data/personal-data.service';
import { StreamAcceptContext, StreamRegistry } from '../streams/stream-registry';
import { SupervisionAccess, SupervisionSessionScope } from './supervision-access.service';

export const SIGNED_MESSAGE = 'The record is signed: the conversation can no longer change.';

/**
 * Is the case on the agenda, and what is item `seq` of the stream (type, author, deleted since)? The
 * item being checked ($5, its client id) is already appended in this transaction: it does not count.
 */
const CHECKS = `
  SELECT EXISTS (SELECT 1 FROM supervision_agenda_items WHERE session_id = $1 AND case_id = $2) AS on_agenda,
         i.body->>'type' AS type, i.author_id,
         EXISTS (SELECT 1 FROM stream_items d
                  WHERE d.stream_key = $3 AND d.seq > $4 AND d.body->>'type' = 'delete'
                    AND d.body->>'of' = $4::text AND d.client_id <> $5) AS deleted
    FROM (SELECT 1) one
    LEFT JOIN stream_items i ON i.stream_key = $3 AND i.seq = $4 AND i.client_id <> $5`;

/**
 * Newest text of each message of a stream (edits by its author replace it; deleted ones are left out),
 * matching an escaped ILIKE pattern; newest first.
 */
const SEARCH = `
  WITH items AS (SELECT seq, author_id, body FROM stream_items WHERE stream_key = $1),
       edits AS (SELECT DISTINCT ON ((body->>'of')::bigint) (body->>'of')::bigint AS of, author_id, body->>'text' AS text
                   FROM items WHERE body->>'type' = 'edit' ORDER BY (body->>'of')::bigint, seq DESC)
  SELECT m.seq
    FROM items m
    LEFT JOIN edits e ON e.of = m.seq AND e.author_id IS NOT DISTINCT FROM m.author_id
   WHERE m.body->>'type' = 'message'
     AND NOT EXISTS (SELECT 1 FROM items d WHERE d.body->>'type' = 'delete' AND d.body->>'of' = m.seq::text
                        AND d.author_id IS NOT DISTINCT FROM m.author_id)
     AND coalesce(e.text, m.body->>'text') ILIKE $2 ESCAPE '\\'
   ORDER BY m.seq DESC
   LIMIT $3`;

/** SupervisionAccess.scope for many sessions in one statement (batched sends). */
const SCOPES = `
  SELECT s.id, s.school_id, s.trust_id, s.chair_id, s.status, s.current_case_id,
         (r.signed_at IS NOT NULL) AS signed,
         coalesce((SELECT json_agg(json_build_object('userId', p.user_id, 'role', p.role))
                     FROM supervision_participants p WHERE p.session_id = s.id), '[]'::json) AS participants
    FROM supervision_sessions s
    LEFT JOIN supervision_records r ON r.session_id = s.id
   WHERE s.id = ANY($1::uuid[])`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const READ = `
  UPDATE supervision_participants
     SET last_read_seq = least($3::bigint, coalesce((SELECT last_seq FROM streams WHERE key = $4), 0))
   WHERE session_id = $1 AND user_id = $2
     AND last_read_seq < least($3::bigint, coalesce((SELECT last_seq FROM streams WHERE key = $4), 0))
  RETURNING last_read_seq`;

/**
 * The live room of a session: the stream kind `supervision:<id>` (participants, elevated; ADR 12).
 * Every client item is checked in the append's transaction (`accept`): the session is live for new
 * messages (ended: only edits and deletes, until the record is signed), the personal-data check,
 * the agenda for a tagged or current case, replies to existing messages, mentions of participants,
 * the author rule for edits and deletes, the chair for the current case; once the record is signed
 * nothing changes. Read positions are kept in `supervision_participants.last_read_seq`.
 */
@Injectable()
export class SupervisionRoom implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly registry: StreamRegistry,
    private readonly access: SupervisionAccess,
    private readonly personalData: PersonalDataService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: STREAM_KINDS.Supervision,
      rule: 'canJoinSupervision',
      record: (id, m) => this.access.scope(id, m),
      records: (ids, m) => this.scopes(ids, m),
      writers: 'readers',
      body: supervisionClientBodySchema,
      accept: (ctx) => this.accept(ctx),
      onRead: (actor, id, upTo) => this.markRead(actor, id, upTo),
    });
  }

  /** The body to store, or a refusal (AppError); runs inside the append's transaction, with its manager only. */
  async accept(ctx: StreamAcceptContext<'canJoinSupervision'>): Promise<SupervisionClientBody> {
    const s = ctx.record as SupervisionSessionScope;
    const body = ctx.body as SupervisionClientBody;
    if (s.signed) throw Errors.conflict(SIGNED_MESSAGE);
    if (s.status === SupervisionStatus.Cancelled) throw Errors.conflict('The session was cancelled.');
    if (s.status === SupervisionStatus.Scheduled) throw Errors.conflict('The session has not started.');
    switch (body.type) {
      case 'message': {
        if (s.status !== SupervisionStatus.Live)
          throw Errors.conflict('The session has ended: edit or delete messages until the record is signed.');
        const mentions = [...new Set(body.mentions ?? [])];
        if (mentions.some((id) => !s.participants.some((p) => p.userId === id)))
          throw Errors.badInput('You can mention only the people taking part in this session.', {
            mentions: 'Not a participant',
          });
        if (body.caseId || body.replyTo) {
          const c = await this.checks(ctx, body.caseId ?? null, body.replyTo ?? 0);
          if (body.caseId && !c.onAgenda) throw this.notOnAgenda();
          if (body.replyTo && (c.type !== 'message' || c.deleted))
            throw Errors.badInput('The message you are replying to does not exist.', {
              replyTo: 'Not found',
            });
        }
        await this.checkText(ctx, s, body.text, body.override);
        return { ...body, mentions: mentions.length ? mentions : undefined };
      }
      case 'edit':
      case 'delete': {
        const c = await this.checks(ctx, null, body.of);
        if (c.type !== 'message') throw Errors.badInput('That message does not exist.', { of: 'Not found' });
        if (c.authorId !== ctx.actor.userId)
          throw Errors.forbidden(
            body.type === 'edit' ? 'edit someone else’s message' : 'delete someone else’s message',
          );
        if (c.deleted) throw Errors.conflict('That message was deleted.');
        if (body.type === 'edit') await this.checkText(ctx, s, body.text, body.override);
        return body;
      }
      case 'current-case': {
        if (!canChairSupervision(ctx.actor, s))
          throw Errors.forbidden('move the current case (the chair does)');
        if (s.status !== SupervisionStatus.Live) throw Errors.conflict('The session is not live.');
        if (body.caseId && !(await this.checks(ctx, body.caseId, 0)).onAgenda) throw this.notOnAgenda();
        await ctx.manager.query(
          'UPDATE supervision_sessions SET current_case_id = $2, updated_at = now() WHERE id = $1',
          [ctx.id, body.caseId],
        );
        return body;
      }
    }
  }

  /** The scopes of several sessions (as SupervisionAccess.scope) in one read, with the batch's manager. */
  async scopes(ids: string[], m: EntityManager): Promise<Map<string, SupervisionSessionScope>> {
    const valid = ids.filter((id) => UUID.test(id));
    if (!valid.length) return new Map();
    const rows: Array<Record<string, unknown>> = await m.query(SCOPES, [valid]);
    return new Map(
      rows.map((row) => [
        row['id'] as string,
        {
          id: row['id'] as string,
          schoolId: row['school_id'] as string,
          trustId: row['trust_id'] as string,
          chairId: row['chair_id'] as string,
          status: row['status'] as SupervisionStatus,
          currentCaseId: (row['current_case_id'] as string | null) ?? null,
          signed: !!row['signed'],
          participants: (row['participants'] as SupervisionSessionScope['participants']) ?? [],
        },
      ]),
    );
  }

  /** Store how far a participant has read (only ever forward, never past the stream's end). */
  async markRead(actor: Actor, sessionId: string, upTo: number): Promise<number | null> {
    const rows: Array<{ last_read_seq: string }> = await this.ds.query(READ, [
      sessionId,
      actor.userId,
      upTo,
      supervisionStream(sessionId),
    ]);
    // An UPDATE through node-postgres answers [rows, count].
    const [row] = (Array.isArray(rows[0]) ? rows[0] : rows) as Array<{ last_read_seq: string }>;
    return row ? Number(row.last_read_seq) : null;
  }

  /** Sequence numbers of the session's messages whose newest text contains `query`, newest first. */
  async search(actor: Actor, sessionId: string, query: string): Promise<number[]> {
    const q = query.trim();
    if (q.length > 200) throw Errors.badInput('Search for at most 200 characters.', { query: 'Too long' });
    await this.access.require(actor, sessionId, canJoinSupervision, 'search this session’s conversation');
    if (!q) return [];
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows: Array<{ seq: string }> = await this.ds.query(SEARCH, [
      supervisionStream(sessionId),
      pattern,
      SUPERVISION_LIMITS.searchMax,
    ]);
    return rows.map((r) => Number(r.seq));
  }

  private notOnAgenda(): AppError {
    return Errors.badInput('That case is not on this session’s agenda.', { caseId: 'Not on the agenda' });
  }

  private async checks(
    ctx: StreamAcceptContext<'canJoinSupervision'>,
    caseId: string | null,
    seq: number,
  ): Promise<{ onAgenda: boolean; type: string | null; authorId: string | null; deleted: boolean }> {
    const [row] = await ctx.manager.query(CHECKS, [
      ctx.id,
      caseId,
      supervisionStream(ctx.id),
      seq,
      ctx.clientId,
    ]);
    return {
      onAgenda: !!row?.on_agenda,
      type: row?.type ?? null,
      authorId: row?.author_id ?? null,
      deleted: !!row?.deleted,
    };
  }

  /**
   * The one personal-data check on what is said. "Send anyway" (`override`) is honoured only where
   * every finding is a name (it may be a colleague's, not a pupil's); identifiers never pass. An
   * honoured override is audited in the same transaction.
   */
  private async checkText(
    ctx: StreamAcceptContext<'canJoinSupervision'>,
    s: SupervisionSessionScope,
    text: string,
    override: boolean | undefined,
  ): Promise<void> {
    const target = {
      action: AuditAction.CasePersonalDataOverride,
      verb: 'Said in a supervision session',
      trustId: s.trustId,
      schoolId: s.schoolId,
      targetType: 'supervision-session',
      targetId: s.id,
    };
    await this.personalData.checkKeepingNames(
      socketContext(ctx.session, ctx.actor),
      [text],
      override,
      'Sent anyway in the live room: the name is not a pupil’s.',
      target,
      ctx.manager,
    );
  }
}

/** What the audit of an override needs from a socket's send (there is no HTTP request behind it). */
function socketContext(session: SessionInfo, actor: Actor): RequestContext {
  return { session, actor, ip: null, userAgent: null, requestId: 'socket' } as unknown as RequestContext;
}
