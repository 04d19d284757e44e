import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  type ForumReplyPartsFragment,
  ForumRepliesDocument,
  ForumReplyDocument,
  ForumReplyThreadDocument,
  ForumThreadDocument,
  MarkForumThreadReadDocument,
} from '@lantern/web-graphql';
import { FakeGraphqlClient, apiError, provideFakeClient } from '../../../testing/fake-client';
import { reply, thread } from '../../../testing/forum-data';
import { ThreadFeedback } from './thread-feedback';
import { ThreadStore } from './thread-store';

function setup(pages: ForumReplyPartsFragment[][] = [[reply('a'), reply('b')]]) {
  const announce = vi.fn().mockResolvedValue(undefined);
  const open = vi.fn();
  const client = new FakeGraphqlClient()
    .on(ForumThreadDocument, { forumThread: thread({ replyCount: 2 }) })
    .on(ForumRepliesDocument, (vars) => {
      const index = vars['after'] ? Number(String(vars['after']).slice(1)) + 1 : 0;
      return {
        forumReplies: {
          nodes: pages[index],
          pageInfo: { hasNextPage: index < pages.length - 1, endCursor: `c${index}` },
          totalCount: pages.flat().length,
        },
      };
    })
    .on(MarkForumThreadReadDocument, { markForumThreadRead: new Date().toISOString() });
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      ThreadFeedback,
      ThreadStore,
      { provide: LiveAnnouncer, useValue: { announce } },
      { provide: MatSnackBar, useValue: { open } },
    ],
  });
  return { store: TestBed.inject(ThreadStore), client, announce, open };
}

const ids = (store: ThreadStore) => store.tree.replies().map((r) => r.id);

describe('ThreadStore', () => {
  it('loads the thread with its reply count', async () => {
    const { store } = setup();
    const loaded = await store.load('th-1');
    expect(loaded?.id).toBe('th-1');
    expect(store.thread()?.title).toBe('How are you evidencing the graduated approach?');
    expect(store.replyCount()).toBe(2);
    expect(store.notFound()).toBe(false);
  });

  it('says "not found" for a thread the viewer cannot see, and gives the message of any other failure', async () => {
    const { store, client } = setup();
    client.on(ForumThreadDocument, () => {
      throw apiError('NOT_FOUND', 'That thread was not found.');
    });
    expect(await store.load('th-1')).toBeNull();
    expect(store.notFound()).toBe(true);
    client.on(ForumThreadDocument, () => {
      throw apiError('SERVICE_UNAVAILABLE', 'Lantern is busy just now.');
    });
    await store.load('th-1');
    expect(store.notFound()).toBe(false);
    expect(store.error()).toBe('Lantern is busy just now.');
  });

  it('ignores the answer for a thread that is no longer the one shown', async () => {
    const { store, client } = setup();
    let answerFirst: (value: unknown) => void = () => undefined;
    client.on(ForumThreadDocument, (vars) =>
      vars['id'] === 'th-old'
        ? new Promise((resolve) => (answerFirst = resolve))
        : { forumThread: thread({ id: 'th-new', title: 'The newer one' }) },
    );
    const first = store.load('th-old');
    await store.load('th-new');
    answerFirst({ forumThread: thread({ id: 'th-old', title: 'The older one' }) });
    expect(await first).toBeNull();
    expect(store.thread()?.title).toBe('The newer one');
  });

  it('loads replies page by page, says how many more came, and starts again when the sort changes', async () => {
    const { store, client, announce } = setup([[reply('a'), reply('b')], [reply('c')]]);
    await store.load('th-1');
    await store.loadReplies(true);
    expect(ids(store)).toEqual(['a', 'b']);
    expect(store.hasMore()).toBe(true);
    await store.loadReplies(false);
    expect(ids(store)).toEqual(['a', 'b', 'c']);
    expect(store.hasMore()).toBe(false);
    expect(announce).toHaveBeenCalledWith('1 more reply loaded.');
    store.changeSort('NEWEST');
    await vi.waitFor(() => expect(ids(store)).toEqual(['a', 'b']));
    expect(client.callsOf(ForumRepliesDocument).map((v) => [v['sort'], v['after']])).toEqual([
      ['OLDEST', null],
      ['OLDEST', 'c0'],
      ['NEWEST', null],
    ]);
  });

  it('keeps the replies already shown when a page fails, with the reason', async () => {
    const { store, client } = setup([[reply('a')], [reply('b')]]);
    await store.load('th-1');
    await store.loadReplies(true);
    client.on(ForumRepliesDocument, () => {
      throw apiError('SERVICE_UNAVAILABLE', 'Lantern is busy just now.');
    });
    await store.loadReplies(false);
    expect(ids(store)).toEqual(['a']);
    expect(store.repliesError()).toBe('Lantern is busy just now.');
    expect(store.repliesLoading()).toBe(false);
  });

  it('runs the live sync’s hook once a page of replies is in place', async () => {
    const { store } = setup();
    const seen: string[][] = [];
    store.onRepliesLoaded(async () => void seen.push(ids(store)));
    await store.load('th-1');
    await store.loadReplies(true);
    expect(seen).toEqual([['a', 'b']]);
  });

  it('counts a new reply once, at the top when the newest come first', async () => {
    const { store } = setup();
    await store.load('th-1');
    await store.loadReplies(true);
    store.sort.set('NEWEST');
    expect(store.insertReply(reply('n'))).toBe(true);
    expect(store.insertReply(reply('n'))).toBe(false);
    expect(ids(store)).toEqual(['n', 'a', 'b']);
    expect(store.replyCount()).toBe(3);
  });

  it('shows a newer copy of the accepted answer above the tree and in it', async () => {
    const { store, client } = setup();
    client.on(ForumThreadDocument, { forumThread: thread({ acceptedReplyId: 'b' }) });
    client.on(ForumReplyDocument, { forumReply: reply('b', { accepted: true }) });
    await store.load('th-1');
    await store.loadAccepted('b');
    await store.loadReplies(true);
    store.markAccepted('b');
    expect(store.tree.get('b')?.accepted).toBe(true);
    expect(store.tree.get('a')?.accepted).toBe(false);
    store.replaceReply(reply('b', { accepted: true, body: 'Edited' }));
    expect(store.accepted()?.body).toBe('Edited');
    expect(store.findReply('b')?.body).toBe('Edited');
  });

  it('shows the replies deeper than a page in place, and says so', async () => {
    const { store, client, announce } = setup([
      [reply('a'), reply('d5', { parentId: 'a', depth: 5, continues: true })],
    ]);
    client.on(ForumReplyThreadDocument, {
      forumReplyThread: [reply('d5', { parentId: 'a', depth: 5 }), reply('d6', { parentId: 'd5', depth: 6 })],
    });
    await store.load('th-1');
    await store.loadReplies(true);
    await store.continueThread(reply('d5', { parentId: 'a', depth: 5, continues: true }));
    expect(ids(store)).toEqual(['a', 'd5', 'd6']);
    expect(announce).toHaveBeenCalledWith('1 more reply shown under this reply.');
    expect(store.continuing()).toBeNull();
  });
});
