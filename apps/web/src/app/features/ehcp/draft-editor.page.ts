import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
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
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  EHCP_LIMITS,
  EHCP_SECTION_SHORT,
  type EhcpSectionKey,
  EhcpSectionStatus,
  ErrorCode,
  statusAfterSave,
} from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import { Alert, Icon, Loading } from '@lantern/web-ui';
import { formatDateTime, formatRelative } from '../../core/format';
import { PostBody } from '@lantern/web-ui/markdown';
import { DraftAutosave } from './autosave';
import { type EhcpDraft, EhcpDrafts } from './ehcp-drafts';
import {
  STATUS_CHOICES,
  STATUS_TEXT,
  completenessOf,
  completenessText,
  exportUrl,
  wordsText,
} from './ehcp-model';

/**
 * /ehcp-drafts/:id: a school's private EHCP draft. Sections A to K down the side with each one's
 * completeness, the section's text beside its template guidance and prompts, autosave as you type
 * (with a visible and announced state, retry and conflict handling), and export to .docx.
 */
@Component({
  selector: 'lan-ehcp-draft-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    RouterLink,
    Alert,
    Icon,
    Loading,
    PostBody,
  ],
  templateUrl: './draft-editor.page.html',
  styleUrl: './draft-editor.page.scss',
  // The conflict panel's styles (kept here, beside the logic they serve).
  styles: `
    .alert-actions,
    .conflict-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .conflict-panel {
      margin-top: 0.5rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-surface-container-low);
    }
    .conflict-panel h3 {
      margin-top: 0;
    }
    .section-state {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1rem;
      margin: 0.25rem 0 0.75rem;
    }
    .state-label {
      font-weight: 600;
    }
  `,
})
export class EhcpDraftEditorPage {
  private readonly drafts = inject(EhcpDrafts);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly title = inject(Title);
  private readonly injector = inject(Injector);

  /** From the route (:id). */
  readonly id = input.required<string>();

