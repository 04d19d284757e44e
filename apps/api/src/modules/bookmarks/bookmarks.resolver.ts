import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lantern/shared-domain';
import { SignedIn, CurrentActor } from '../../common/auth/decorators';
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
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<BookmarkModel>> {
    return this.service.list(actor, pageSize(first), after);
  }
}
