import { LiveAnnouncer } from '@angular/cdk/a11y';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
// ThreadStreamBody: what the stream `forum-thread:<id>` carries (only ids and the kind of change,
// never text or authors), defined once with its schema in the shared domain. The page fetches what
// changed, so the viewer's own visibility and anonymity rules apply.
import {
  ErrorCode,
  STREAM_KINDS,
  type StreamKey,
  type ThreadStreamBody,
  threadStreamBodySchema,
} from '@lantern/shared-domain';
import {
  AcceptForumAnswerDocument,
  DeleteForumPostDocument,
  EditForumReplyDocument,
  EditForumThreadDocument,
  ForumCategoriesDocument,
  ForumRevisionsDocument,
  type ForumThreadPartsFragment,
  ForumRepliesDocument,
  ForumReplyDocument,
  ForumReplyLocationDocument,
  ForumReplyThreadDocument,
  ForumThreadDocument,
  GraphqlClient,
  BookmarkForumThreadDocument,
  MarkForumThreadReadDocument,
  ModerateForumDocument,
  type ModerationAction,
  ReactToForumReplyDocument,
  type ReactionKind,
  ReplyInForumDocument,
  type ReplySort,
  ReportForumPostDocument,
  WatchForumThreadDocument,
  isApiError,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, ConfirmService, EmptyState, Icon, Loading } from '@lantern/web-ui';
import { formatDateTime, formatRelative } from '../../core/format';
import { RealtimeService } from '../../core/realtime';
import { type ComposerSend, ForumComposer } from './composer';
import { KIND_LABEL, plural } from './forum-labels';
import { HistoryDialog, type HistoryDialogData } from './history-dialog';
import { type MentionSearch, apiMentionSearch } from './mentions';
import { MoveDialog, type MoveDialogData } from './move-dialog';
import { PostBody } from './post-body';
import { ReportDialog, type ReportDialogData } from './report-dialog';
import { type Reply, type ReplyNode, ReplyTree } from './reply-tree';

type Thread = ForumThreadPartsFragment;

/** How many top-level replies to fetch at a time while looking for a reply to show (`?reply=`). */
export const REVEAL_PAGE = 100;
/** At most this many pages are fetched to find it (100,000 top-level replies is far beyond any thread). */
const REVEAL_MAX_PAGES = 50;

/** What someone else's change to the opening post means to a reader, or null when nothing they see changed. */
export function threadChangeMessage(before: Thread, after: Thread): string | null {
  if (before.category.id !== after.category.id) return `This thread was moved to ${after.category.name}.`;
  if (!before.deleted && after.deleted) return 'The opening post was deleted.';
  if (before.locked !== after.locked)
    return after.locked
      ? 'A moderator locked this thread: no new replies.'
      : 'This thread is open for replies again.';
  if (before.pinned !== after.pinned)
    return after.pinned ? 'A moderator pinned this thread.' : 'This thread is no longer pinned.';
  if (before.acceptedReplyId !== after.acceptedReplyId)
    return after.acceptedReplyId ? 'An answer was accepted.' : 'The accepted answer was unmarked.';
  if (before.title !== after.title || before.body !== after.body) return 'The opening post was edited.';
  return null;
}

/** The same for a reply (null when nothing the reader sees changed, e.g. their own edit, already shown). */
export function replyChangeMessage(before: Reply, after: Reply): string | null {
  if (!before.deleted && after.deleted) return `A reply by ${before.author.label} was deleted.`;
  if (before.body !== after.body) return `A reply by ${after.author.label} was edited.`;
  return null;
}

export const REPLIES_PAGE = 20;

export const SORT_OPTIONS: readonly { value: ReplySort; label: string }[] = [
  { value: 'OLDEST', label: 'Oldest first' },
  { value: 'NEWEST', label: 'Newest first' },
  { value: 'HELPFUL', label: 'Most helpful' },
];

export const REACTION_LABEL: Record<ReactionKind, string> = { HELPFUL: 'Helpful', THANKS: 'Thanks' };

