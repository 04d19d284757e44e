import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  type OnInit,
  afterNextRender,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  type CategoryInput,
  CreateForumCategoryDocument,
  type ForumCategoryAdminPartsFragment,
  ForumCategoryAdminDocument,
  GraphqlClient,
  ReorderForumCategoriesDocument,
  UpdateForumCategoryDocument,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, EmptyState, Icon, Loading } from '@lantern/web-ui';
import { ForumCategoryForm, type TrustOption } from './category-form';
import { limitLabel } from './forum-labels';

type Category = ForumCategoryAdminPartsFragment;

/** The list with one item moved by `delta` places (unchanged when it would leave the list). */
export function moved<T>(list: readonly T[], index: number, delta: number): readonly T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * Network admins set up the forum: create categories (network-wide or one trust, optionally some
 * roles), describe and change them, and put them in order with "Move up" / "Move down" buttons.
 */
@Component({
  selector: 'lan-forum-category-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, EmptyState, Icon, Loading, ForumCategoryForm],
  template: `
    <nav class="crumbs" aria-label="Breadcrumb">
      <a routerLink="/forum">Forum</a>
    </nav>
    <div class="head">
      <h1>Forum categories</h1>
      @if (loaded() && editing() !== 'new') {
        <button mat-flat-button type="button" id="new-category" (click)="startCreate()">
          <lan-icon name="add" [size]="20" /> New category
        </button>
      }
    </div>
    <p class="lead">
      Categories appear on the forum's front page in this order. Who can see each one is decided here;
      moderators of a trust's categories are its SEND leads.
    </p>

    @if (editing() === 'new') {
      <section class="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">New category</h2>
        <lan-forum-category-form
          headingId="create-heading"
          submitLabel="Create category"
          [trusts]="trusts()"
          [save]="create"
          (cancelled)="stopEditing('#new-category')"
        />
      </section>
    }

    @if (error(); as message) {
      <lan-alert kind="error" title="The categories could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      </lan-alert>
    } @else if (!loaded()) {
      <lan-loading label="Loading categories…" />
    } @else if (categories().length === 0) {
      <lan-empty-state title="No categories yet" icon="forum">
        <p>Create the first one: for example "EHCP requests" or "Transition".</p>
      </lan-empty-state>
    } @else {
      <ol class="categories" aria-label="Categories in order">
        @for (c of categories(); track c.id; let i = $index, first = $first, last = $last) {
          <li [id]="'category-' + c.id">
            @if (editing() === c.id) {
              <section class="panel" [attr.aria-labelledby]="'edit-heading-' + c.id">
                <h2 [id]="'edit-heading-' + c.id">Change “{{ c.name }}”</h2>
                <lan-forum-category-form
                  [headingId]="'edit-heading-' + c.id"
                  submitLabel="Save changes"
                  [category]="c"
                  [trusts]="trusts()"
                  [save]="updater(c)"
                  (cancelled)="stopEditing('#edit-' + c.id)"
                />
              </section>
            } @else {
              <div class="row">
                <div class="about">
                  <a class="name" [routerLink]="['/forum/categories', c.id]">{{ c.name }}</a>
                  <p class="description">{{ c.description || 'No description yet.' }}</p>
                  <p class="meta">
                    <span class="lan-badge limit">{{ limitLabel(c) || 'Everyone in the network' }}</span>
                  </p>
                </div>
                <div class="buttons" role="group" [attr.aria-label]="'Arrange ' + c.name">
                  <button
                    mat-stroked-button
                    type="button"
                    [id]="'up-' + c.id"
                    [disabled]="first"
                    [attr.aria-label]="'Move ' + c.name + ' up'"
                    (click)="move(i, -1, 'up')"
                  >
                    <lan-icon name="arrowUp" [size]="18" /> Up
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    [id]="'down-' + c.id"
                    [disabled]="last"
                    [attr.aria-label]="'Move ' + c.name + ' down'"
                    (click)="move(i, 1, 'down')"
                  >
                    <lan-icon name="arrowDown" [size]="18" /> Down
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    [id]="'edit-' + c.id"
                    [attr.aria-label]="'Change ' + c.name"
                    (click)="startEdit(c)"
                  >
                    Change
                  </button>
                </div>
              </div>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .crumbs {
      margin-bottom: 0.5rem;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .head h1 {
      margin: 0;
    }
    .categories {
      list-style: none;
      padding: 0;
      margin: 1rem 0 0;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      justify-content: space-between;
      align-items: center;
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .name {
      font-weight: 500;
      font-size: 1.05rem;
    }
    .description,
    .meta {
      margin: 0.25rem 0 0;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .panel {
      padding: 1rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      margin: 1rem 0;
    }
    .panel h2 {
      margin-top: 0;
    }
  `,
})
export class ForumCategoryAdminPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);

  protected readonly categories = signal<readonly Category[]>([]);
  protected readonly trusts = signal<readonly TrustOption[]>([]);
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);
  /** 'new', a category id being changed, or null. */
  protected readonly editing = signal<string | null>(null);
  protected readonly reordering = signal(false);
  protected readonly limitLabel = limitLabel;

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.error.set(null);
    try {
      const data = await this.client.request(ForumCategoryAdminDocument);
      this.categories.set([...data.forumCategories].sort((a, b) => a.position - b.position));
      this.trusts.set(data.trusts.map((t) => ({ id: t.id, name: t.name })));
      this.loaded.set(true);
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }

  protected startCreate(): void {
    this.editing.set('new');
    this.focusLater('#create-heading + lan-forum-category-form input');
  }

  protected startEdit(c: Category): void {
    this.editing.set(c.id);
    this.focusLater(`#category-${c.id} input`);
  }

  protected stopEditing(focus: string): void {
    this.editing.set(null);
    this.focusLater(focus);
  }

  protected readonly create = async (input: CategoryInput): Promise<void> => {
    const { createForumCategory } = await this.client.request(CreateForumCategoryDocument, { input });
    this.categories.update((list) => [...list, createForumCategory]);
    this.editing.set(null);
    void this.announcer.announce(`Category “${createForumCategory.name}” created, at the end of the list.`);
    this.focusLater(`#edit-${createForumCategory.id}`);
  };

  private readonly updaters = new Map<string, (input: CategoryInput) => Promise<void>>();

  /** The save function for one category's form (kept, so the form's input does not change each check). */
  protected updater(c: Category): (input: CategoryInput) => Promise<void> {
    let fn = this.updaters.get(c.id);
    if (!fn) {
      fn = async (input) => {
        const { updateForumCategory } = await this.client.request(UpdateForumCategoryDocument, {
          id: c.id,
          input,
        });
        this.categories.update((list) => list.map((x) => (x.id === c.id ? updateForumCategory : x)));
        this.editing.set(null);
        void this.announcer.announce(`Changes to “${updateForumCategory.name}” saved.`);
        this.focusLater(`#edit-${c.id}`);
      };
      this.updaters.set(c.id, fn);
    }
    return fn;
  }

  /** Move a category up or down one place: shown at once, saved, put back if the API refuses. */
  protected async move(index: number, delta: number, direction: 'up' | 'down'): Promise<void> {
    const before = this.categories();
    const after = moved(before, index, delta);
    if (after === before || this.reordering()) return;
    const item = before[index];
    this.categories.set(after);
    this.reordering.set(true);
    // Keep focus on the button pressed; at the top or bottom, on the one that still works.
    const to = index + delta;
    const keep =
      direction === 'up' && to === 0
        ? 'down'
        : direction === 'down' && to === after.length - 1
          ? 'up'
          : direction;
    this.focusLater(`#${keep}-${item.id}`);
    try {
      await this.client.request(ReorderForumCategoriesDocument, { ids: after.map((c) => c.id) });
      void this.announcer.announce(`${item.name} moved to position ${to + 1} of ${after.length}.`);
    } catch (error) {
      this.categories.set(before);
      this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
    } finally {
      this.reordering.set(false);
    }
  }

  private focusLater(selector: string): void {
    afterNextRender(() => document.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
