import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { Role } from '@lantern/shared-domain';
import {
  AcceptForumAnswerDocument,
  BookmarkForumThreadDocument,
  type ForumReplyPartsFragment,
  type ForumThreadPartsFragment,
  ForumRepliesDocument,
  ForumReplyDocument,
  ForumReplyLocationDocument,
  ForumReplyThreadDocument,
  ForumRevisionsDocument,
  ForumThreadDocument,
  LoginDocument,
  MarkForumThreadReadDocument,
  ModerateForumDocument,
  ReactToForumReplyDocument,
  ReplyInForumDocument,
  ReportForumPostDocument,
  WatchForumThreadDocument,
} from '@lantern/web-graphql';
import { apiError } from '../../../testing/fake-client';
import { FakeGraphqlClient, provideFakeClient, viewer } from '../../../testing/fake-client';
import { provideFakeSockets, settle, startRealtime } from '../../../testing/fake-socket';
import { Session } from '../../core/session';
import { CATEGORY, reply, thread } from '../../../testing/forum-data';
import { ForumThreadPage } from './thread.page';

const STREAM = 'forum-thread:th-1';

async function render(
  options: {
    replies?: ForumReplyPartsFragment[];
    extra?: ForumReplyPartsFragment[];
    accepted?: string;
    thread?: Partial<ForumThreadPartsFragment>;
    /** Pages of top-level replies (with their trees), fetched with cursors p1, p2, … */
    pages?: ForumReplyPartsFragment[][];
    /** ?reply= */
    target?: string;
  } = {},
) {
  const replies = options.pages?.[0] ??
    options.replies ?? [
      reply('a', { author: { label: 'SENCO, Holy Cross Primary', anonymous: false, isViewer: false } }),
      reply('a1', { parentId: 'a', depth: 1 }),
      reply('b'),
    ];
  const all = new Map(
    [...replies, ...(options.pages ?? []).flat(), ...(options.extra ?? [])].map((r) => [r.id, r]),
  );
  const ancestorsOf = (r: ForumReplyPartsFragment): string[] => {
    const parent = r.parentId ? all.get(r.parentId) : undefined;
    return parent ? [...ancestorsOf(parent), parent.id] : [];
  };
  let current = thread({
    replyCount: replies.length,
    acceptedReplyId: options.accepted ?? null,
    ...options.thread,
  });
  const sockets = provideFakeSockets();
  const announce = vi.fn().mockResolvedValue(undefined);
  const client = new FakeGraphqlClient()
    .on(LoginDocument, { login: viewer(['forum.use'], [{ role: Role.Senco, schoolId: 's-hf' }]) })
    .on(ForumThreadDocument, () => ({ forumThread: current }))
    .on(ForumRepliesDocument, (vars) => {
      if (!options.pages) {
        return {
          forumReplies: { nodes: replies, pageInfo: { hasNextPage: false, endCursor: 'c1' }, totalCount: 2 },
        };
      }
      const page = vars['after'] ? Number(String(vars['after']).slice(1)) : 0;
      return {
        forumReplies: {
          nodes: options.pages[page],
          pageInfo: { hasNextPage: page + 1 < options.pages.length, endCursor: `p${page + 1}` },
          totalCount: 99,
        },
      };
    })
    .on(ForumReplyLocationDocument, (vars) => {
      const found = all.get(String(vars['id']));
      if (!found) throw apiError('NOT_FOUND', 'That reply was not found.');
      return { forumReply: { ...found, ancestorIds: ancestorsOf(found) } };
    })
    .on(ForumReplyDocument, (vars) => {
      const found = all.get(String(vars['id']));
      if (!found) throw apiError('NOT_FOUND', `No reply ${String(vars['id'])}.`);
      return { forumReply: found };
    })
    .on(ForumReplyThreadDocument, (vars) => ({
      forumReplyThread: [...all.values()].filter((r) => r.id === vars['replyId'] || r.depth > 5),
    }))
    .on(MarkForumThreadReadDocument, { markForumThreadRead: new Date().toISOString() })
    .on(AcceptForumAnswerDocument, (vars) => {
      current = { ...current, acceptedReplyId: (vars['replyId'] as string) ?? null };
      return { acceptForumAnswer: current };
    });
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      ...sockets.providers,
      { provide: LiveAnnouncer, useValue: { announce } },
      { provide: MatSnackBar, useValue: { open: vi.fn() } },
    ],
  });
  await TestBed.inject(Session).signIn('a@b.test', 'pw');
  await startRealtime();
  const socket = sockets.last();
  socket.accept();
  const fixture = TestBed.createComponent(ForumThreadPage);
  fixture.componentRef.setInput('id', 'th-1');
  if (options.target) fixture.componentRef.setInput('reply', options.target);
  const el = fixture.nativeElement as HTMLElement;
  const stable = async () => {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
    await settle();
    fixture.detectChanges();
  };
  fixture.detectChanges();
  await vi.waitFor(async () => {
    await stable();
    expect(el.querySelector('ul.tree')).toBeTruthy();
  });
  const replyEl = (id: string) => el.querySelector<HTMLElement>(`#reply-${id}`);
  const button = (root: ParentNode, text: string | RegExp) =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) =>
      typeof text === 'string'
        ? b.textContent?.replace(/\s+/g, ' ').trim() === text
        : text.test(b.textContent ?? ''),
    );
  return { fixture, el, client, socket, announce, stable, replyEl, button, all };
}

