import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
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
import { RouterLink } from '@angular/router';
import {
  ActionDueState,
  ActionStatus,
  CASE_STATUS_LABEL,
  CaseAttention,
  ErrorCode,
  SEN_STATUS_LABEL,
} from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import { Alert, Icon, Loading, type PersonalDataOverride } from '@lantern/web-ui';
import { formatDateTime, formatRelative } from '../../core/format';
import { CaseAccessList } from './case-access-list';
import { CaseActions } from './case-actions';
import { CaseForm, type CaseFormValue } from './case-form';
import { CaseLog } from './case-log';
import { type CaseAction, type CaseDetail, type CaseNote, CaseloadData } from './caseload-data';
import { attentionText, concernText, dayText, needText } from './caseload-model';

/**
 * /caseload/cases/:id: one case. Its details (and "Edit the details"), its actions, its log (newest
 * first, edits keep the earlier text), its EHCP drafts, and who has opened it. Another school's case
 * (or another trust's) reads as "not found".
 */
@Component({
  selector: 'lan-case-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    RouterLink,
    Alert,
    Icon,
    Loading,
    CaseForm,
    CaseLog,
    CaseActions,
    CaseAccessList,
  ],
  templateUrl: './case.page.html',
  styleUrl: './case.page.scss',
})
export class CasePage {
  private readonly data = inject(CaseloadData);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** :id (bound by the router). */
  readonly id = input.required<string>();

  protected readonly detail = signal<CaseDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<{ code: string; message: string } | null>(null);
  protected readonly notFound = computed(() => {
    const e = this.error();
    return !!e && (e.code === ErrorCode.NotFound || e.code === ErrorCode.Forbidden);
  });
  protected readonly editing = signal(false);
  /** Someone else changed the case while this person was editing it. */
  protected readonly conflict = signal<string | null>(null);
  /** The polite live region: "Case recorded.", "Saved." */
  protected readonly status = signal<string>(
    (typeof history !== 'undefined' && (history.state as { saved?: unknown } | null)?.saved) as string,
  );
  protected readonly showAccess = signal(false);

  protected readonly formValue = computed<CaseFormValue | null>(() => {
    const c = this.detail();
    if (!c) return null;
    return {
      reference: c.reference,
      yearGroup: c.yearGroup,
      senStatus: c.senStatus,
      primaryNeed: c.primaryNeed,
      secondaryNeed: c.secondaryNeed,
      status: c.status,
      concerns: c.concerns.map((k) => ({ kind: k.kind, dueOn: k.dueOn, note: k.note })),
    };
  });

  protected readonly senStatusLabel = SEN_STATUS_LABEL;
  protected readonly caseStatusLabel = CASE_STATUS_LABEL;
  protected readonly attentionText = attentionText;
  protected readonly overdue = CaseAttention.Overdue;
  protected readonly needText = needText;
  protected readonly dayText = dayText;
  protected readonly dateTime = formatDateTime;
  protected readonly relative = formatRelative;
  protected readonly concernText = concernText;

  constructor() {
    const saved = this.status();
    if (saved) {
      void this.announcer.announce(saved, 'polite');
      // Said once: a reload or coming Back to this page does not say it again.
      history.replaceState({ ...(history.state as object), saved: undefined }, '');
    }
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  async load(id: string = this.id()): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.detail.set(await this.data.get(id));
      this.conflict.set(null);
    } catch (error) {
      this.detail.set(null);
      this.error.set(
        isApiError(error)
          ? { code: error.code, message: error.message }
          : { code: '', message: messageOf(error) },
      );
    } finally {
      this.loading.set(false);
    }
  }

  protected startEditing(): void {
    this.conflict.set(null);
    this.editing.set(true);
    this.focus('#case-reference');
  }

  protected stopEditing(): void {
    this.editing.set(false);
    this.focus('#edit-details');
  }

  /** Save the details from the revision the person started from (CONFLICT if it moved on). */
  protected readonly update = async (value: CaseFormValue, override: PersonalDataOverride | null) => {
    const c = this.detail();
    if (!c) return;
    const saved = await this.data.update({
      id: c.id,
      revision: c.revision,
      reference: value.reference,
      yearGroup: value.yearGroup,
      senStatus: value.senStatus,
      primaryNeed: value.primaryNeed,
      secondaryNeed: value.secondaryNeed,
      status: value.status,
      concerns: value.concerns,
      personalDataOverride: override,
    });
    this.detail.set(saved);
    this.editing.set(false);
    this.announce('Saved the case details.');
    this.focus('#edit-details');
  };

  protected onConflict(message: string): void {
    this.conflict.set(message);
    this.focus('#case-conflict');
  }

  /** Reload after a conflict: the other person's change shows, and the person can make theirs again. */
  protected async reloadAfterConflict(): Promise<void> {
    this.editing.set(false);
    await this.load();
    this.announce('Reloaded the case with the latest changes.');
    this.focus('#case-heading');
  }

  protected notesChanged(notes: readonly CaseNote[], message: string): void {
    const c = this.detail();
    if (c) this.detail.set({ ...c, notes });
    this.announce(message);
  }

  protected actionsChanged(actions: readonly CaseAction[], message: string): void {
    const c = this.detail();
    if (c) {
      const open = actions.filter((a) => a.status === ActionStatus.Open);
      this.detail.set({
        ...c,
        actions,
        openActions: open.length,
        overdueActions: open.filter((a) => a.dueState === ActionDueState.Overdue).length,
      });
    }
    this.announce(message);
  }

  private announce(message: string): void {
    this.status.set(message);
    void this.announcer.announce(message, 'polite');
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
