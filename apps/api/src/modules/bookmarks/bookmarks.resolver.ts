import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Ctx, SignedIn } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { Connection, pageSize } from '../../common/pagination/connection';
import { BookmarkConnection, BookmarkModel } from './bookmarks.model';
import { BookmarksService } from './bookmarks.service';

/** The viewer's own bookmarks only: nobody can list another person's. */
@Resolver(() => BookmarkModel)
export class BookmarksResolver {
  constructor(private readonly service: BookmarksService) {}

  @Query(() => BookmarkConnection, {
    description: 'Forum threads and library resources the viewer bookmarked and may still see, newest first.',
  })
  @SignedIn()
  myBookmarks(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<BookmarkModel>> {
    return this.service.list(ctx, pageSize(first), after);
  }
}