describe('Forum thread page', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  it('shows the opening post and the replies nested, each with collapse and expand', async () => {
    const { el, replyEl, button, stable } = await render();
    expect(el.querySelector('h1')?.textContent?.trim()).toBe(
      'How are you evidencing the graduated approach?',
    );
    expect(el.textContent).toContain('Question');
    expect(el.textContent).toContain('Not answered yet');
    // a1 sits in a's list of replies.
    expect(el.querySelector('#children-a #reply-a1')).toBeTruthy();
    const toggle = button(replyEl('a')!, /Hide 1 reply/)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe('children-a');
    toggle.click();
    await stable();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toContain('Show 1 reply');
    expect((el.querySelector('#children-a') as HTMLElement).hidden).toBe(true);
  });

  it('subscribes to the thread’s stream and inserts a new reply live, nested under its parent, and says so politely', async () => {
    const live = reply('live', {
      parentId: 'a',
      depth: 1,
      author: { label: 'SENCO, Holy Cross Primary', anonymous: false, isViewer: false },
    });
    const { el, socket, stable, announce } = await render({ extra: [live] });
    expect(socket.emitsOf('stream:subscribe').map((e) => e.payload)).toEqual([{ stream: STREAM }]);
    socket.answer('stream:subscribe', { ok: true, items: [], lastSeq: 4, more: false });
    await stable();

    socket.push(STREAM, 5, { replyId: 'live', parentId: 'a' });
    await vi.waitFor(async () => {
      await stable();
      expect(el.querySelector('#children-a #reply-live')).toBeTruthy();
    });
    // After a's other reply, in tree order.
    const under = Array.from(el.querySelectorAll('#children-a > li > article')).map((a) => a.id);
    expect(under).toEqual(['reply-a1', 'reply-live']);
    expect(announce).toHaveBeenCalledWith('New reply from SENCO, Holy Cross Primary', 'polite');
    expect(el.querySelector('#replies-heading')?.textContent).toContain('Replies (4)');

    // The same item again (a reconnect) changes nothing.
    socket.push(STREAM, 5, { replyId: 'live', parentId: 'a' });
    await stable();
    expect(el.querySelectorAll('#reply-live')).toHaveLength(1);
  });

  it('adds a new top-level reply at the end', async () => {
    const { el, socket, stable } = await render({ extra: [reply('top')] });
    socket.answer('stream:subscribe', { ok: true, items: [], lastSeq: 0, more: false });
    await stable();
    socket.push(STREAM, 1, { replyId: 'top', parentId: null });
    await vi.waitFor(async () => {
      await stable();
      expect(Array.from(el.querySelectorAll('ul.tree > li > article')).map((a) => a.id)).toEqual([
        'reply-a',
        'reply-b',
        'reply-top',
      ]);
    });
  });

  describe('keyboard focus', () => {
    it('puts focus on the thread’s heading once it has loaded, not on the page body', async () => {
      (document.activeElement as HTMLElement | null)?.blur();
      const { el, stable } = await render();
      await vi.waitFor(async () => {
        await stable();
        expect(document.activeElement).toBe(el.querySelector('#thread-title'));
      });
      expect(el.querySelector('#thread-title')?.getAttribute('tabindex')).toBe('-1');
    });

    it('focuses the new reply after posting one', async () => {
      const { el, client, stable } = await render();
      client.on(ReplyInForumDocument, {
        replyInForum: reply('mine', { author: { label: 'You', anonymous: false, isViewer: true } }),
      });
      const body = el.querySelector('lan-forum-composer textarea') as HTMLTextAreaElement;
      body.value = 'We send the one-page profile.';
      body.dispatchEvent(new Event('input'));
      await stable();
      const post = Array.from(el.querySelectorAll<HTMLButtonElement>('button[type="submit"]')).find((b) =>
        /Post answer/.test(b.textContent ?? ''),
      )!;
      post.click();
      await vi.waitFor(async () => {
        await stable();
        expect(document.activeElement?.id).toBe('reply-mine');
      });
    });
  });

  it('shows the accepted answer first, labelled, fetched by its id', async () => {
    const { el, client } = await render({
      replies: [reply('a'), reply('b', { accepted: true, bodyHtml: '<p>The accepted one</p>' })],
      accepted: 'b',
    });
    await vi.waitFor(() => expect(el.querySelector('section.accepted-answer')).toBeTruthy());
    const section = el.querySelector('section.accepted-answer') as HTMLElement;
    expect(section.querySelector('h2')?.textContent).toContain('Accepted answer');
    expect(section.textContent).toContain('The accepted one');
    expect(client.callsOf(ForumReplyDocument)).toEqual([{ id: 'b' }]);
    // It comes before the replies.
    expect(
      section.compareDocumentPosition(el.querySelector('section.replies')!) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('lets the asker accept an answer', async () => {
    const { el, replyEl, button, stable, client } = await render();
    button(replyEl('b')!, 'Accept this answer')!.click();
    await vi.waitFor(async () => {
      await stable();
      expect(el.querySelector('section.accepted-answer')).toBeTruthy();
    });
    expect(client.callsOf(AcceptForumAnswerDocument)).toEqual([{ threadId: 'th-1', replyId: 'b' }]);
    expect(replyEl('b')?.textContent).toContain('Accepted answer');
    expect(button(replyEl('b')!, 'Accept this answer')).toBeUndefined();
  });

  it('offers "Continue this thread" past the depth limit and shows the deeper replies in place', async () => {
    const { el, replyEl, button, stable } = await render({
      replies: [reply('a'), reply('d5', { parentId: 'a', depth: 5, continues: true })],
      extra: [reply('d6', { parentId: 'd5', depth: 6 })],
    });
    button(replyEl('d5')!, 'Continue this thread')!.click();
    await vi.waitFor(async () => {
      await stable();
      expect(el.querySelector('#children-d5 #reply-d6')).toBeTruthy();
    });
    expect(button(replyEl('d5')!, 'Continue this thread')).toBeUndefined();
  });

  it('shows a placeholder for a deleted reply and keeps its replies', async () => {
    const { el, replyEl } = await render({
      replies: [
        reply('a', {
          deleted: true,
          body: '',
          bodyHtml: '',
          author: { label: 'Deleted', anonymous: false, isViewer: false },
        }),
        reply('a1', { parentId: 'a', depth: 1 }),
      ],
    });
    expect(replyEl('a')?.textContent).toContain('This post was deleted');
    expect(el.querySelector('#children-a #reply-a1')).toBeTruthy();
  });

  it('sanitises the API’s HTML again before showing it', async () => {
    const { replyEl } = await render({
      replies: [
        reply('x', {
          bodyHtml: '<p>ok</p><img src="x" onerror="window.__xss=1"><a href="javascript:alert(1)">l</a>',
        }),
      ],
    });
    const el = replyEl('x')!;
    expect(el.querySelector('[onerror]')).toBeNull();
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('a')?.getAttribute('href')).toBeNull();
  });

  describe('reactions', () => {
    const must = <T>(value: T | null | undefined): T => {
      expect(value).toBeTruthy();
      return value as T;
    };
    const replies = () => [
      reply('a', { reactions: { helpful: 2, thanks: 0, mine: ['HELPFUL'] }, helpfulCount: 2 }),
      reply('mine', {
        author: { label: 'You', anonymous: false, isViewer: true },
        reactions: { helpful: 1, thanks: 3, mine: [] },
      }),
    ];

    it('offers Helpful and Thanks as toggle buttons with counts, pressed where the viewer reacted', async () => {
      const { replyEl, button } = await render({ replies: replies() });
      const at = (id: string) => must(replyEl(id));
      const helpful = must(button(at('a'), /Helpful/));
      const thanks = must(button(at('a'), /Thanks/));
      expect(helpful.textContent?.replace(/\s+/g, ' ').trim()).toBe('Helpful 2');
      expect(helpful.getAttribute('aria-pressed')).toBe('true');
      expect(thanks.textContent?.replace(/\s+/g, ' ').trim()).toBe('Thanks 0');
      expect(thanks.getAttribute('aria-pressed')).toBe('false');
      expect(at('a').querySelector('[role="group"]')?.getAttribute('aria-label')).toBe(
        'Reactions to Author a',
      );
    });

    it('has no reaction buttons on the viewer’s own reply, only the counts', async () => {
      const { replyEl, button } = await render({ replies: replies() });
      const at = (id: string) => must(replyEl(id));
      expect(button(at('mine'), /Helpful|Thanks/)).toBeUndefined();
      expect(at('mine').textContent).toContain('Helpful 1 · Thanks 3');
    });

    it('toggles a reaction on and off, sending each change', async () => {
      const { replyEl, button, client, stable } = await render({ replies: replies() });
      const at = (id: string) => must(replyEl(id));
      client.on(ReactToForumReplyDocument, { reactToForumReply: true });
      must(button(at('a'), /Thanks/)).click();
      await stable();
      let thanks = must(button(at('a'), /Thanks/));
      expect(thanks.getAttribute('aria-pressed')).toBe('true');
      expect(thanks.textContent).toContain('1');
      must(button(at('a'), /Helpful/)).click();
      await stable();
      const helpful = must(button(at('a'), /Helpful/));
      expect(helpful.getAttribute('aria-pressed')).toBe('false');
      expect(helpful.textContent?.replace(/\s+/g, ' ').trim()).toBe('Helpful 1');
      thanks = must(button(at('a'), /Thanks/));
      expect(thanks.getAttribute('aria-pressed')).toBe('true');
      expect(client.callsOf(ReactToForumReplyDocument)).toEqual([
        { replyId: 'a', kind: 'THANKS', on: true },
        { replyId: 'a', kind: 'HELPFUL', on: false },
      ]);
    });

    it('puts the reaction back when the API refuses it', async () => {
      const { replyEl, button, client, stable } = await render({ replies: replies() });
      const at = (id: string) => must(replyEl(id));
      client.on(ReactToForumReplyDocument, () => {
        throw apiError('CONFLICT', 'That reply was deleted.');
      });
      must(button(at('a'), /Thanks/)).click();
      await stable();
      const thanks = must(button(at('a'), /Thanks/));
      expect(thanks.getAttribute('aria-pressed')).toBe('false');
      expect(thanks.textContent).toContain('0');
    });
  });

  describe('bookmark, watch and what is new', () => {
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const replies = () => [
      reply('old', { createdAt: ago(50) }),
      reply('old-child', { parentId: 'old', depth: 1, createdAt: ago(5) }),
      reply('mine-new', { createdAt: ago(4), author: { label: 'You', anonymous: false, isViewer: true } }),
      reply('later', { createdAt: ago(3) }),
    ];

    it('shows Bookmark and Watch as toggles from viewerState and sends each change', async () => {
      const { el, button, client, stable } = await render({
        thread: { viewerState: { bookmarked: true, watching: false, lastReadAt: null } },
      });
      client
        .on(BookmarkForumThreadDocument, { bookmarkForumThread: true })
        .on(WatchForumThreadDocument, { watchForumThread: true });
      const toolbar = el.querySelector('[aria-label="Your thread settings"]') as HTMLElement;
      const bookmark = button(toolbar, 'Bookmarked') as HTMLButtonElement;
      const watch = button(toolbar, 'Watch') as HTMLButtonElement;
      expect(bookmark.getAttribute('aria-pressed')).toBe('true');
      expect(watch.getAttribute('aria-pressed')).toBe('false');
      watch.click();
      await stable();
      expect(watch.getAttribute('aria-pressed')).toBe('true');
      // The label says the state too: "Watching" when on, "Bookmark" when off.
      expect(watch.textContent?.replace(/\s+/g, ' ').trim()).toBe('Watching');
      bookmark.click();
      await stable();
      expect(bookmark.getAttribute('aria-pressed')).toBe('false');
      expect(bookmark.textContent?.replace(/\s+/g, ' ').trim()).toBe('Bookmark');
      expect(client.callsOf(WatchForumThreadDocument)).toEqual([{ threadId: 'th-1', on: true }]);
      expect(client.callsOf(BookmarkForumThreadDocument)).toEqual([{ threadId: 'th-1', on: false }]);
    });

    it('puts a toggle back when the API refuses it', async () => {
      const { el, button, client, stable } = await render();
      client.on(WatchForumThreadDocument, () => {
        throw apiError('NOT_FOUND', 'That thread was not found.');
      });
      const watch = button(el, 'Watch') as HTMLButtonElement;
      watch.click();
      await stable();
      expect(watch.getAttribute('aria-pressed')).toBe('false');
    });

    it('marks the first reply by someone else since the last visit, then marks the thread read', async () => {
      const { el, client, stable } = await render({
        replies: replies(),
        thread: { viewerState: { bookmarked: false, watching: false, lastReadAt: ago(10) } },
      });
      await stable();
      const markers = el.querySelectorAll('.new-marker');
      expect(markers).toHaveLength(1);
      expect(markers[0].textContent?.trim()).toBe('New since your last visit');
      // The marker sits right before the reply it introduces (old-child, nested under old).
      expect(markers[0].nextElementSibling?.id).toBe('reply-old-child');
      expect(client.callsOf(MarkForumThreadReadDocument)).toEqual([{ threadId: 'th-1' }]);
    });

    it('skips the viewer’s own new replies when placing the marker', async () => {
      const { el, stable } = await render({
        replies: replies(),
        thread: { viewerState: { bookmarked: false, watching: false, lastReadAt: ago(4.5) } },
      });
      await stable();
      expect(el.querySelector('.new-marker')?.nextElementSibling?.id).toBe('reply-later');
    });

    it('shows no marker on a first visit, or when nothing is new', async () => {
      let r = await render({ replies: replies() });
      await r.stable();
      expect(r.el.querySelector('.new-marker')).toBeNull();
      expect(r.client.callsOf(MarkForumThreadReadDocument)).toHaveLength(1);
      TestBed.resetTestingModule();
      r = await render({
        replies: replies(),
        thread: { viewerState: { bookmarked: false, watching: false, lastReadAt: ago(1) } },
      });
      await r.stable();
      expect(r.el.querySelector('.new-marker')).toBeNull();
    });
  });

  describe('reports and moderation', () => {
    const overlayButton = (text: string) =>
      Array.from(document.querySelectorAll<HTMLButtonElement>('.cdk-overlay-container button')).find(
        (b) => b.textContent?.replace(/\s+/g, ' ').trim() === text,
      );

    it('offers no moderation menu to people who do not moderate the category', async () => {
      const { el, button } = await render();
      expect(button(el, /Moderate/)).toBeUndefined();
      // Others' posts can be reported; the viewer's own opening post cannot.
      expect(button(el.querySelector('#reply-a') as HTMLElement, /Report/)).toBeTruthy();
      expect(el.querySelector('#thread-report-actions')).toBeNull();
    });

    it('labels Edit and Delete by whose opening post it is', async () => {
      const own = await render();
      const actions = () => own.el.querySelector('#thread-actions') as HTMLElement;
      expect(own.button(actions(), 'Edit your opening post')).toBeTruthy();
      expect(own.button(actions(), 'Delete your opening post')).toBeTruthy();
      TestBed.resetTestingModule();
      const other = await render({
        thread: {
          category: { ...CATEGORY, canModerate: true },
          author: { label: 'SENCO, Holy Cross Primary', anonymous: false, isViewer: false },
        },
      });
      const modActions = other.el.querySelector('#thread-actions') as HTMLElement;
      expect(other.button(modActions, 'Edit opening post')).toBeTruthy();
      expect(other.button(modActions, 'Delete opening post')).toBeTruthy();
      expect(modActions.textContent).not.toContain('your');
    });

    it('gives moderators a menu per thread and per reply', async () => {
      const { el, button, client, stable } = await render({
        thread: { category: { ...CATEGORY, canModerate: true }, pinned: true },
      });
      client.on(ModerateForumDocument, { moderateForum: true });
      const threadMenu = button(el, 'Moderate thread') as HTMLButtonElement;
      expect(threadMenu).toBeTruthy();
      const replyMenu = button(el.querySelector('#reply-a') as HTMLElement, /Moderate/) as HTMLButtonElement;
      expect(replyMenu.textContent?.replace(/\s+/g, ' ').trim()).toBe(
        'Moderate reply by SENCO, Holy Cross Primary',
      );
      threadMenu.click();
      await stable();
      const items = Array.from(document.querySelectorAll('.cdk-overlay-container [mat-menu-item]')).map((b) =>
        b.textContent?.trim(),
      );
      expect(items).toEqual(['Hide', 'Show again', 'Lock', 'Unpin', 'Move to…']);
      (overlayButton('Unpin') as HTMLButtonElement).click();
      await stable();
      await vi.waitFor(() =>
        expect(client.callsOf(ModerateForumDocument)).toEqual([
          { action: 'UNPIN', threadId: 'th-1', replyId: null, categoryId: null },
        ]),
      );
    });

    it('asks before hiding a reply', async () => {
      const { el, button, client, stable } = await render({
        thread: { category: { ...CATEGORY, canModerate: true } },
      });
      client.on(ModerateForumDocument, { moderateForum: true });
      (button(el.querySelector('#reply-b') as HTMLElement, /Moderate/) as HTMLButtonElement).click();
      await stable();
      (overlayButton('Hide') as HTMLButtonElement).click();
      await stable();
      await vi.waitFor(() => expect(document.querySelector('[role="alertdialog"]')).toBeTruthy());
      expect(client.callsOf(ModerateForumDocument)).toEqual([]);
      (overlayButton('Hide reply') as HTMLButtonElement).click();
      await vi.waitFor(() =>
        expect(client.callsOf(ModerateForumDocument)).toEqual([
          { action: 'HIDE', threadId: 'th-1', replyId: 'b', categoryId: null },
        ]),
      );
    });

    it('reports a reply with a reason', async () => {
      const { el, button, client, stable } = await render();
      client.on(ReportForumPostDocument, { reportForumPost: true });
      (button(el.querySelector('#reply-b') as HTMLElement, /Report/) as HTMLButtonElement).click();
      await stable();
      await vi.waitFor(() => expect(document.querySelector('.cdk-overlay-container textarea')).toBeTruthy());
      expect(document.querySelector('.cdk-overlay-container h2')?.textContent).toContain(
        'Report this reply by Author b',
      );
      // Too short: not sent.
      (overlayButton('Send report') as HTMLButtonElement).click();
      await stable();
      expect(client.callsOf(ReportForumPostDocument)).toEqual([]);
      const area = document.querySelector('.cdk-overlay-container textarea') as HTMLTextAreaElement;
      area.value = '  Names a pupil.  ';
      area.dispatchEvent(new Event('input'));
      (overlayButton('Send report') as HTMLButtonElement).click();
      await vi.waitFor(() =>
        expect(client.callsOf(ReportForumPostDocument)).toEqual([
          { threadId: 'th-1', replyId: 'b', reason: 'Names a pupil.' },
        ]),
      );
    });
  });

  it('opens the edit history from "edited", with added and removed lines said in words', async () => {
    const { el, client, stable } = await render({
      replies: [reply('e', { body: 'First line\nBetter second line', editedAt: new Date().toISOString() })],
    });
    client.on(ForumRevisionsDocument, {
      forumRevisions: [
        {
          id: 'rev-1',
          title: null,
          body: 'First line\nSecond line',
          createdAt: new Date().toISOString(),
          editor: { label: 'Author e', anonymous: false, isViewer: false },
        },
      ],
    });
    const edited = el.querySelector('#reply-e button.edited') as HTMLButtonElement;
    expect(edited.textContent?.replace(/\s+/g, ' ').trim()).toBe('edited: show the edit history');
    edited.click();
    await stable();
    await vi.waitFor(() => expect(document.querySelector('.cdk-overlay-container ol.diff')).toBeTruthy());
    expect(client.callsOf(ForumRevisionsDocument)).toEqual([{ threadId: 'th-1', replyId: 'e' }]);
    const dialog = document.querySelector('.cdk-overlay-container [role="dialog"]') as HTMLElement;
    expect(dialog.querySelector('h2')?.textContent).toContain('Edit history of the reply by Author e');
    const lines = Array.from(dialog.querySelectorAll('ol.diff li')).map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(lines).toEqual(['First line', '−Removed: Second line', '+Added: Better second line']);
  });

  describe('live changes by other people', () => {
    async function live(options: Parameters<typeof render>[0] = {}) {
      const r = await render(options);
      r.socket.answer('stream:subscribe', { ok: true, items: [], lastSeq: 0, more: false });
      await r.stable();
      return r;
    }

    it('replaces an edited reply in place and says so politely', async () => {
      const { el, socket, stable, announce, all } = await live();
      all.set('b', {
        ...all.get('b')!,
        body: 'Changed',
        bodyHtml: '<p>Changed</p>',
        editedAt: new Date().toISOString(),
      });
      socket.push(STREAM, 1, { type: 'reply-changed', replyId: 'b', what: 'edited' });
      await vi.waitFor(async () => {
        await stable();
        expect(el.querySelector('#reply-b')?.textContent).toContain('Changed');
      });
      expect(announce).toHaveBeenCalledWith('A reply by Author b was edited.', 'polite');
    });

    it('shows the placeholder for a reply deleted by its author, keeping the replies under it', async () => {
      const { el, socket, stable, all } = await live();
      all.set('a', {
        ...all.get('a')!,
        deleted: true,
        body: '',
        bodyHtml: '',
        author: { label: 'Deleted', anonymous: false, isViewer: false },
      });
      socket.push(STREAM, 1, { type: 'reply-changed', replyId: 'a', what: 'deleted' });
      await vi.waitFor(async () => {
        await stable();
        expect(el.querySelector('#reply-a .deleted')?.textContent).toContain('This post was deleted');
      });
      expect(el.querySelector('#children-a #reply-a1')).toBeTruthy();
    });

    it('takes away a reply a moderator hid (the viewer can no longer fetch it), with its replies', async () => {
      const { el, socket, stable, announce, all } = await live();
      all.delete('a');
      socket.push(STREAM, 1, { type: 'reply-changed', replyId: 'a', what: 'hidden' });
      await vi.waitFor(async () => {
        await stable();
        expect(el.querySelector('#reply-a')).toBeNull();
      });
      expect(el.querySelector('#reply-a1')).toBeNull();
      expect(el.querySelector('#reply-b')).toBeTruthy();
      expect(announce).toHaveBeenCalledWith('A moderator hid a reply.', 'polite');
    });

    it('ignores a change to a reply that is not on the page', async () => {
      const { socket, stable, client } = await live();
      const before = client.callsOf(ForumReplyDocument).length;
      socket.push(STREAM, 1, { type: 'reply-changed', replyId: 'elsewhere', what: 'edited' });
      await stable();
      expect(client.callsOf(ForumReplyDocument)).toHaveLength(before);
    });

    it('shows a newly accepted answer first and marks it in the tree', async () => {
      const { el, socket, stable, client, announce } = await live();
      client.on(ForumThreadDocument, { forumThread: thread({ replyCount: 3, acceptedReplyId: 'b' }) });
      socket.push(STREAM, 1, { type: 'thread-changed', what: 'accepted' });
      await vi.waitFor(async () => {
        await stable();
        expect(el.querySelector('#accepted-heading')).toBeTruthy();
      });
      expect(el.textContent).toContain('Answered');
      expect(el.querySelector('#reply-b')?.classList).toContain('is-accepted');
      expect(announce).toHaveBeenCalledWith('An answer was accepted.', 'polite');
    });

    it('closes the reply box when a moderator locks the thread', async () => {
      const { el, socket, stable, client, announce } = await live();
      expect(el.querySelector('.respond lan-forum-composer')).toBeTruthy();
      client.on(ForumThreadDocument, { forumThread: thread({ replyCount: 3, locked: true }) });
      socket.push(STREAM, 1, { type: 'thread-changed', what: 'locked' });
      await vi.waitFor(async () => {
        await stable();
        expect(el.querySelector('.respond')?.textContent).toContain('This thread is locked');
      });
      expect(el.querySelector('.respond lan-forum-composer')).toBeNull();
      expect(announce).toHaveBeenCalledWith('A moderator locked this thread: no new replies.', 'polite');
    });

    it('says the thread is gone when it was hidden or moved out of the viewer’s reach', async () => {
      const { el, socket, stable, client, announce } = await live();
      client.on(ForumThreadDocument, () => {
        throw apiError('NOT_FOUND', 'That thread was not found.');
      });
      socket.push(STREAM, 1, { type: 'thread-changed', what: 'hidden' });
      await vi.waitFor(async () => {
        await stable();
        expect(el.querySelector('h1')?.textContent).toBe('This thread is no longer available');
      });
      expect(el.textContent).not.toContain('What do you send?');
      expect(announce).toHaveBeenCalledWith('This thread is no longer available to you.', 'assertive');
    });

    it('announces nothing when the change is the viewer’s own, already shown', async () => {
      const { socket, stable, announce } = await live();
      socket.push(STREAM, 1, { type: 'thread-changed', what: 'edited' });
      socket.push(STREAM, 2, { type: 'reply-changed', replyId: 'b', what: 'edited' });
      await stable();
      await stable();
      expect(announce).not.toHaveBeenCalledWith(expect.stringMatching(/edited/), 'polite');
    });
  });

  describe('showing one reply (?reply=)', () => {
    const page1 = [reply('p1a'), reply('p1b')];
    const page2 = [reply('p2a'), reply('p2a1', { parentId: 'p2a', depth: 1 }), reply('p2b')];

    it('loads pages until the reply is there, then highlights and focuses it', async () => {
      const { el, client, stable } = await render({ pages: [page1, page2], target: 'p2a1' });
      await vi.waitFor(async () => {
        await stable();
        expect(el.querySelector('#reply-p2a1')?.classList).toContain('is-target');
      });
      expect(client.callsOf(ForumRepliesDocument).map((v) => [v['after'] ?? null, v['first']])).toEqual([
        [null, 20],
        ['p1', 100],
      ]);
      expect(document.activeElement?.id).toBe('reply-p2a1');
      expect(el.querySelector('#reply-p1a.is-target')).toBeNull();
    });

    it('continues the thread past the depth limit down to a deep reply', async () => {
      const deep = [reply('d0')];
      for (let i = 1; i <= 5; i++)
        deep.push(reply(`d${i}`, { parentId: `d${i - 1}`, depth: i, continues: i === 5 }));
      // Below the depth limit: what "continue this thread" from d5 brings (the fake answers d5 and deeper).
      const below = [reply('d6', { parentId: 'd5', depth: 6 }), reply('d7', { parentId: 'd6', depth: 7 })];
      const { el, client, stable } = await render({ pages: [deep], extra: below, target: 'd7' });
      await vi.waitFor(async () => {
        await stable();
        expect(el.querySelector('#reply-d7')?.classList).toContain('is-target');
      });
      expect(client.callsOf(ForumReplyThreadDocument)).toEqual([{ replyId: 'd5' }]);
    });

    it('says so when the reply cannot be found (removed, or hidden from the viewer)', async () => {
      const { el, stable } = await render({ pages: [page1], target: 'gone' });
      await vi.waitFor(async () => {
        await stable();
        expect(el.textContent).toContain('That reply is no longer available');
      });
      expect(el.querySelector('.is-target')).toBeNull();
    });
  });
});
