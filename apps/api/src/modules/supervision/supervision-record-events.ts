import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  NotificationKind,
  SupervisionServerBody,
  SupervisionSignSide,
} from '@lantern/shared-domain';
import { NotificationsService, Publish } from '../notifications/notifications.service';
import { EmitToRoom, SupervisionAnnouncer } from './supervision-announcer.service';

type RecordEvent = Extract<SupervisionServerBody, { type: 'record' }>['what'];

/**
 * What the record's changes tell people: "a supervision record awaits your signature" to the
 * participants of each side that has not signed (never to the person who acted), written in the
 * change's transaction; and the record item in the session's room, staged in the same transaction
 * and emitted after commit.
 */
@Injectable()
export class SupervisionRecordEvents {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly announcer: SupervisionAnnouncer,
  ) {}

  /** Notify the participants of `sides` (except `actorId`) with the caller's manager; publish after commit. */
  async awaitingSignature(
    m: EntityManager,
    sessionId: string,
    sides: readonly SupervisionSignSide[],
    actorId: string,
    what: 'record' | 'addendum',
  ): Promise<Publish> {
    if (!sides.length) return async () => undefined;
    const rows: Array<{ user_id: string; title: string }> = await m.query(
      `SELECT p.user_id, s.title FROM supervision_participants p
         JOIN supervision_sessions s ON s.id = p.session_id
         JOIN users u ON u.id = p.user_id
        WHERE p.session_id = $1 AND p.role = ANY($2::text[]) AND p.user_id <> $3 AND u.deactivated_at IS NULL
        ORDER BY p.user_id`,
      [sessionId, [...sides], actorId],
    );
    const publishes: Publish[] = [];
    for (const r of rows)
      publishes.push(
        await this.notifications.notify(m, {
          recipientId: r.user_id,
          kind: NotificationKind.SupervisionRecordToSign,
          title:
            what === 'record'
              ? `The record of “${r.title}” awaits your signature`
              : `An addendum to the record of “${r.title}” awaits your signature`,
          link: `/supervision/${sessionId}`,
        }),
      );
    return async () => {
      for (const p of publishes) await p();
    };
  }

  /** Stage `{ type: 'record', what }` in the session's room with the change's manager; emit after commit. */
  stage(m: EntityManager, sessionId: string, what: RecordEvent): Promise<EmitToRoom> {
    const body: SupervisionServerBody = { type: 'record', what };
    return this.announcer.stage(m, sessionId, body);
  }
}
