import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  input,
  model,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { LIBRARY_LIMITS, type ResourceKind } from '@lantern/shared-domain';
import { GraphqlClient, LibraryResourcesDocument, messageOf } from '@lantern/web-graphql';
import { Icon } from '@lantern/web-ui';
import { kindLabel } from './library-labels';

export interface ToolkitEntry {
  resourceId: string;
  title: string;
  kind: ResourceKind;
  note: string;
}

/** The list with one item moved by `delta` places (unchanged when it would leave the list). */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * Edit a toolkit's items: find resources and add them, move each up or down with buttons (keyboard
 * friendly; the move is announced and focus stays on the moved item's button), add a note, remove.
 */
@Component({
  selector: 'lan-toolkit-items-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, Icon],
  template: `
    <ol class="items" aria-label="Resources in this toolkit, in order">
      @for (item of items(); track item.resourceId; let i = $index, first = $first, last = $last) {
        <li [attr.data-resource]="item.resourceId">
          <div class="line">
            <span class="pos" aria-hidden="true">{{ i + 1 }}.</span>
            <span class="title">{{ item.title }}</span>
            <span class="kind">{{ kind(item.kind) }}</span>
            <span class="buttons">
              <button
                mat-icon-button
                type="button"
                class="up"
                [disabled]="first"
                (click)="move(i, -1)"
                [attr.aria-label]="'Move ' + item.title + ' up'"
              >
                <lan-icon name="arrowUp" [size]="20" />
              </button>
              <button
                mat-icon-button
                type="button"
                class="down"
                [disabled]="last"
                (click)="move(i, 1)"
                [attr.aria-label]="'Move ' + item.title + ' down'"
              >
                <lan-icon name="arrowDown" [size]="20" />
              </button>
              <button mat-button type="button" (click)="remove(i)">
                Remove<span class="visually-hidden"> {{ item.title }}</span>
              </button>
            </span>
          </div>
          <mat-form-field class="note">
            <mat-label>Note for {{ item.title }} (optional)</mat-label>
            <input
              matInput
              [value]="item.note"
              [attr.maxlength]="noteMax"
              (input)="setNote(i, $any($event.target).value)"
            />
          </mat-form-field>
        </li>
      } @empty {
        <li class="empty">No resources yet. Find them below and add them.</li>
      }
    </ol>

    <form class="find" role="search" aria-label="Find resources to add" (submit)="find($event, q.value)">
      <mat-form-field class="q">
        <mat-label>Find a resource to add</mat-label>
        <input #q matInput type="search" autocomplete="off" />
      </mat-form-field>
      <button mat-stroked-button type="submit" [disabled]="searching()">Find</button>
    </form>
    <div role="status">
      @if (searchError(); as message) {
        <p class="error">{{ message }}</p>
      } @else if (found(); as list) {
        @if (list.length === 0) {
          <p>No resources match.</p>
        } @else {
          <ul class="found" aria-label="Resources found">
            @for (r of list; track r.resourceId) {
              <li>
                {{ r.title }} <span class="kind">({{ kind(r.kind) }})</span>
                <button mat-button type="button" [disabled]="isIn(r.resourceId) || full()" (click)="add(r)">
                  {{ isIn(r.resourceId) ? 'Added' : 'Add'
                  }}<span class="visually-hidden"> {{ r.title }}</span>
                </button>
              </li>
            }
          </ul>
        }
      }
    </div>
  `,
  styles: `
    .items {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
    }
    .items li {
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }
    .title {
      font-weight: 600;
      flex: 1 1 12rem;
    }
    .kind,
    .empty {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875rem;
    }
    .buttons {
      display: flex;
      align-items: center;
    }
    .note {
      width: 100%;
    }
    .find {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 1rem;
    }
    .q {
      flex: 1 1 16rem;
    }
    .found {
      margin: 0;
      padding-left: 1.25rem;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ToolkitItemsEditor {
  private readonly client = inject(GraphqlClient);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly items = model.required<ToolkitEntry[]>();
  /** Resources that cannot be added (the toolkit itself). */
  readonly exclude = input<string | null>(null);

  protected readonly found = signal<ToolkitEntry[] | null>(null);
  protected readonly searching = signal(false);
  protected readonly searchError = signal<string | null>(null);
  protected readonly noteMax = LIBRARY_LIMITS.toolkitNoteMax;
  protected readonly kind = kindLabel;

  protected isIn(id: string): boolean {
    return this.items().some((i) => i.resourceId === id);
  }

  protected full(): boolean {
    return this.items().length >= LIBRARY_LIMITS.toolkitItemsMax;
  }

  protected move(index: number, delta: number): void {
    const item = this.items()[index];
    const next = moveItem(this.items(), index, delta);
    this.items.set(next);
    const at = next.indexOf(item);
    void this.announcer.announce(`${item.title} moved to position ${at + 1} of ${next.length}.`);
    // Keep focus with the item: on the same button, or the other one at either end of the list.
    const cls = delta < 0 ? (at === 0 ? 'down' : 'up') : at === next.length - 1 ? 'up' : 'down';
    afterNextRender(
      () =>
        this.host.nativeElement
          .querySelector<HTMLButtonElement>(`li[data-resource="${item.resourceId}"] button.${cls}`)
          ?.focus(),
      { injector: this.injector },
    );
  }

  protected remove(index: number): void {
    const item = this.items()[index];
    this.items.set(this.items().filter((_, i) => i !== index));
    void this.announcer.announce(`${item.title} removed from the toolkit.`);
  }

  protected setNote(index: number, note: string): void {
    this.items.set(this.items().map((item, i) => (i === index ? { ...item, note } : item)));
  }

  protected add(entry: ToolkitEntry): void {
    if (this.isIn(entry.resourceId) || this.full()) return;
    this.items.set([...this.items(), entry]);
    void this.announcer.announce(`${entry.title} added as number ${this.items().length}.`);
  }

  protected async find(event: Event, query: string): Promise<void> {
    event.preventDefault();
    const q = query.trim();
    this.searchError.set(null);
    if (q.length < LIBRARY_LIMITS.searchMin) {
      this.searchError.set(`Search for at least ${LIBRARY_LIMITS.searchMin} characters.`);
      return;
    }
    this.searching.set(true);
    try {
      const { libraryResources } = await this.client.request(LibraryResourcesDocument, {
        filter: { query: q },
        first: 10,
      });
      this.found.set(
        libraryResources.nodes
          .filter((r) => r.id !== this.exclude())
          .map((r) => ({ resourceId: r.id, title: r.title, kind: r.kind, note: '' })),
      );
    } catch (error) {
      this.searchError.set(messageOf(error));
    } finally {
      this.searching.set(false);
    }
  }
}
