import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { ReplySort } from '@lantern/web-graphql';
import { Alert, EmptyState, Icon, Loading } from '@lantern/web-ui';
import { formatDateTime, formatRelative } from '../../core/format';
import { ForumComposer } from './composer';
import { KIND_LABEL, plural } from './forum-labels';
import { PostBody } from './post-body';
import { ReplyActions } from './reply-actions';
import { SORT_OPTIONS } from './thread-model';
import { ThreadFeedback } from './thread-feedback';
import { ThreadLiveSync } from './thread-live';
import { ThreadModeration } from './thread-moderation';
import { ReplyReveal } from './thread-reveal';
import { ThreadStore } from './thread-store';
import { ViewerMarks } from './viewer-marks';

/**
 * A thread: the opening post, the accepted answer first, then the replies as a tree (collapse,
 * "continue this thread", sort, "load more"), with composers to reply to the thread or to any
 * reply. New replies arrive live through the thread's stream.
 *
 * The page only puts the pieces together, one per page: `ThreadStore` (what is shown, and loading
 * it), `ThreadLiveSync` (the stream), `ReplyActions` (writing, accepting), `ViewerMarks` (bookmark,
 * watch, reactions), `ThreadModeration` (reports, the moderation menu) and `ReplyReveal` (`?reply=`).
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
  providers: [
    ThreadFeedback,
    ThreadStore,
    ThreadLiveSync,
    ReplyActions,
    ViewerMarks,
    ThreadModeration,
    ReplyReveal,
  ],
  templateUrl: './thread.page.html',
  styleUrl: './thread.page.scss',
})
export class ForumThreadPage {
  private readonly title = inject(Title);
  private readonly feedback = inject(ThreadFeedback);
  private readonly live = inject(ThreadLiveSync);
  protected readonly store = inject(ThreadStore);
  protected readonly actions = inject(ReplyActions);
  protected readonly marks = inject(ViewerMarks);
  protected readonly moderation = inject(ThreadModeration);
  protected readonly finder = inject(ReplyReveal);

  /** From the route (:id). */
  readonly id = input.required<string>();
  /** From the query (?reply=): a reply to scroll to, loading pages or deeper replies as needed. */
  readonly reply = input<string | undefined>();

  protected readonly tree = this.store.tree;
  protected readonly sortOptions = SORT_OPTIONS;
  protected readonly kindLabel = KIND_LABEL;
  protected readonly relative = formatRelative;
  protected readonly dateTime = formatDateTime;
  protected readonly plural = plural;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.open(id));
    });
    // Another reply of the same thread (e.g. a second notification) without reloading it.
    effect(() => {
      const target = this.reply();
      untracked(() => {
        if (target && this.store.repliesLoaded() && target !== this.finder.target()) {
          void this.finder.reveal(target);
        }
      });
    });
  }

  private async open(id: string): Promise<void> {
    this.live.stop();
    this.actions.reset();
    this.finder.reset();
    const loading = this.store.load(id);
    const generation = this.store.generation;
    const thread = await loading;
    if (!thread || generation !== this.store.generation) return;
    // Arriving here (e.g. just after posting the thread), the page had no heading yet: focus was
    // left on <body>. Put it on the thread's heading (a reply asked for with ?reply= takes it later).
    const focusLost = !document.activeElement || document.activeElement === document.body;
    if (focusLost && !this.reply()) this.feedback.focusLater('#thread-title');
    this.title.setTitle(`${thread.title} – Forum – Lantern`);
    this.live.start(id);
    void this.store.loadAccepted(thread.acceptedReplyId);
    await this.store.loadReplies(true);
    const target = this.reply();
    if (target && generation === this.store.generation) await this.finder.reveal(target);
  }

  protected retry(): void {
    void this.open(this.id());
  }

  protected changeSort(value: string): void {
    this.store.changeSort(value as ReplySort);
  }
}
