import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@lantern/shared-domain';
import { Ctx, CurrentActor, SignedIn } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { viewerOf } from '../auth/auth.resolver';
import { ViewerModel } from '../auth/viewer.model';
import { UserByIdLoader } from '../users/users.loader';

@Resolver()
export class PresenceResolver {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Mutation(() => ViewerModel, {
    description: 'Show or hide when the viewer is online (hidden: always offline to others).',
  })
  @SignedIn()
  async setShowPresence(
    @Ctx() ctx: RequestContext,
    @CurrentActor() actor: Actor,
    @Args('show', { type: () => Boolean }) show: boolean,
  ): Promise<ViewerModel> {
    await this.ds.query('UPDATE users SET show_presence = $2 WHERE id = $1', [actor.userId, show]);
    ctx.loaders.get(UserByIdLoader).clear(actor.userId);
    return viewerOf(ctx);
  }
}
