import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { LIBRARY_LIMITS } from '@lantern/shared-domain';
import {
  CommentOnResourceDocument,
  GraphqlClient,
  type LibraryCommentPartsFragment,
  ResourceCommentsDocument,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, EmptyState, KEPT_BACK, Loading, PersonalDataCheck } from '@lantern/web-ui';
import { formatDateTime, formatRelative } from '../../core/format';
import { PagedList } from '../../core/paged-list';
import { MarkdownField, PostBody } from '@lantern/web-ui/markdown';

/** Comments on a resource, oldest first, and a markdown box (with preview) to add one. */
@Component({
  selector: 'lan-resource-comments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, Alert, EmptyState, Loading, MarkdownField, PostBody],
  template: `
    <section class="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments ({{ total() }})</h2>
      @if (list.error(); as message) {
        <lan-alert kind="error" title="Comments could not be loaded">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="list.reload()">Try again</button>
        </lan-alert>
      }
      @if (!list.loaded() && list.loading()) {
        <lan-loading label="Loading comments…" />
      } @else if (list.empty()) {
        <lan-empty-state title="No comments yet" icon="forum">
          <p>Say how you used it, or what would make it better.</p>
        </lan-empty-state>
      } @else {
        <ol class="list" aria-label="Comments">
          @for (c of list.items(); track c.id) {
            <li>
              <article [attr.aria-labelledby]="'comment-by-' + c.id">
                <div class="meta">
                  <h3 [id]="'comment-by-' + c.id">
                    {{ c.isViewer ? 'You' : (c.author?.displayName ?? 'Someone who has left') }}
                  </h3>
                  <time [attr.datetime]="c.createdAt" [attr.title]="dateTime(c.createdAt)">{{
                    relative(c.createdAt)
                  }}</time>
                </div>
                <lan-post-body [html]="c.bodyHtml" />
              </article>
            </li>
          }
        </ol>
        @if (list.hasMore()) {
          <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.loadMore()">
            {{ list.loading() ? 'Loading…' : 'Load more comments' }}
          </button>
        }
      }
      <form class="add" (submit)="submit($event)" novalidate aria-labelledby="add-comment-heading">
        <h3 id="add-comment-heading">Add a comment</h3>
        @if (problem(); as message) {
          <lan-alert kind="error" title="Your comment was not saved" [focusOnShow]="true"
            ><p>{{ message }}</p></lan-alert
          >
        }
        <lan-markdown-field
          [control]="body"
          label="Your comment"
          [rows]="4"
          [maxLength]="max"
          requiredMessage="Write a comment first."
        />
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ busy() ? 'Posting…' : 'Post comment' }}
          </button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .list {
      list-style: none;
      margin: 0 0 0.75rem;
      padding: 0;
    }
    .list li {
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .meta {
      display: flex;
      gap: 0.75rem;
      align-items: baseline;
    }
    .meta h3 {
      margin: 0;
      font-size: 1rem;
    }
    .meta time {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875rem;
    }
    .add {
      margin-top: 1rem;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      margin-top: 0.5rem;
    }
  `,
})
export class ResourceComments {
  private readonly client = inject(GraphqlClient);
  private readonly check = inject(PersonalDataCheck);
  private readonly announcer = inject(LiveAnnouncer);

  readonly resourceId = input.required<string>();
  readonly count = input(0);

  protected readonly max = LIBRARY_LIMITS.commentMax;
  protected readonly total = signal(0);
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly body = new FormControl('', {
    nonNullable: true,
    validators: [
      Validators.required,
      Validators.maxLength(LIBRARY_LIMITS.commentMax),
      (c) => (String(c.value).trim() ? null : { required: true }),
    ],
  });
  private readonly field = viewChild(MarkdownField);

  readonly list = new PagedList<LibraryCommentPartsFragment>(async (after) => {
    const { resourceComments } = await this.client.request(ResourceCommentsDocument, {
      resourceId: this.resourceId(),
      first: 20,
      after,
    });
    return resourceComments;
  });

  protected readonly relative = formatRelative;
  protected readonly dateTime = formatDateTime;

  constructor() {
    effect(() => {
      this.resourceId();
      untracked(() => void this.list.reload());
    });
    effect(() => {
      const n = this.count();
      untracked(() => this.total.set(n));
    });
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.problem.set(null);
    this.body.markAsTouched();
    if (this.body.invalid) {
      this.field()?.focus();
      return;
    }
    const body = this.body.value;
    this.busy.set(true);
    try {
      const result = await this.check.save([{ text: body, set: (t) => this.body.setValue(t) }], (override) =>
        this.client.request(CommentOnResourceDocument, {
          input: { resourceId: this.resourceId(), body, personalDataOverride: override },
        }),
      );
      if (result === KEPT_BACK) {
        this.field()?.focus();
        return;
      }
      this.list.update((items) => (this.list.hasMore() ? items : [...items, result.commentOnResource]));
      this.total.update((n) => n + 1);
      this.body.reset('');
      void this.announcer.announce('Your comment was posted.');
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