  protected readonly draft = signal<EhcpDraft | null>(null);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly current = signal<EhcpSectionKey>('A');
  /** The text of every section as typed (saved or not). */
  protected readonly texts = signal<Record<string, string>>({});
  /** Each section's state (not started, in progress, complete), as the writers set it. */
  protected readonly statuses = signal<Record<string, EhcpSectionStatus>>({});
  protected readonly stateError = signal<string | null>(null);
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);
  /** Reloading the draft after a conflict (keeps what is not saved yet). */
  protected readonly reloading = signal(false);
  protected readonly reloadError = signal<string | null>(null);

  /** Each section's revision: a save moves it on; a save from an older one is a conflict. */
  private revisions: Record<string, number> = {};
  protected readonly autosave = new DraftAutosave(
    async (key, text) => {
      const d = this.draft();
      if (!d) return;
      this.revisions[key] = await this.drafts.saveSection(
        d.id,
        key as EhcpSectionKey,
        text,
        this.revisions[key] ?? 0,
      );
    },
    undefined,
    (key) => {
      void this.announcer.announce(
        `Someone else saved section ${key} while you were editing. Your text is kept; choose whether to use it or keep theirs.`,
      );
      void this.reload();
    },
  );
  private reloadRun: Promise<void> | null = null;
  private reloadAgain = false;

  protected readonly sections = computed(() => this.draft()?.sections ?? []);
  protected readonly section = computed(() => this.sections().find((s) => s.key === this.current()) ?? null);
  protected readonly completeness = computed(() => completenessOf(this.sections(), this.statuses()));
  protected readonly statusText = STATUS_TEXT;
  protected readonly statusChoices = STATUS_CHOICES;
  protected readonly short = EHCP_SECTION_SHORT;
  protected readonly max = EHCP_LIMITS.sectionTextMax;
  protected readonly words = wordsText;
  protected readonly progressText = completenessText;
  protected readonly dateTime = formatDateTime;
  protected readonly relative = formatRelative;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    const warn = (event: BeforeUnloadEvent) => {
      if (this.autosave.unsaved()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('beforeunload', warn);
      void this.autosave.flush();
      this.autosave.dispose();
    });
  }

  private async load(id: string): Promise<void> {
    this.draft.set(null);
    this.notFound.set(false);
    this.error.set(null);
    try {
      const draft = await this.drafts.draft(id);
      this.revisions = Object.fromEntries(draft.sections.map((s) => [s.key, s.revision]));
      this.texts.set(Object.fromEntries(draft.sections.map((s) => [s.key, s.text])));
      this.statuses.set(Object.fromEntries(draft.sections.map((s) => [s.key, s.status])));
      this.draft.set(draft);
      const firstOpen =
        draft.sections.find((s) => s.status !== EhcpSectionStatus.Complete && !s.text.trim()) ??
        draft.sections.find((s) => s.status !== EhcpSectionStatus.Complete) ??
        draft.sections[0];
      if (firstOpen) this.current.set(firstOpen.key);
      this.title.setTitle(`EHCP draft ${draft.pupilReference} – Lantern`);
    } catch (error) {
      if (isApiError(error) && (error.code === ErrorCode.NotFound || error.code === ErrorCode.Forbidden)) {
        this.notFound.set(true);
      } else {
        this.error.set(messageOf(error));
      }
    }
  }

  protected retryLoad(): void {
    void this.load(this.id());
  }

  /**
   * Load the draft's current text and revisions after a conflict, without losing anything typed:
   * what is waiting is saved first; a section whose text is still not saved keeps it (and its
   * revision); a section in conflict takes the server's text and revision, its person's text kept
   * by the autosave until they choose. Typing saves again afterwards.
   */
  protected reload(): Promise<void> {
    if (this.reloadRun) {
      this.reloadAgain = true;
      return this.reloadRun;
    }
    this.reloadRun = (async () => {
      try {
        do {
          this.reloadAgain = false;
          await this.reloadOnce();
        } while (this.reloadAgain);
      } finally {
        this.reloadRun = null;
      }
    })();
    return this.reloadRun;
  }

  private async reloadOnce(): Promise<void> {
    const d = this.draft();
    if (!d) return;
    this.reloading.set(true);
    this.reloadError.set(null);
    try {
      await this.autosave.flush();
      // Conflicts met while this loads are reloaded by the next round (this text may predate them).
      const conflicted = this.autosave.conflictKeys();
      const fresh = await this.drafts.draft(d.id);
      const texts = { ...this.texts() };
      for (const s of fresh.sections) {
        if (this.autosave.busy(s.key)) continue;
        texts[s.key] = s.text;
        this.revisions[s.key] = s.revision;
      }
      this.texts.set(texts);
      // States are not part of a text conflict: the saved ones apply (typing may put one in progress).
      this.statuses.set(
        Object.fromEntries(fresh.sections.map((s) => [s.key, statusAfterSave(s.status, texts[s.key] ?? '')])),
      );
      this.draft.set(fresh);
      for (const key of conflicted) this.autosave.reloaded(key);
    } catch (error) {
      this.reloadError.set(messageOf(error));
    } finally {
      this.reloading.set(false);
    }
  }

  /** Save the person's kept text over the other change (against the revision just reloaded). */
  protected async useMine(key: EhcpSectionKey): Promise<void> {
    if (!this.autosave.conflicts()[key]?.reloaded) await this.reload();
    if (!this.autosave.conflicts()[key]?.reloaded) return;
    const mine = this.autosave.useMine(key);
    if (mine === null) return;
    this.texts.update((t) => ({ ...t, [key]: mine }));
    await this.autosave.flush();
    if (!this.autosave.conflicts()[key] && !this.autosave.busy(key)) {
      void this.announcer.announce(`Your text for section ${key} is saved.`);
    }
  }

  /** Keep the other person's text for the section (it is already in the box). */
  protected keepTheirs(key: EhcpSectionKey): void {
    if (!this.autosave.conflicts()[key]?.reloaded) return;
    this.autosave.keepTheirs(key);
    void this.announcer.announce(`Kept the saved text of section ${key}.`);
  }

  protected choose(key: EhcpSectionKey): void {
    this.current.set(key);
    afterNextRender(() => document.getElementById('section-text')?.focus(), { injector: this.injector });
  }

  /** The narrow screens' section select: no focus move, so arrowing through the options stays in it. */
  protected pick(key: string): void {
    const found = this.sections().find((s) => s.key === key);
    if (found) this.current.set(found.key);
  }

  protected typed(key: EhcpSectionKey, text: string): void {
    this.texts.update((t) => ({ ...t, [key]: text }));
    // As the server does on save: writing in a section not started puts it in progress.
    this.statuses.update((st) => ({
      ...st,
      [key]: statusAfterSave(st[key] ?? EhcpSectionStatus.NotStarted, text),
    }));
    this.autosave.edit(key, text);
  }

  /** Mark a section not started, in progress or complete (saved at once; the text is not touched). */
  protected async setStatus(key: EhcpSectionKey, status: EhcpSectionStatus): Promise<void> {
    const d = this.draft();
    const before = this.statuses()[key];
    if (!d || !before || before === status) return;
    this.stateError.set(null);
    this.statuses.update((st) => ({ ...st, [key]: status }));
    try {
      await this.drafts.setSectionState(d.id, key, status);
      void this.announcer.announce(`Section ${key} marked ${STATUS_TEXT[status].toLowerCase()}.`);
    } catch (error) {
      this.statuses.update((st) => ({ ...st, [key]: before }));
      this.stateError.set(
        `Section ${key} is still marked ${STATUS_TEXT[before].toLowerCase()}: ${messageOf(error)}`,
      );
    }
  }

  protected async retrySave(): Promise<void> {
    await this.autosave.retry();
    if (this.autosave.state() === 'saved') void this.announcer.announce('Saved.');
  }

  /** Save what is waiting, then download the .docx (the server builds it from the saved text). */
  protected async export(): Promise<void> {
    const d = this.draft();
    if (!d || this.exporting()) return;
    this.exportError.set(null);
    this.exporting.set(true);
    try {
      await this.autosave.flush();
      if (this.autosave.state() === 'conflict') {
        this.exportError.set(
          'Someone else changed a section you were editing. Choose whether to use your text or keep theirs, then export.',
        );
        return;
      }
      if (this.autosave.unsaved()) {
        this.exportError.set(
          'Your latest changes are not saved yet, so they would be missing from the export. Save them first.',
        );
        return;
      }
      // Fetched first so a refusal is shown here, not saved as a file.
      const res = await fetch(d.exportUrl || exportUrl(d.id), { credentials: 'same-origin' });
      if (!res.ok) {
        this.exportError.set(await refusalMessage(res));
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = downloadName(res.headers.get('content-disposition'));
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      void this.announcer.announce('The Word document is downloading.');
    } catch {
      this.exportError.set(
        'Lantern could not be reached to make the document. Check your connection and try again.',
      );
    } finally {
      this.exporting.set(false);
    }
  }
}

/** The server's plain-English reason, or a general one. */
async function refusalMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string' && body.message) return body.message;
  } catch {
    /* not JSON */
  }
  return res.status === 404
    ? 'This draft was not found, or you no longer have access to it.'
    : 'The document could not be made just now. Please try again.';
}

/** The file name from `Content-Disposition` (RFC 6266 `filename*` first), or a plain default. */
export function downloadName(header: string | null): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="([^"]+)"/i.exec(header ?? '');
  return plain ? plain[1] : 'EHCP draft.docx';
}
