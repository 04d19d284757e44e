import { ChangeDetectionStrategy, Component, type OnInit, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  CreateForumThreadDocument,
  type CreateForumThreadMutation,
  type ForumCategoryPartsFragment,
  ForumCategoriesDocument,
  GraphqlClient,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, Loading } from '@lantern/web-ui';
import { type ComposerSend, ForumComposer } from './composer';
import { type MentionSearch, apiMentionSearch } from './mentions';

/** /forum/new?category=…: start a discussion or ask a question. */
@Component({
  selector: 'lan-forum-new-thread-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, Loading, ForumComposer],
  template: `
    <nav class="crumbs" aria-label="Breadcrumb">
      <a routerLink="/forum">Forum</a>
    </nav>
    <h1>Start a thread</h1>
    <p class="lead">
      Ask a question or start a discussion. Posts are for practice, not pupil details: describe a pupil by a
      pseudonymous reference, such as initials and year group.
    </p>
    @if (error(); as message) {
      <lan-alert kind="error" title="Categories could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      </lan-alert>
    } @else if (categories(); as list) {
      <lan-forum-composer
        mode="thread"
        draftKey="new-thread"
        bodyLabel="Your post"
        submitLabel="Post thread"
        [categories]="list"
        [initial]="{ categoryId: category() ?? null }"
        [send]="send"
        [mentionSearch]="mentionSearch"
        (posted)="posted($event)"
      />
    } @else {
      <lan-loading label="Loading categories…" />
    }
  `,
  styles: `
    .crumbs {
      margin-bottom: 0.5rem;
    }
    .lead {
      max-width: 48rem;
    }
  `,
})
export class ForumNewThreadPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  /** ?category= preselects the category. */
  readonly category = input<string | undefined>();

  protected readonly categories = signal<readonly ForumCategoryPartsFragment[] | null>(null);
  protected readonly error = signal<string | null>(null);

  protected readonly send: ComposerSend<CreateForumThreadMutation['createForumThread']> = async (
    value,
    override,
  ) => {
    const { createForumThread } = await this.client.request(CreateForumThreadDocument, {
      input: {
        categoryId: value.categoryId ?? '',
        kind: value.kind,
        title: value.title,
        body: value.body,
        tags: value.tags,
        anonymous: value.anonymous,
        mentions: value.mentions,
        personalDataOverride: override,
      },
    });
    return createForumThread;
  };

  protected readonly mentionSearch: MentionSearch = apiMentionSearch(this.client);

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.error.set(null);
    try {
      this.categories.set((await this.client.request(ForumCategoriesDocument)).forumCategories);
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }

  protected posted(result: unknown): void {
    const thread = result as CreateForumThreadMutation['createForumThread'];
    this.snackBar.open('Your thread is posted.', 'Dismiss');
    void this.router.navigate(['/forum/threads', thread.id]);
  }
}
