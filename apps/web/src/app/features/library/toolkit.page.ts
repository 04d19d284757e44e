import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ErrorCode, Permission } from '@lantern/shared-domain';
import {
  GraphqlClient,
  ToolkitDocument,
  type ToolkitPartsFragment,
  UpdateToolkitItemsDocument,
  isApiError,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, EmptyState, Loading } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { kindLabel, plural } from './library-labels';
import { placeOf } from './resource.page';
import { type ToolkitEntry, ToolkitItemsEditor } from './toolkit-items-editor';

export function entriesOf(t: ToolkitPartsFragment): ToolkitEntry[] {
  return [...t.items]
    .sort((a, b) => a.position - b.position)
    .map((i) => ({
      resourceId: i.resource.id,
      title: i.resource.title,
      kind: i.resource.kind,
      note: i.note,
    }));
}

/** /library/toolkits/:id: the resources in order; those who look after it can add, reorder and remove. */
@Component({
  selector: 'lan-toolkit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, EmptyState, Loading, ToolkitItemsEditor],
  template: `
    <nav class="crumbs" aria-label="Breadcrumb"><a routerLink="/library">Library</a></nav>
    @if (notFound()) {
      <h1>Toolkit not found</h1>
      <p>It may have been removed, or it is shared only with another school or trust.</p>
      <a mat-stroked-button routerLink="/library">Back to the library</a>
    } @else if (error(); as message) {
      <h1>Toolkit</h1>
      <lan-alert kind="error" title="This toolkit could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="load(id())">Try again</button>
      </lan-alert>
    } @else if (toolkit(); as t) {
      <h1>{{ t.resource.title }}</h1>
      <p class="meta"><span class="lan-badge">Toolkit</span> {{ place(t.resource) }}</p>
      @if (t.resource.summary) {
        <p class="summary">{{ t.resource.summary }}</p>
      }
      <p>
        <a [routerLink]="['/library/resources', t.id]">About this toolkit, its versions and comments</a>
      </p>
      @if (editing()) {
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Change the resources and their order</h2>
          @if (saveError(); as message) {
            <lan-alert kind="error" title="The toolkit was not saved" [focusOnShow]="true"
              ><p>{{ message }}</p></lan-alert
            >
          }
          <lan-toolkit-items-editor [(items)]="draft" [exclude]="t.id" />
          <div class="actions">
            <button mat-button type="button" (click)="cancel()">Cancel</button>
            <button mat-flat-button type="button" [disabled]="saving()" (click)="save()">
              {{ saving() ? 'Saving…' : 'Save the toolkit' }}
            </button>
          </div>
        </section>
      } @else {
        <section aria-labelledby="items-heading">
          <div class="head">
            <h2 id="items-heading">Resources ({{ t.items.length }})</h2>
            @if (canEdit()) {
              <button mat-stroked-button type="button" (click)="startEdit()">Add, reorder or remove</button>
            }
          </div>
          @if (t.items.length === 0) {
            <lan-empty-state title="This toolkit is empty" icon="library" />
          } @else {
            <ol class="items">
              @for (e of entries(); track e.resourceId) {
                <li>
                  <a [routerLink]="['/library/resources', e.resourceId]">{{ e.title }}</a>
                  <span class="kind"> {{ kind(e.kind) }}</span>
                  @if (e.note) {
                    <p class="note">{{ e.note }}</p>
                  }
                </li>
              }
            </ol>
          }
          @if (t.hiddenItemCount) {
            <p class="muted">
              {{ plural(t.hiddenItemCount, 'more resource is', 'more resources are') }} in this toolkit but
              shared only with other schools or trusts.
            </p>
          }
        </section>
      }
    } @else {
      <lan-loading label="Loading the toolkit…" />
    }
  `,
  styles: `
    .meta,
    .muted,
    .kind {
      color: var(--mat-sys-on-surface-variant);
    }
    .summary {
      font: var(--mat-sys-body-large);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .items li {
      padding: 0.375rem 0;
    }
    .items a {
      font-weight: 600;
    }
    .note {
      margin: 0.125rem 0 0;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1rem;
    }
  `,
})
export class ToolkitPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(Session);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly title = inject(Title);

  readonly id = input.required<string>();

  protected readonly toolkit = signal<ToolkitPartsFragment | null>(null);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly editing = signal(false);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly draft = signal<ToolkitEntry[]>([]);
  protected readonly entries = computed(() => {
    const t = this.toolkit();
    return t ? entriesOf(t) : [];
  });
  protected readonly canEdit = computed(
    () => !!this.toolkit()?.resource.canManage && this.session.has(Permission.LibraryPublish),
  );
  protected readonly kind = kindLabel;
  protected readonly plural = plural;
  protected readonly place = placeOf;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  async load(id: string): Promise<void> {
    this.toolkit.set(null);
    this.notFound.set(false);
    this.error.set(null);
    try {
      const { toolkit } = await this.client.request(ToolkitDocument, { id });
      this.toolkit.set(toolkit);
      this.title.setTitle(`${toolkit.resource.title} – Library – Lantern`);
    } catch (error) {
      if (isApiError(error) && error.code === ErrorCode.NotFound) this.notFound.set(true);
      else this.error.set(messageOf(error));
    }
  }

  protected startEdit(): void {
    this.draft.set(this.entries());
    this.saveError.set(null);
    this.editing.set(true);
  }

  protected cancel(): void {
    this.editing.set(false);
  }

  protected async save(): Promise<void> {
    const t = this.toolkit();
    if (!t || this.saving()) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const { updateToolkitItems } = await this.client.request(UpdateToolkitItemsDocument, {
        input: {
          toolkitId: t.id,
          items: this.draft().map((e) => ({ resourceId: e.resourceId, note: e.note.trim() || null })),
        },
      });
      this.toolkit.set(updateToolkitItems);
      this.editing.set(false);
      void this.announcer.announce('The toolkit is saved.');
    } catch (error) {
      this.saveError.set(messageOf(error));
    } finally {
      this.saving.set(false);
    }
  }
}
