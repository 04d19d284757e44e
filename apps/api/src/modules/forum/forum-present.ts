import type { Actor } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { UserByIdLoader } from '../users/users.loader';
import { toUser } from '../users/user.mapper';
import { ForumAuthorModel } from './forum.model';

/**
 * The author of a post as this viewer may see them. An anonymous author is hidden in every field
 * (no name, no user, no id) from everyone except moderators of the category and the author.
 */
export async function presentAuthor(
  ctx: RequestContext,
  actor: Actor,
  post: { authorId: string; anonymous: boolean; deletedAt: Date | null },
  moderator: boolean,
): Promise<ForumAuthorModel> {
  const isViewer = post.authorId === actor.userId;
  if (post.deletedAt && !moderator)
    return { label: 'Deleted', user: null, anonymous: post.anonymous, isViewer };
  if (post.anonymous && !moderator)
    return { label: isViewer ? 'You (anonymously)' : 'Anonymous', user: null, anonymous: true, isViewer };
  const user = await ctx.loaders.get(UserByIdLoader).load(post.authorId);
  const name = user?.displayName ?? 'Former member';
  return {
    label: post.anonymous ? `${name} (asked anonymously)` : name,
    user: user ? toUser(user) : null,
    anonymous: post.anonymous,
    isViewer,
  };
}
