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
import { Router, RouterLink } from '@angular/router';
import {
  EHCP_SECTION_SHORT,
  EhcpSectionChange,
  type EhcpSectionDifference,
  type EhcpTemplateSection,
  compareEhcpSections,
  ehcpDraftSchoolsOf,
  isEhcpSectionKey,
} from '@lantern/shared-domain';
import {
  GraphqlClient,
  type LibraryEhcpSectionPartsFragment,
  ResourceVersionDocument,
  messageOf,
} from '@lantern/web-graphql';
import { Alert, Loading } from '@lantern/web-ui';
import { firstValueFrom } from 'rxjs';
import { Session } from '../../core/session';
import { PostBody, renderPreview } from '@lantern/web-ui/markdown';
import { StartDraftDialog, type StartDraftDialogData } from '../ehcp/start-draft-dialog';

/** The API's sections as the shared type (unknown keys dropped). */
export function toTemplateSections(
  sections: readonly LibraryEhcpSectionPartsFragment[],
): EhcpTemplateSection[] {
  return sections
    .filter((s) => isEhcpSectionKey(s.key))
    .map((s) => ({
      key: s.key as EhcpTemplateSection['key'],
      title: s.title,
      guidance: s.guidance,
      prompts: [...s.prompts],
    }));
}

export const CHANGE_LABEL: Readonly<Record<EhcpSectionChange, string>> = {
  [EhcpSectionChange.Added]: 'Added in this variant',
  [EhcpSectionChange.Removed]: 'Left out of this variant',
  [EhcpSectionChange.Changed]: 'Changed',
};

interface VariantRef {
  id: string;
  title: string;
  localAuthority?: { name: string } | null;
}

interface Differences {
  /** The other template (base or variant). */
  other: VariantRef;
  /** Which side the page shows: the variant compared with its base. */
  direction: 'variant-of-base' | 'base-to-variant';
  items: EhcpSectionDifference[] | null;
  error: string | null;
}

/**
 * An EHCP template's structure: sections A to K with guidance and prompts; its local-authority
 * variants (or its base) with what differs, section by section; and "Start a draft" for people who
 * write drafts for a school.
 */
@Component({
  selector: 'lan-ehcp-template',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, Loading, PostBody],
  templateUrl: './ehcp-template.html',
  styleUrl: './ehcp-template.scss',
})
export class EhcpTemplate {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  readonly resource = input.required<{
    id: string;
    title: string;
    localAuthority?: { name: string } | null;
    baseResource?: VariantRef | null;
    variants: readonly VariantRef[];
  }>();
  readonly sections = input.required<readonly LibraryEhcpSectionPartsFragment[]>();

  /** Schools the viewer writes drafts for, named from their memberships. */
  protected readonly draftSchools = computed(() => {
    const ids = ehcpDraftSchoolsOf(this.session.actor());
    const names = new Map(
      (this.session.viewer()?.memberships ?? []).flatMap((m) =>
        m.school ? [[m.school.id, m.school.displayName]] : [],
      ),
    );
    return ids.map((id) => ({ id, name: names.get(id) ?? 'Your school' }));
  });
  protected readonly canStart = computed(() => this.draftSchools().length > 0);
  protected readonly differences = signal<Differences | null>(null);
  protected readonly short = EHCP_SECTION_SHORT;
  protected readonly changeLabel = CHANGE_LABEL;
  protected readonly isKey = isEhcpSectionKey;
  /** Guidance is markdown: shown rendered and sanitised, never as raw "**" marks. */
  protected readonly renderGuidance = renderPreview;

  constructor() {
    // A variant shows how it differs from its base straight away.
    effect(() => {
      const r = this.resource();
      untracked(() => {
        this.differences.set(null);
        if (r.baseResource) void this.showDifferences(r.baseResource, 'variant-of-base');
      });
    });
  }

  async showDifferences(other: VariantRef, direction: Differences['direction']): Promise<void> {
    this.differences.set({ other, direction, items: null, error: null });
    try {
      const { resourceVersion } = await this.client.request(ResourceVersionDocument, {
        resourceId: other.id,
      });
      const mine = toTemplateSections(this.sections());
      const theirs = toTemplateSections(resourceVersion.ehcpSections ?? []);
      const items =
        direction === 'variant-of-base'
          ? compareEhcpSections(theirs, mine)
          : compareEhcpSections(mine, theirs);
      this.differences.set({ other, direction, items, error: null });
    } catch (error) {
      this.differences.set({ other, direction, items: null, error: messageOf(error) });
    }
  }

  protected async startDraft(): Promise<void> {
    const r = this.resource();
    const ref = this.dialog.open<StartDraftDialog, StartDraftDialogData, string | null>(StartDraftDialog, {
      data: { templateResourceId: r.id, templateTitle: r.title, schools: this.draftSchools() },
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      maxWidth: '36rem',
      width: '100%',
    });
    const draftId = await firstValueFrom(ref.afterClosed());
    if (draftId) await this.router.navigate(['/ehcp-drafts', draftId]);
  }
}
