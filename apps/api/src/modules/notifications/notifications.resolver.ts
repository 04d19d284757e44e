import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, NotificationDelivery, NotificationKind } from '@lantern/shared-domain';
import { SignedIn, CurrentActor } from '../../common/auth/decorators';
import { Connection, pageSize } from '../../common/pagination/connection';
import { IdArg } from '../../common/validation';
import {
  NotificationConnection,
  NotificationDeliveryEnum,
  NotificationKindEnum,
  NotificationModel,
  NotificationPreferenceModel,
} from './notification.model';
import { NotificationsService } from './notifications.service';

/** Every operation here concerns only the viewer's own notifications. */
@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnection, { description: 'The viewer’s notifications, newest first.' })
  @SignedIn()
  notifications(
    @CurrentActor() actor: Actor,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<NotificationModel>> {
    return this.service.list(actor.userId, unreadOnly, pageSize(first), after);
  }

  @Query(() => Int)
  @SignedIn()
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.service.unreadCount(actor.userId);
  }

  @Query(() => [NotificationPreferenceModel])
  @SignedIn()
  notificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferenceModel[]> {
    return this.service.preferences(actor.userId);
  }

  @Mutation(() => NotificationModel)
  @SignedIn()
  markNotificationRead(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<NotificationModel> {
    return this.service.markRead(actor.userId, id);
  }

  @Mutation(() => Int, { description: 'Mark all the viewer’s notifications read; returns how many changed.' })
  @SignedIn()
  markAllNotificationsRead(@CurrentActor() actor: Actor): Promise<number> {
    return this.service.markAllRead(actor.userId);
  }

  @Mutation(() => NotificationPreferenceModel)
  @SignedIn()
  setNotificationPreference(
    @CurrentActor() actor: Actor,
    @Args('kind', { type: () => NotificationKindEnum }) kind: NotificationKind,
    @Args('delivery', { type: () => NotificationDeliveryEnum }) delivery: NotificationDelivery,
  ): Promise<NotificationPreferenceModel> {
    return this.service.setPreference(actor.userId, kind, delivery);
  }
}
