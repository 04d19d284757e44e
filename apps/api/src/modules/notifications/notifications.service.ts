import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import {
  DEFAULT_DELIVERY,
  NOTIFICATION_KIND_LABEL,
  NotificationDelivery,
  NotificationKind,
  SocketEvent,
  notificationsStream,
} from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { Connection, decodeCursor, encodeCursor, toConnection } from '../../common/pagination/connection';
import { RealtimeBus } from '../realtime/realtime-bus';
import { StreamsService } from '../streams/streams.service';
import { NotificationEntity, NotificationPreferenceEntity } from './notification.entity';
import { NotificationModel, NotificationPreferenceModel } from './notification.model';

export interface NewNotification {
  recipientId: string;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  link?: string | null;
}

/** Call after the transaction that created the notification has committed. */
export type Publish = () => Promise<void>;
const NOTHING: Publish = async () => undefined;

export const toNotification = (e: NotificationEntity): NotificationModel => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  body: e.body,
  link: e.link,
  createdAt: e.createdAt,
  readAt: e.readAt,
});

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly streams: StreamsService,
    private readonly bus: RealtimeBus,
  ) {}

  /**
   * Record a notification inside the caller's transaction (stored and appended to the recipient's
   * stream, so a reconnecting client catches up). Returns what to call after commit to push it live.
   */
  async notify(m: EntityManager, n: NewNotification): Promise<Publish> {
    const [pref] = await m.query(
      'SELECT delivery FROM notification_preferences WHERE user_id = $1 AND kind = $2',
      [n.recipientId, n.kind],
    );
    const delivery = (pref?.delivery as NotificationDelivery | undefined) ?? DEFAULT_DELIVERY;
    if (delivery === NotificationDelivery.Off) return NOTHING;
    const repo = m.getRepository(NotificationEntity);
    const saved = await repo.save(
      repo.create({
        recipientId: n.recipientId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? null,
        link: n.link ?? null,
        digest: delivery === NotificationDelivery.Digest,
      }),
    );
    const { item } = await this.streams.append(
      notificationsStream(n.recipientId),
      saved.id,
      null,
      {
        ...toNotification(saved),
        createdAt: saved.createdAt.toISOString(),
      },
      m,
    );
    return async () => {
      this.bus.streamItem(item);
      await this.pushCount(n.recipientId);
    };
  }

  /**
   * Take the text out of every notification pointing at `link` (a reply a moderator hid): the stored
   * row, so lists and the digest no longer show it, and the copy in each recipient's stream, so a
   * reconnecting client does not receive it again. Title and link stay. In the caller's transaction.
   */
  async withdrawText(m: EntityManager, link: string): Promise<void> {
    const [rows] = (await m.query('UPDATE notifications SET body = NULL WHERE link = $1 RETURNING id', [
      link,
    ])) as [Array<{ id: string }>, number];
    if (!rows.length) return;
    await m.query(
      `UPDATE stream_items SET body = jsonb_set(body, '{body}', 'null'::jsonb)
        WHERE stream_key LIKE 'notifications:%' AND client_id = ANY($1::text[])`,
      [rows.map((r) => r.id)],
    );
  }

  async pushCount(userId: string): Promise<void> {
    this.bus.toUser(userId, SocketEvent.NotificationCount, { unread: await this.unreadCount(userId) });
  }

  unreadCount(userId: string): Promise<number> {
    return this.ds
      .getRepository(NotificationEntity)
      .count({ where: { recipientId: userId, readAt: IsNull() } });
  }

  async list(
    userId: string,
    unreadOnly: boolean,
    limit: number,
    after: string | null,
  ): Promise<Connection<NotificationModel>> {
    const qb = this.ds
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.recipient_id = :userId', { userId });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    const total = await qb.clone().getCount();
    const cursor = decodeCursor(after);
    if (cursor)
      qb.andWhere('(n.created_at, n.id) < (:ts::timestamptz, :id::uuid)', {
        ts: cursor.sortValue,
        id: cursor.id,
      });
    const rows = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toConnection(rows, limit, total, toNotification, (r) =>
      encodeCursor(r.createdAt.toISOString(), r.id),
    );
  }

  /** Mark one of the viewer's own notifications read. Another person's is "not found". */
  async markRead(userId: string, id: string): Promise<NotificationModel> {
    const repo = this.ds.getRepository(NotificationEntity);
    const n = await repo.findOneBy({ id, recipientId: userId });
    if (!n) throw Errors.notFound('That notification');
    if (!n.readAt) {
      n.readAt = new Date();
      await repo.update({ id }, { readAt: n.readAt });
      await this.pushCount(userId);
    }
    return toNotification(n);
  }

  async markAllRead(userId: string): Promise<number> {
    const r = await this.ds
      .getRepository(NotificationEntity)
      .update({ recipientId: userId, readAt: IsNull() }, { readAt: new Date() });
    await this.pushCount(userId);
    return r.affected ?? 0;
  }

  async preferences(userId: string): Promise<NotificationPreferenceModel[]> {
    const rows = await this.ds.getRepository(NotificationPreferenceEntity).findBy({ userId });
    return Object.values(NotificationKind).map((kind) => ({
      kind,
      label: NOTIFICATION_KIND_LABEL[kind],
      delivery: rows.find((r) => r.kind === kind)?.delivery ?? DEFAULT_DELIVERY,
    }));
  }

  async setPreference(
    userId: string,
    kind: NotificationKind,
    delivery: NotificationDelivery,
  ): Promise<NotificationPreferenceModel> {
    if (!Object.values(NotificationKind).includes(kind))
      throw Errors.badInput('Choose a kind of notification from the list.');
    if (!Object.values(NotificationDelivery).includes(delivery))
      throw Errors.badInput('Choose in the app, in the daily email, or off.');
    await this.ds
      .getRepository(NotificationPreferenceEntity)
      .upsert({ userId, kind, delivery }, ['userId', 'kind']);
    return { kind, label: NOTIFICATION_KIND_LABEL[kind], delivery };
  }
}