/** A reply's reactions after the viewer turns one of theirs on or off. */
export function withReaction(reply: Reply, kind: ReactionKind, on: boolean): Reply {
  const { reactions } = reply;
  const had = reactions.mine.includes(kind);
  if (had === on) return reply;
  const delta = on ? 1 : -1;
  const next = {
    helpful: reactions.helpful + (kind === 'HELPFUL' ? delta : 0),
    thanks: reactions.thanks + (kind === 'THANKS' ? delta : 0),
    mine: on ? [...reactions.mine, kind] : reactions.mine.filter((k) => k !== kind),
  };
  return {
    ...reply,
    reactions: next,
    helpfulCount: kind === 'HELPFUL' ? Math.max(0, reply.helpfulCount + delta) : reply.helpfulCount,
  };
}

/**
 * The first reply, in the order shown, written by someone else after the viewer's previous visit
 * (none on a first visit).
 */
export function firstNewReplyId(replies: readonly Reply[], lastReadAt: string | null): string | null {
  if (!lastReadAt) return null;
  const since = Date.parse(lastReadAt);
  return replies.find((r) => !r.author.isViewer && Date.parse(r.createdAt) > since)?.id ?? null;
}

export type ThreadToggle = 'bookmarked' | 'watching';

const MODERATION_DONE: Record<ModerationAction, string> = {
  HIDE: 'Hidden from everyone but moderators.',
  UNHIDE: 'Shown again.',
  LOCK: 'The thread is locked.',
  UNLOCK: 'The thread is unlocked.',
  PIN: 'The thread is pinned.',
  UNPIN: 'The thread is no longer pinned.',
  MOVE: 'The thread is moved.',
};

export function threadStream(threadId: string): StreamKey {
  return `${STREAM_KINDS.ForumThread}:${threadId}`;
}

/**
 * A thread: the opening post, the accepted answer first, then the replies as a tree (collapse,
 * "continue this thread", sort, "load more"), with composers to reply to the thread or to any
 * reply. New replies arrive live through the thread's stream.
 */
