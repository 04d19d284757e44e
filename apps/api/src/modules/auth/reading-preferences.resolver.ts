import { Mutation, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InputArg } from '../../common/validation';
import { Ctx, SignedIn } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { UserByIdLoader } from '../users/users.loader';
import { viewerOf } from './auth.resolver';
import { ReadingPreferencesInput } from './reading-preferences.model';
import { ViewerModel } from './viewer.model';

@Resolver()
export class ReadingPreferencesResolver {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Always the session's own person: there is no argument naming anyone else. */
  @Mutation(() => ViewerModel, { description: "Save the signed-in person's reading mode." })
  @SignedIn()
  async updateReadingPreferences(
    @Ctx() ctx: RequestContext,
    @InputArg('input', ReadingPreferencesInput) input: ReadingPreferencesInput,
  ): Promise<ViewerModel> {
    const userId = ctx.session!.userId;
    await this.ds.query(
      `UPDATE users SET reading_font = $2, reading_text_size = $3, reading_wide_spacing = $4,
         reading_tint = $5, reduce_motion = $6
       WHERE id = $1`,
      [userId, input.readableFont, input.textSize, input.wideSpacing, input.tint, input.reduceMotion],
    );
    ctx.loaders.get(UserByIdLoader).clear(userId);
    return viewerOf(ctx);
  }
}
