import { Module } from '@nestjs/common';
import { ForumModule } from '../forum/forum.module';
import { LibraryModule } from '../library/library.module';
import { BookmarksResolver } from './bookmarks.resolver';
import { BookmarksService } from './bookmarks.service';

@Module({
  imports: [ForumModule, LibraryModule],
  providers: [BookmarksService, BookmarksResolver],
})
export class BookmarksModule {}
