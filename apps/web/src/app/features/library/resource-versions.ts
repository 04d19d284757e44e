import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Permission } from '@lantern/shared-domain';
import {
  CompareResourceVersionsDocument,
  type CompareResourceVersionsQuery,
  GraphqlClient,
  type LibraryVersionPartsFragment,
  ResourceVersionsDocument,
  RestoreResourceVersionDocument,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, ConfirmService, Loading } from '@lantern/web-ui';
import { formatDateTime } from '../../core/format';
import { PagedList } from '../../core/paged-list';
import { Session } from '../../core/session';
import { plural } from './library-labels';
import { VersionDiff } from './version-diff';

type Comparison = CompareResourceVersionsQuery['compareResourceVersions'];

/** "3 lines added, 1 removed; the title changed". */
export function comparisonSummary(
  c: Pick<
    Comparison,
    'addedLines' | 'removedLines' | 'titleChanged' | 'summaryChanged' | 'filesAdded' | 'filesRemoved'
  >,
): string {
  const parts: string[] = [];
  if (c.addedLines || c.removedLines) {
    parts.push(`${plural(c.addedLines, 'line')} added, ${c.removedLines.toLocaleString('en-GB')} removed`);
  } else {
    parts.push('the text is unchanged');
  }
  if (c.titleChanged) parts.push('the title changed');
  if (c.summaryChanged) parts.push('the summary changed');
  if (c.filesAdded.length) parts.push(`${plural(c.filesAdded.length, 'file')} added`);
  if (c.filesRemoved.length) parts.push(`${plural(c.filesRemoved.length, 'file')} removed`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/**
 * Whether a version's line needs "(restored from version N)" after its change note: not when the
 * note already says so (the default note of a restore, or the wording older restores used).
 */
export function restoreNoteNeeded(v: { changeNote: string; restoredFrom?: number | null }): boolean {
  if (!v.restoredFrom) return false;
  const note = v.changeNote.trim().toLowerCase().replace(/\.$/, '');
  return note !== `restored from version ${v.restoredFrom}` && note !== `restored version ${v.restoredFrom}`;
}

/**
 * A resource's history, newest first: every version with its change note; compare any two (a line
 * diff of the text) and, for those who look after it, restore an old one (it becomes the newest).
 */
@Component({
  selector: 'lan-resource-versions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, Alert, Loading, VersionDiff],
  template: `
    <section class="versions" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions ({{ resource().versionCount }})</h2>
      @if (list.error(); as message) {
        <lan-alert kind="error" title="The history could not be loaded">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="list.reload()">Try again</button>
        </lan-alert>
      }
      @if (!list.loaded() && list.loading()) {
        <lan-loading label="Loading versions…" />
      } @else {
        <ol class="list" aria-label="Versions, newest first">
          @for (v of list.items(); track v.id) {
            <li>
              <div class="line">
                <strong>Version {{ v.number }}</strong>
                @if (v.isCurrent) {
                  <span class="lan-badge">Current</span>
                }
                <time [attr.datetime]="v.createdAt">{{ dateTime(v.createdAt) }}</time>
                <span>by {{ v.author?.displayName ?? 'someone who has left' }}</span>
              </div>
              <p class="note">
                {{ v.changeNote }}
                @if (restoreNoteNeeded(v)) {
                  <span class="muted">(restored from version {{ v.restoredFrom }})</span>
                }
              </p>
              <div class="actions">
                @if (!v.isCurrent) {
                  <button mat-button type="button" (click)="compareWithCurrent(v)">
                    Compare with the current version<span class="visually-hidden">
                      (version {{ v.number }})</span
                    >
                  </button>
                  @if (canRestore()) {
                    <button mat-button type="button" [disabled]="restoring()" (click)="restore(v)">
                      Restore<span class="visually-hidden"> version {{ v.number }}</span>
                    </button>
                  }
                }
              </div>
            </li>
          }
        </ol>
        @if (list.hasMore()) {
          <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.loadMore()">
            {{ list.loading() ? 'Loading…' : 'Load older versions' }}
          </button>
        }
      }

      @if (resource().versionCount > 1) {
        <form class="compare" (submit)="submitCompare($event)" aria-labelledby="compare-heading">
          <h3 id="compare-heading">Compare two versions</h3>
          <mat-form-field>
            <mat-label>From version</mat-label>
            <select
              matNativeControl
              name="from"
              [value]="from()"
              (change)="from.set(+$any($event.target).value)"
            >
              @for (n of numbers(); track n) {
                <option [value]="n" [selected]="n === from()">Version {{ n }}</option>
              }
            </select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>To version</mat-label>
            <select matNativeControl name="to" [value]="to()" (change)="to.set(+$any($event.target).value)">
              @for (n of numbers(); track n) {
                <option [value]="n" [selected]="n === to()">Version {{ n }}</option>
              }
            </select>
          </mat-form-field>
          <button mat-stroked-button type="submit" [disabled]="comparing()">
            {{ comparing() ? 'Comparing…' : 'Compare' }}
          </button>
        </form>
      }
      @if (compareError(); as message) {
        <lan-alert kind="error" title="The versions could not be compared"
          ><p>{{ message }}</p></lan-alert
        >
      }
      @if (comparison(); as c) {
        <section class="result" aria-labelledby="comparison-heading" tabindex="-1" id="comparison">
          <h3 id="comparison-heading">
            Changes from version {{ c.from.number }} to version {{ c.to.number }}
          </h3>
          <p>{{ summary(c) }}</p>
          @if (c.titleChanged) {
            <p>Title: “{{ c.from.title }}” became “{{ c.to.title }}”.</p>
          }
          @if (c.filesAdded.length || c.filesRemoved.length) {
            <ul class="file-changes">
              @for (f of c.filesAdded; track f.id) {
                <li>File added: {{ f.name }}</li>
              }
              @for (f of c.filesRemoved; track f.id) {
                <li>File removed: {{ f.name }}</li>
              }
            </ul>
          }
          <lan-version-diff [hunks]="c.hunks" />
        </section>
      }
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
    .line {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: center;
    }
    .line time,
    .line span:last-child,
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875rem;
    }
    .note {
      margin: 0.25rem 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    .compare {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 1rem;
      margin-top: 1rem;
    }
    .compare h3 {
      flex: 1 0 100%;
    }
    .result:focus {
      outline: none;
    }
  `,
})
export class ResourceVersions {
  private readonly client = inject(GraphqlClient);
  private readonly confirm = inject(ConfirmService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly session = inject(Session);

  readonly resource = input.required<{ id: string; versionCount: number; canManage: boolean }>();
  /** A restore made a new version: the page reloads the resource. */
  readonly restored = output<void>();

  readonly list = new PagedList<LibraryVersionPartsFragment>(async (after) => {
    const { resourceVersions } = await this.client.request(ResourceVersionsDocument, {
      resourceId: this.resource().id,
      first: 20,
      after,
    });
    return resourceVersions;
  });

  protected readonly canRestore = computed(
    () => this.resource().canManage && this.session.has(Permission.LibraryPublish),
  );
  protected readonly numbers = computed(() =>
    Array.from({ length: this.resource().versionCount }, (_, i) => this.resource().versionCount - i),
  );
  protected readonly from = signal(1);
  protected readonly to = signal(1);
  protected readonly comparing = signal(false);
  protected readonly comparison = signal<Comparison | null>(null);
  protected readonly compareError = signal<string | null>(null);
  protected readonly restoring = signal(false);
  protected readonly dateTime = formatDateTime;
  protected readonly restoreNoteNeeded = restoreNoteNeeded;
  protected readonly summary = comparisonSummary;

  constructor() {
    effect(() => {
      const r = this.resource();
      untracked(() => {
        this.to.set(r.versionCount);
        this.from.set(Math.max(1, r.versionCount - 1));
        this.comparison.set(null);
        void this.list.reload();
      });
    });
  }

  protected compareWithCurrent(v: LibraryVersionPartsFragment): void {
    this.from.set(v.number);
    this.to.set(this.resource().versionCount);
    void this.compare();
  }

  protected submitCompare(event: Event): void {
    event.preventDefault();
    void this.compare();
  }

  async compare(): Promise<void> {
    const from = this.from();
    const to = this.to();
    this.compareError.set(null);
    if (from === to) {
      this.compareError.set('Choose two different versions to compare.');
      return;
    }
    this.comparing.set(true);
    try {
      const { compareResourceVersions } = await this.client.request(CompareResourceVersionsDocument, {
        resourceId: this.resource().id,
        from,
        to,
      });
      this.comparison.set(compareResourceVersions);
      void this.announcer.announce(comparisonSummary(compareResourceVersions));
      queueMicrotask(() => document.getElementById('comparison')?.focus());
    } catch (error) {
      this.compareError.set(messageOf(error));
    } finally {
      this.comparing.set(false);
    }
  }

  protected async restore(v: LibraryVersionPartsFragment): Promise<void> {
    const ok = await this.confirm.confirm({
      title: `Restore version ${v.number}?`,
      message: `Version ${v.number} becomes a new version ${this.resource().versionCount + 1}, the newest.`,
      details: ['Nothing is lost: every version stays in the history, and people who use it are told.'],
      confirmText: 'Restore',
    });
    if (!ok) return;
    this.restoring.set(true);
    try {
      await this.client.request(RestoreResourceVersionDocument, {
        resourceId: this.resource().id,
        number: v.number,
        changeNote: null,
      });
      void this.announcer.announce(`Version ${v.number} restored as the newest version.`);
      this.restored.emit();
    } catch (error) {
      this.compareError.set(messageOf(error));
    } finally {
      this.restoring.set(false);
    }
  }
}
