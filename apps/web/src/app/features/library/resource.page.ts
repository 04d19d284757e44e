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
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ErrorCode, Permission, ResourceKind, ResourceStatus, formatBytes } from '@lantern/shared-domain';
import {
  BookmarkResourceDocument,
  EndorseResourceDocument,
  GraphqlClient,
  type LibraryResourcePartsFragment,
  LibraryResourceDocument,
  type LibraryResourceQuery,
  MarkResourceReviewedDocument,
  SetResourceStatusDocument,
  isApiError,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, ConfirmService, Icon, Loading } from '@lantern/web-ui';
import { firstValueFrom } from 'rxjs';
import { formatDate, formatDateTime } from '../../core/format';
import { Session } from '../../core/session';
import { PostBody } from '@lantern/web-ui/markdown';
import { AdoptDialog, type AdoptDialogData } from './adopt-dialog';
import { EhcpTemplate } from './ehcp-template';
import { kindLabel, needLabels, phaseLabels, plural, scopeText, statusLabel } from './library-labels';
import { ResourceComments } from './resource-comments';
import { ResourceVersions } from './resource-versions';

export type Resource = NonNullable<LibraryResourceQuery['libraryResource']>;

/** Where a resource is shared, naming the trust or school. */
export function placeOf(r: Pick<LibraryResourcePartsFragment, 'shareScope' | 'trust' | 'school'>): string {
  return scopeText(r.shareScope, r.school?.displayName ?? r.trust?.name ?? null);
}

/**
 * /library/resources/:id: the newest version rendered, its files, what it is for and who looks after
 * it; useful, bookmark, versions (compare, restore), comments; for EHCP templates the sections and
 * local-authority variants and "Start a draft"; for a trust SEND lead, "Adopt for my trust".
 */
@Component({
  selector: 'lan-resource-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    RouterLink,
    Alert,
    Icon,
    Loading,
    PostBody,
    EhcpTemplate,
    ResourceComments,
    ResourceVersions,
  ],
  templateUrl: './resource.page.html',
  styleUrl: './resource.page.scss',
})
export class ResourcePage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(Session);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly snackBar = inject(MatSnackBar);
  private readonly confirm = inject(ConfirmService);
  private readonly dialog = inject(MatDialog);
  private readonly title = inject(Title);

  /** From the route (:id). */
  readonly id = input.required<string>();

  protected readonly resource = signal<Resource | null>(null);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal<string | null>(null);
  private generation = 0;

  protected readonly version = computed(() => this.resource()?.currentVersion ?? null);
  protected readonly isEhcpTemplate = computed(() => !!this.version()?.ehcpSections?.length);
  protected readonly canPublish = computed(() => this.session.has(Permission.LibraryPublish));
  protected readonly canStartDraft = computed(() => this.session.has(Permission.CaseDataUse));

  protected readonly kindLabel = kindLabel;
  protected readonly statusLabel = statusLabel;
  protected readonly needLabels = needLabels;
  protected readonly phaseLabels = phaseLabels;
  protected readonly plural = plural;
  protected readonly place = placeOf;
  protected readonly date = formatDate;
  protected readonly dateTime = formatDateTime;
  protected readonly size = formatBytes;
  protected readonly Status = ResourceStatus;
  protected readonly Kind = ResourceKind;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    const generation = ++this.generation;
    this.resource.set(null);
    this.notFound.set(false);
    this.error.set(null);
    try {
      const { libraryResource } = await this.client.request(LibraryResourceDocument, { id });
      if (generation !== this.generation) return;
      this.resource.set(libraryResource);
      this.title.setTitle(`${libraryResource.title} – Library – Lantern`);
    } catch (error) {
      if (generation !== this.generation) return;
      if (isApiError(error) && error.code === ErrorCode.NotFound) this.notFound.set(true);
      else this.error.set(messageOf(error));
    }
  }

  protected retry(): void {
    void this.load(this.id());
  }

  /** After a restore or another change that makes a new version: show the new one. */
  protected reload(): void {
    void this.load(this.id());
  }

  /** Keep the version (and anything else only the full query has) when a mutation returns the resource. */
  private merge(next: LibraryResourcePartsFragment): void {
    const current = this.resource();
    if (current) this.resource.set({ ...current, ...next });
  }

  protected async toggleUseful(): Promise<void> {
    const r = this.resource();
    if (!r || this.busy()) return;
    this.busy.set('useful');
    try {
      const { endorseResource } = await this.client.request(EndorseResourceDocument, {
        resourceId: r.id,
        endorsed: !r.endorsedByViewer,
      });
      this.merge(endorseResource);
      void this.announcer.announce(
        endorseResource.endorsedByViewer ? 'Marked as useful.' : 'No longer marked as useful.',
      );
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async toggleBookmark(): Promise<void> {
    const r = this.resource();
    if (!r || this.busy()) return;
    this.busy.set('bookmark');
    try {
      const { bookmarkResource } = await this.client.request(BookmarkResourceDocument, {
        resourceId: r.id,
        bookmarked: !r.bookmarkedByViewer,
      });
      this.merge(bookmarkResource);
      void this.announcer.announce(
        bookmarkResource.bookmarkedByViewer
          ? 'Bookmarked. You will hear about new versions.'
          : 'Bookmark removed.',
      );
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async setStatus(status: ResourceStatus): Promise<void> {
    const r = this.resource();
    if (!r || this.busy()) return;
    if (status === ResourceStatus.Archived) {
      const ok = await this.confirm.confirm({
        title: 'Archive this resource?',
        message:
          'It leaves the library lists and search. Its versions are kept, and you can publish it again.',
        confirmText: 'Archive',
      });
      if (!ok) return;
    }
    this.busy.set('status');
    try {
      const { setResourceStatus } = await this.client.request(SetResourceStatusDocument, {
        resourceId: r.id,
        status,
      });
      this.merge(setResourceStatus);
      void this.announcer.announce(`Status: ${statusLabel(setResourceStatus.status)}.`);
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async markReviewed(): Promise<void> {
    const r = this.resource();
    if (!r || this.busy()) return;
    this.busy.set('review');
    try {
      const { markResourceReviewed } = await this.client.request(MarkResourceReviewedDocument, {
        resourceId: r.id,
      });
      this.merge(markResourceReviewed);
      void this.announcer.announce(
        `Marked as reviewed. The next review is due ${formatDate(markResourceReviewed.reviewDueAt)}.`,
      );
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async adopt(): Promise<void> {
    const r = this.resource();
    if (!r) return;
    const ref = this.dialog.open<AdoptDialog, AdoptDialogData, LibraryResourcePartsFragment | null>(
      AdoptDialog,
      {
        data: { resourceId: r.id, title: r.title, trusts: r.adoptableForTrusts },
        autoFocus: 'first-tabbable',
        restoreFocus: true,
        maxWidth: '40rem',
        width: '100%',
      },
    );
    const adopted = await firstValueFrom(ref.afterClosed());
    if (adopted) {
      this.merge(adopted);
      void this.announcer.announce('Adopted for your trust.');
    }
  }

  private fail(error: unknown): void {
    this.snackBar.open(messageOf(error), 'Dismiss', { politeness: 'assertive', duration: 0 });
  }
}
