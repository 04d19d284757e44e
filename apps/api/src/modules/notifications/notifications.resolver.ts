import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NotificationDelivery, NotificationKind } from '@lantern/shared-domain';
import { Ctx, SignedIn } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
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
    @Ctx() ctx: RequestContext,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<NotificationModel>> {
    return this.service.list(ctx.session!.userId, unreadOnly, pageSize(first), after);
  }

  @Query(() => Int)
  @SignedIn()
  unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    return this.service.unreadCount(ctx.session!.userId);
  }

  @Query(() => [NotificationPreferenceModel])
  @SignedIn()
  notificationPreferences(@Ctx() ctx: RequestContext): Promise<NotificationPreferenceModel[]> {
    return this.service.preferences(ctx.session!.userId);
  }

  @Mutation(() => NotificationModel)
  @SignedIn()
  markNotificationRead(@Ctx() ctx: RequestContext, @IdArg('id') id: string): Promise<NotificationModel> {
    return this.service.markRead(ctx.session!.userId, id);
  }

  @Mutation(() => Int, { description: 'Mark all the viewer’s notifications read; returns how many changed.' })
  @SignedIn()
  markAllNotificationsRead(@Ctx() ctx: RequestContext): Promise<number> {
    return this.service.markAllRead(ctx.session!.userId);
  }

  @Mutation(() => NotificationPreferenceModel)
  @SignedIn()
  setNotificationPreference(
    @Ctx() ctx: RequestContext,
    @Args('kind', { type: () => NotificationKindEnum }) kind: NotificationKind,
    @Args('delivery', { type: () => NotificationDeliveryEnum }) delivery: NotificationDelivery,
  ): Promise<NotificationPreferenceModel> {
    return this.service.setPreference(ctx.session!.userId, kind, delivery);
  }
}
