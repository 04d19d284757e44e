import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Ctx, SignedIn } from '../../common/auth/decorators';
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
    @Args('show', { type: () => Boolean }) show: boolean,
  ): Promise<ViewerModel> {
    await this.ds.query('UPDATE users SET show_presence = $2 WHERE id = $1', [ctx.session!.userId, show]);
    ctx.loaders.get(UserByIdLoader).clear(ctx.session!.userId);
    return viewerOf(ctx);
  }
}
