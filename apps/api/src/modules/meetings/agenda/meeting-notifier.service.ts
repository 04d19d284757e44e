import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationKind } from '@lantern/shared-domain';
import { NotificationsService, Publish } from '../../notifications/notifications.service';
import { MeetingMailer } from '../meeting-mailer.service';
import type { SeriesRow } from '../meeting-rows';

/**
 * In-app notifications for the agenda, minutes and polls, recorded in the caller's transaction;
 * the returned publishes push them live after commit. Never to the person who caused them.
 */
@Injectable()
export class MeetingNotifier {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly mailer: MeetingMailer,
  ) {}

  /** Everyone a series invites (the scope's invited roles, chair, note-taker, guests). */
  async invitees(m: EntityManager, series: SeriesRow): Promise<string[]> {
    return (await this.mailer.invitees(m, series)).map((p) => p.id);
  }

  async tell(
    m: EntityManager,
    recipients: readonly string[],
    except: string,
    n: { kind: NotificationKind; title: string; link: string },
  ): Promise<Publish[]> {
    const out: Publish[] = [];
    for (const id of new Set(recipients)) {
      if (id === except) continue;
      out.push(
        await this.notifications.notify(m, {
          recipientId: id,
          kind: n.kind,
          title: n.title,
          body: null,
          link: n.link,
        }),
      );
    }
    return out;
  }
}
