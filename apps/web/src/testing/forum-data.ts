import type {
  ForumCategoryPartsFragment,
  ForumReplyPartsFragment,
  ForumThreadPartsFragment,
} from '@lantern/web-graphql';

/** Test data for the forum specs. */
export function reply(id: string, extra: Partial<ForumReplyPartsFragment> = {}): ForumReplyPartsFragment {
  return {
    id,
    threadId: 'th-1',
    parentId: null,
    depth: 0,
    body: `Body ${id}`,
    bodyHtml: `<p>Body ${id}</p>`,
    createdAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    editedAt: null,
    deleted: false,
    accepted: false,
    helpfulCount: 0,
    reactions: { helpful: 0, thanks: 0, mine: [] },
    continues: false,
    author: { label: `Author ${id}`, anonymous: false, isViewer: false },
    ...extra,
  };
}

export const CATEGORY: ForumCategoryPartsFragment = {
  id: 'cat-essex',
  name: 'EHCP requests: Essex',
  description: 'Evidence, timelines and what the Essex panel asks for.',
  threadCount: 3,
  canModerate: false,
  roles: null,
  trust: null,
};

export function thread(extra: Partial<ForumThreadPartsFragment> = {}): ForumThreadPartsFragment {
  return {
    id: 'th-1',
    kind: 'QUESTION',
    title: 'How are you evidencing the graduated approach?',
    tags: ['ehcp', 'essex'],
    createdAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    lastActivityAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    replyCount: 0,
    acceptedReplyId: null,
    pinned: false,
    locked: false,
    deleted: false,
    author: { label: 'SENCO, Holy Family Primary', anonymous: false, isViewer: true },
    category: CATEGORY,
    body: 'What do you send?',
    bodyHtml: '<p>What do you send?</p>',
    editedAt: null,
    canAccept: true,
    canEdit: true,
    viewerState: { bookmarked: false, watching: false, lastReadAt: null },
    ...extra,
  };
}