@Component({
  selector: 'lan-forum-thread-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatMenuModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    Alert,
    EmptyState,
    Icon,
    Loading,
    ForumComposer,
    PostBody,
  ],
  templateUrl: './thread.page.html',
  styleUrl: './thread.page.scss',
})
export class ForumThreadPage {
  private readonly client = inject(GraphqlClient);
  private readonly realtime = inject(RealtimeService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly confirm = inject(ConfirmService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly title = inject(Title);
  private readonly injector = inject(Injector);
  private readonly dialog = inject(MatDialog);

  /** From the route (:id). */
  readonly id = input.required<string>();
  /** From the query (?reply=): a reply to scroll to, loading pages or deeper replies as needed. */
  readonly reply = input<string | undefined>();

  /** The reply shown because of `?reply=` (highlighted). */
  protected readonly target = signal<string | null>(null);
  protected readonly revealing = signal(false);
  protected readonly revealError = signal<string | null>(null);
  /** Set when someone else's change took the thread out of the viewer's reach while it was open. */
  protected readonly goneLive = signal(false);

  protected readonly thread = signal<Thread | null>(null);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly accepted = signal<Reply | null>(null);
  protected readonly replyCount = signal(0);

  readonly tree = new ReplyTree();
  protected readonly sort = signal<ReplySort>('OLDEST');
  protected readonly repliesLoaded = signal(false);
  protected readonly repliesLoading = signal(false);
  protected readonly repliesError = signal<string | null>(null);
  protected readonly hasMore = signal(false);
  private cursor: string | null = null;
  private generation = 0;

  /** The reply whose inline composer is open. */
  protected readonly replyingTo = signal<string | null>(null);
  /** 'thread' or a reply id being edited. */
  protected readonly editing = signal<string | null>(null);
  protected readonly continuing = signal<string | null>(null);

  protected readonly sortOptions = SORT_OPTIONS;
  protected readonly kindLabel = KIND_LABEL;
  protected readonly relative = formatRelative;
  protected readonly dateTime = formatDateTime;
  protected readonly plural = plural;
  protected readonly reactionKinds: readonly ReactionKind[] = ['HELPFUL', 'THANKS'];
  protected readonly reactionLabel = REACTION_LABEL;
  /** `<replyId>:<kind>` while its change is on the way. */
  protected readonly reacting = signal<ReadonlySet<string>>(new Set());

  /** lastReadAt as it was when the thread was opened (before this visit marked it read). */
  protected readonly previousReadAt = signal<string | null>(null);
  readonly firstNewId = computed(() => firstNewReplyId(this.tree.replies(), this.previousReadAt()));
  protected readonly toggling = signal<ThreadToggle | null>(null);
  private markedRead = false;

  /** Live items that came before the first page of replies. */
  private pendingLive: ThreadStreamBody[] = [];
  private stopLive: (() => void) | null = null;
  private readonly sends = new Map<string, ComposerSend>();

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    // Another reply of the same thread (e.g. a second notification) without reloading it.
    effect(() => {
      const target = this.reply();
      untracked(() => {
        if (target && this.repliesLoaded() && target !== this.target()) void this.reveal(target);
      });
    });
    inject(DestroyRef).onDestroy(() => this.stopLive?.());
  }

  private async load(id: string): Promise<void> {
    const generation = ++this.generation;
    this.stopLive?.();
    this.stopLive = null;
    this.thread.set(null);
    this.accepted.set(null);
    this.notFound.set(false);
    this.goneLive.set(false);
    this.error.set(null);
    this.target.set(null);
    this.revealError.set(null);
    this.repliesLoaded.set(false);
    this.pendingLive = [];
    this.sends.clear();
    this.previousReadAt.set(null);
    this.markedRead = false;
    try {
      const { forumThread } = await this.client.request(ForumThreadDocument, { id });
      if (generation !== this.generation) return;
      // Arriving here (e.g. just after posting the thread), the page had no heading yet: focus was
      // left on <body>. Put it on the thread's heading (a reply asked for with ?reply= takes it later).
      const focusLost = !document.activeElement || document.activeElement === document.body;
      this.setThread(forumThread);
      if (focusLost && !this.reply()) this.focusLater('#thread-title');
      this.previousReadAt.set(forumThread.viewerState.lastReadAt ?? null);
      this.title.setTitle(`${forumThread.title} – Forum – Lantern`);
      // Listen before the replies are fetched, so nothing posted meanwhile is missed.
      this.stopLive = this.realtime.subscribe<unknown>(threadStream(id), (item) => {
        // Checked with the same schema the API declares for the stream; anything else is ignored.
        const body = threadStreamBodySchema.safeParse(item.body);
        if (body.success) void this.onLive(body.data);
      });
      void this.loadAccepted(forumThread.acceptedReplyId);
      await this.loadReplies(true);
      const target = this.reply();
      if (target && generation === this.generation) await this.reveal(target);
    } catch (error) {
      if (generation !== this.generation) return;
      if (isApiError(error) && error.code === ErrorCode.NotFound) this.notFound.set(true);
      else this.error.set(messageOf(error));
    }
  }

  protected retry(): void {
    void this.load(this.id());
  }

  private setThread(thread: Thread): void {
    this.thread.set(thread);
    this.replyCount.set(thread.replyCount);
  }

  private async loadAccepted(replyId: string | null): Promise<void> {
    if (!replyId) {
      this.accepted.set(null);
      return;
    }
    try {
      const { forumReply } = await this.client.request(ForumReplyDocument, { id: replyId });
      if (this.thread()?.acceptedReplyId === replyId) this.accepted.set(forumReply);
    } catch {
      // The answer may have been removed since: the thread still reads fine without it.
      this.accepted.set(null);
    }
  }

  // ---- replies ----

  protected async loadReplies(reset: boolean, o: { first?: number; quiet?: boolean } = {}): Promise<void> {
    const threadId = this.id();
    const generation = this.generation;
    this.repliesLoading.set(true);
    this.repliesError.set(null);
    try {
      const { forumReplies } = await this.client.request(ForumRepliesDocument, {
        threadId,
        sort: this.sort(),
        first: o.first ?? REPLIES_PAGE,
        after: reset ? null : this.cursor,
      });
      if (generation !== this.generation) return;
      if (reset) this.tree.reset(forumReplies.nodes);
      else this.tree.append(forumReplies.nodes);
      this.cursor = forumReplies.pageInfo.endCursor;
      this.hasMore.set(forumReplies.pageInfo.hasNextPage);
      this.repliesLoaded.set(true);
      if (reset) this.markReadOnceShown(threadId, generation);
      const pending = this.pendingLive;
      this.pendingLive = [];
      for (const body of pending) await this.onLive(body);
      if (!reset && !o.quiet && forumReplies.nodes.length) {
        void this.announcer.announce(
          `${plural(forumReplies.nodes.length, 'more reply', 'more replies')} loaded.`,
        );
      }
    } catch (error) {
      if (generation === this.generation) this.repliesError.set(messageOf(error));
    } finally {
      if (generation === this.generation) this.repliesLoading.set(false);
    }
  }

  /** Once the replies (and the "new since your last visit" marker) are on screen, remember this visit. */
  private markReadOnceShown(threadId: string, generation: number): void {
    if (this.markedRead) return;
    this.markedRead = true;
    afterNextRender(
      () => {
        if (generation !== this.generation) return;
        this.client.request(MarkForumThreadReadDocument, { threadId }).catch(() => {
          // Only the marker on the next visit depends on it.
        });
      },
      { injector: this.injector },
    );
  }

  /** Bookmark or watch the thread (or stop): shown at once, put back if the API refuses. */
  async toggleThread(which: ThreadToggle): Promise<void> {
    const t = this.thread();
    if (!t || this.toggling()) return;
    const on = !t.viewerState[which];
    const set = (value: boolean) =>
      this.thread.update((cur) =>
        cur ? { ...cur, viewerState: { ...cur.viewerState, [which]: value } } : cur,
      );
    set(on);
    this.toggling.set(which);
    try {
      if (which === 'bookmarked') {
        await this.client.request(BookmarkForumThreadDocument, { threadId: t.id, on });
      } else {
        await this.client.request(WatchForumThreadDocument, { threadId: t.id, on });
      }
      void this.announcer.announce(
        which === 'bookmarked'
          ? on
            ? 'Thread bookmarked.'
            : 'Bookmark removed.'
          : on
            ? 'You are watching this thread: you will be told about new replies.'
            : 'You are no longer watching this thread.',
      );
    } catch (error) {
      set(!on);
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    } finally {
      this.toggling.set(null);
    }
  }

  protected changeSort(value: string): void {
    this.sort.set(value as ReplySort);
    void this.loadReplies(true);
  }

  protected async continueThread(reply: Reply): Promise<void> {
    this.continuing.set(reply.id);
    try {
      const { forumReplyThread } = await this.client.request(ForumReplyThreadDocument, { replyId: reply.id });
      this.tree.continueFrom(reply.id, forumReplyThread);
      const more = forumReplyThread.length - 1;
      void this.announcer.announce(`${plural(more, 'more reply', 'more replies')} shown under this reply.`);
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    } finally {
      this.continuing.set(null);
    }
  }

  /** Something happened in this thread, from the stream: a new reply, or a change to a reply or the thread. */
  async onLive(body: ThreadStreamBody): Promise<void> {
    if (!this.repliesLoaded()) {
      this.pendingLive.push(body);
      return;
    }
    if (body.type === 'reply-changed') return this.onReplyChanged(body.replyId);
    if (body.type === 'thread-changed') return this.onThreadChanged();
    return this.onNewReply(body);
  }

  /** A new reply: fetch it and put it where it belongs. */
  private async onNewReply(body: { replyId: string; parentId: string | null }): Promise<void> {
    if (this.tree.has(body.replyId)) return;
    if (body.parentId && !this.tree.has(body.parentId)) {
      // Its parent is not on the page (a later page, or deeper than shown): only the count changes.
      this.replyCount.update((n) => n + 1);
      return;
    }
    try {
      const { forumReply } = await this.client.request(ForumReplyDocument, { id: body.replyId });
      if (forumReply.threadId !== this.id()) return;
      if (this.tree.insert(forumReply, this.sort() === 'NEWEST' ? 'start' : 'end')) {
        this.replyCount.update((n) => n + 1);
        if (!forumReply.author.isViewer) {
          void this.announcer.announce(`New reply from ${forumReply.author.label}`, 'polite');
        }
      }
    } catch {
      // Removed or hidden before we could fetch it: nothing to show.
    }
  }

  /**
   * A reply was edited, deleted, hidden or shown again: fetch it as this viewer may see it. A reply
   * the viewer may no longer see (hidden by a moderator) goes, with the replies shown under it.
   */
  private async onReplyChanged(replyId: string): Promise<void> {
    const before = this.tree.get(replyId) ?? (this.accepted()?.id === replyId ? this.accepted() : null);
    if (!before) return;
    try {
      const { forumReply } = await this.client.request(ForumReplyDocument, { id: replyId });
      if (forumReply.threadId !== this.id()) return;
      const message = replyChangeMessage(before, forumReply);
      this.tree.replace(forumReply);
      if (this.accepted()?.id === replyId) this.accepted.set(forumReply.deleted ? null : forumReply);
      if (message && this.editing() !== replyId) void this.announcer.announce(message, 'polite');
    } catch (error) {
      if (!isApiError(error) || error.code !== ErrorCode.NotFound) return;
      const removed = this.tree.remove(replyId);
      if (this.accepted()?.id === replyId) this.accepted.set(null);
      if (removed) {
        if (this.replyingTo() === replyId) this.replyingTo.set(null);
        void this.announcer.announce('A moderator hid a reply.', 'polite');
      }
    }
  }

  /** The opening post or the thread changed (edit, delete, accepted answer, lock, pin, hide, move). */
  private async onThreadChanged(): Promise<void> {
    const before = this.thread();
    if (!before) return;
    const generation = this.generation;
    try {
      const { forumThread } = await this.client.request(ForumThreadDocument, { id: before.id });
      if (generation !== this.generation) return;
      const current = this.thread() ?? before;
      const message = threadChangeMessage(current, forumThread);
      this.setThread(forumThread);
      if (current.acceptedReplyId !== forumThread.acceptedReplyId) {
        const acceptedId = forumThread.acceptedReplyId;
        this.tree.update((r) =>
          r.accepted === (r.id === acceptedId) ? r : { ...r, accepted: r.id === acceptedId },
        );
        void this.loadAccepted(acceptedId);
      }
      if (message && this.editing() !== 'thread') void this.announcer.announce(message, 'polite');
    } catch (error) {
      if (generation !== this.generation || !isApiError(error) || error.code !== ErrorCode.NotFound) return;
      // Hidden, or moved where the viewer cannot follow: the page says so instead of showing stale text.
      this.stopLive?.();
      this.stopLive = null;
      this.goneLive.set(true);
      this.notFound.set(true);
      void this.announcer.announce('This thread is no longer available to you.', 'assertive');
    }
  }

  // ---- showing one reply (?reply=) ----

  /**
   * Show a reply in place, e.g. from a search result or a notification: fetch pages until its
   * top-level reply is on the page, then "continue this thread" down to it, open any collapsed
   * reply above it, and scroll to it and focus it.
   */
  async reveal(replyId: string): Promise<void> {
    const generation = this.generation;
    this.revealing.set(true);
    this.revealError.set(null);
    try {
      if (!this.tree.has(replyId)) {
        const { forumReply } = await this.client.request(ForumReplyLocationDocument, { id: replyId });
        if (generation !== this.generation) return;
        if (forumReply.threadId !== this.id()) throw new Error('That reply is in another thread.');
        const chain = [...forumReply.ancestorIds, replyId];
        for (let pages = 0; !this.tree.has(chain[0]) && this.hasMore() && pages < REVEAL_MAX_PAGES; pages++) {
          await this.loadReplies(false, { first: REVEAL_PAGE, quiet: true });
          if (generation !== this.generation) return;
        }
        // Deeper than a page shows: continue from the deepest reply above it that is shown.
        for (let steps = 0; !this.tree.has(replyId) && steps < chain.length; steps++) {
          const deepest = [...chain].reverse().find((id) => this.tree.has(id));
          const node = deepest ? this.tree.get(deepest) : undefined;
          if (!node?.continues) break;
          const { forumReplyThread } = await this.client.request(ForumReplyThreadDocument, {
            replyId: node.id,
          });
          if (generation !== this.generation) return;
          this.tree.continueFrom(node.id, forumReplyThread);
        }
      }
      if (!this.tree.has(replyId)) {
        this.revealError.set('That reply could not be shown here: it may have been hidden by a moderator.');
        return;
      }
      for (let up = this.tree.get(replyId)?.parentId; up; up = this.tree.get(up)?.parentId) {
        if (this.tree.isCollapsed(up)) this.tree.toggle(up);
      }
      this.target.set(replyId);
      afterNextRender(
        () => {
          const el = document.getElementById(`reply-${replyId}`);
          if (!el) return;
          el.setAttribute('tabindex', '-1');
          el.scrollIntoView?.({ block: 'center' });
          el.focus({ preventScroll: true });
        },
        { injector: this.injector },
      );
    } catch (error) {
      if (generation !== this.generation) return;
      this.revealError.set(
        isApiError(error) && error.code === ErrorCode.NotFound
          ? 'That reply is no longer available: it may have been removed or hidden.'
          : messageOf(error),
      );
    } finally {
      if (generation === this.generation) this.revealing.set(false);
    }
  }

  protected toggle(node: ReplyNode): void {
    this.tree.toggle(node.reply.id);
  }

  // ---- writing ----

  /** The send function for a reply composer (to the thread, or to one reply). */
  protected replySend(parentId: string | null): ComposerSend {
    const key = `reply:${parentId ?? ''}`;
    let send = this.sends.get(key);
    if (!send) {
      send = async (value, override) => {
        const { replyInForum } = await this.client.request(ReplyInForumDocument, {
          input: {
            threadId: this.id(),
            parentId,
            body: value.body,
            anonymous: value.anonymous,
            mentions: value.mentions,
            personalDataOverride: override,
          },
        });
        return replyInForum;
      };
      this.sends.set(key, send);
    }
    return send;
  }

  protected editReplySend(reply: Reply): ComposerSend {
    const key = `edit:${reply.id}`;
    let send = this.sends.get(key);
    if (!send) {
      send = async (value, override) =>
        (
          await this.client.request(EditForumReplyDocument, {
            id: reply.id,
            body: value.body,
            personalDataOverride: override,
          })
        ).editForumReply;
      this.sends.set(key, send);
    }
    return send;
  }

  protected readonly mentionSearch: MentionSearch = apiMentionSearch(this.client);

  protected readonly editThreadSend: ComposerSend = async (value, override) =>
    (
      await this.client.request(EditForumThreadDocument, {
        id: this.id(),
        title: value.title,
        body: value.body,
        personalDataOverride: override,
      })
    ).editForumThread;

  protected startReply(reply: Reply): void {
    this.editing.set(null);
    this.replyingTo.set(reply.id);
    this.focusLater(`#composer-for-${reply.id} textarea`);
  }

  protected replyPosted(result: unknown): void {
    const reply = result as Reply;
    if (this.tree.insert(reply, this.sort() === 'NEWEST' ? 'start' : 'end')) {
      this.replyCount.update((n) => n + 1);
    }
    this.replyingTo.set(null);
    void this.announcer.announce('Your reply is posted.');
    this.focusLater(`#reply-${reply.id}`);
  }

  protected startEdit(target: string): void {
    this.replyingTo.set(null);
    this.editing.set(target);
    this.focusLater(target === 'thread' ? '#edit-thread textarea' : `#edit-${target} textarea`);
  }

  protected cancelEdit(target: string): void {
    this.editing.set(null);
    this.focusLater(target === 'thread' ? '#thread-actions button' : `#reply-${target}`);
  }

  protected threadEdited(result: unknown): void {
    this.setThread(result as Thread);
    this.editing.set(null);
    this.sends.delete('edit:thread');
    void this.announcer.announce('Your changes are saved.');
    this.focusLater('#thread-title');
  }

  protected replyEdited(result: unknown): void {
    const reply = result as Reply;
    this.tree.replace(reply);
    if (this.accepted()?.id === reply.id) this.accepted.set(reply);
    this.editing.set(null);
    this.sends.delete(`edit:${reply.id}`);
    void this.announcer.announce('Your changes are saved.');
    this.focusLater(`#reply-${reply.id}`);
  }

  protected reacted(reply: Reply, kind: ReactionKind): boolean {
    return reply.reactions.mine.includes(kind);
  }

  protected reactionCount(reply: Reply, kind: ReactionKind): number {
    return kind === 'HELPFUL' ? reply.reactions.helpful : reply.reactions.thanks;
  }

  protected canReact(reply: Reply): boolean {
    return !reply.deleted && !reply.author.isViewer;
  }

  /** Turn the viewer's "Helpful" or "Thanks" on a reply on or off (shown at once, undone on refusal). */
  async react(reply: Reply, kind: ReactionKind): Promise<void> {
    const key = `${reply.id}:${kind}`;
    if (this.reacting().has(key)) return;
    const find = (id: string): Reply | null => {
      const accepted = this.accepted();
      return this.tree.get(id) ?? (accepted?.id === id ? accepted : null);
    };
    const current = find(reply.id) ?? reply;
    const on = !current.reactions.mine.includes(kind);
    const apply = (r: Reply) => {
      this.tree.replace(r);
      if (this.accepted()?.id === r.id) this.accepted.set(r);
    };
    apply(withReaction(current, kind, on));
    this.reacting.update((s) => new Set(s).add(key));
    try {
      await this.client.request(ReactToForumReplyDocument, { replyId: reply.id, kind, on });
    } catch (error) {
      const now = find(reply.id);
      if (now) apply(withReaction(now, kind, !on));
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    } finally {
      this.reacting.update((s) => {
        const next = new Set(s);
        next.delete(key);
        return next;
      });
    }
  }

  protected canChange(reply: Reply): boolean {
    return !reply.deleted && (reply.author.isViewer || !!this.thread()?.category.canModerate);
  }

  protected async deleteReply(reply: Reply): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'Delete this reply?',
      message: 'Its text is removed for everyone. Replies to it stay, under a "This post was deleted" note.',
      confirmText: 'Delete reply',
      destructive: true,
    });
    if (!ok) return;
    try {
      await this.client.request(DeleteForumPostDocument, { threadId: this.id(), replyId: reply.id });
      const { forumReply } = await this.client.request(ForumReplyDocument, { id: reply.id });
      this.tree.replace(forumReply);
      if (this.accepted()?.id === reply.id) this.accepted.set(null);
      void this.announcer.announce('The reply is deleted.');
      this.focusLater(`#reply-${reply.id}`);
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    }
  }

  protected async deleteThread(): Promise<void> {
    const ok = await this.confirm.confirm({
      title: this.thread()?.author.isViewer ? 'Delete your opening post?' : 'Delete this opening post?',
      message: 'Its text is removed for everyone. The replies stay, under a "This post was deleted" note.',
      confirmText: 'Delete post',
      destructive: true,
    });
    if (!ok) return;
    try {
      await this.client.request(DeleteForumPostDocument, { threadId: this.id(), replyId: null });
      const { forumThread } = await this.client.request(ForumThreadDocument, { id: this.id() });
      this.setThread(forumThread);
      void this.announcer.announce('The post is deleted.');
      this.focusLater('#thread-title');
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    }
  }

  /** Mark a reply as the accepted answer (or, with null, take the mark away). */
  protected async accept(reply: Reply | null): Promise<void> {
    try {
      const { acceptForumAnswer } = await this.client.request(AcceptForumAnswerDocument, {
        threadId: this.id(),
        replyId: reply?.id ?? null,
      });
      this.setThread(acceptForumAnswer);
      const acceptedId = acceptForumAnswer.acceptedReplyId;
      this.tree.update((r) =>
        r.accepted === (r.id === acceptedId) ? r : { ...r, accepted: r.id === acceptedId },
      );
      this.accepted.set(reply && acceptedId === reply.id ? { ...reply, accepted: true } : null);
      void this.announcer.announce(
        reply ? 'Marked as the accepted answer.' : 'The answer is no longer marked as accepted.',
      );
      if (reply) this.focusLater('#accepted-heading');
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    }
  }

  /** The edit history of the opening post (null) or a reply, as a line diff per edit. */
  async showHistory(reply: Reply | null): Promise<void> {
    const t = this.thread();
    if (!t) return;
    try {
      const { forumRevisions } = await this.client.request(ForumRevisionsDocument, {
        threadId: t.id,
        replyId: reply?.id ?? null,
      });
      this.dialog.open<HistoryDialog, HistoryDialogData>(HistoryDialog, {
        data: {
          what: reply ? `the reply by ${reply.author.label}` : 'the opening post',
          current: reply ? { body: reply.body } : { title: t.title, body: t.body },
          revisions: forumRevisions,
        },
        autoFocus: 'first-tabbable',
        restoreFocus: true,
        maxWidth: '48rem',
        width: '100%',
      });
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    }
  }

  // ---- reports and moderation ----

  protected canReport(reply: Reply | null): boolean {
    const t = this.thread();
    if (!t) return false;
    return reply ? !reply.deleted && !reply.author.isViewer : !t.deleted && !t.author.isViewer;
  }

  /** Report the opening post (null) or a reply, with a reason, to the category's moderators. */
  async report(reply: Reply | null): Promise<void> {
    const what = reply ? `this reply by ${reply.author.label}` : 'this post';
    const ref = this.dialog.open<ReportDialog, ReportDialogData, string | null>(ReportDialog, {
      data: { what },
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      maxWidth: '32rem',
      width: '100%',
    });
    const reason = await new Promise<string | null | undefined>((resolve) =>
      ref.afterClosed().subscribe(resolve),
    );
    if (!reason) return;
    try {
      await this.client.request(ReportForumPostDocument, {
        threadId: this.id(),
        replyId: reply?.id ?? null,
        reason,
      });
      this.snackBar.open('Thank you: the moderators will look at it.', 'Dismiss', { duration: 6000 });
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    }
  }

  protected isModerator(): boolean {
    return !!this.thread()?.category.canModerate;
  }

  /** A moderator's action on the thread or (hide / show again) on one reply. */
  async moderate(action: ModerationAction, reply: Reply | null = null): Promise<void> {
    const t = this.thread();
    if (!t) return;
    let categoryId: string | null = null;
    if (action === 'MOVE') {
      categoryId = await this.chooseCategory(t);
      if (!categoryId) return;
    } else if (action === 'HIDE' || action === 'LOCK') {
      const ok = await this.confirm.confirm(
        action === 'HIDE'
          ? {
              title: reply ? 'Hide this reply?' : 'Hide this thread?',
              message: 'Only moderators will see it until it is shown again.',
              confirmText: reply ? 'Hide reply' : 'Hide thread',
              destructive: true,
            }
          : {
              title: 'Lock this thread?',
              message: 'No one will be able to reply until it is unlocked.',
              confirmText: 'Lock thread',
              destructive: true,
            },
      );
      if (!ok) return;
    }
    try {
      await this.client.request(ModerateForumDocument, {
        action,
        threadId: t.id,
        replyId: reply?.id ?? null,
        categoryId,
      });
      if (!reply) {
        const { forumThread } = await this.client.request(ForumThreadDocument, { id: t.id });
        this.setThread(forumThread);
      }
      void this.announcer.announce(MODERATION_DONE[action]);
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    }
  }

  private async chooseCategory(t: Thread): Promise<string | null> {
    const { forumCategories } = await this.client.request(ForumCategoriesDocument, {});
    const ref = this.dialog.open<MoveDialog, MoveDialogData, string | null>(MoveDialog, {
      data: {
        title: t.title,
        categories: forumCategories.filter((c) => c.canModerate && c.id !== t.category.id),
      },
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      maxWidth: '32rem',
      width: '100%',
    });
    return (
      (await new Promise<string | null | undefined>((resolve) => ref.afterClosed().subscribe(resolve))) ??
      null
    );
  }

  private focusLater(selector: string): void {
    afterNextRender(
      () => {
        const el = document.querySelector<HTMLElement>(selector);
        if (!el) return;
        if (!el.matches('a, button, input, textarea, select, [tabindex]')) el.setAttribute('tabindex', '-1');
        el.focus();
      },
      { injector: this.injector },
    );
  }
}
