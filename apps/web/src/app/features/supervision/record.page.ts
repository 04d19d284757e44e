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
import { RouterLink } from '@angular/router';
import {
  ACTION_STATUS_LABEL,
  SUPERVISION_ROLE_LABEL,
  SupervisionRole,
  SupervisionStatus,
} from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { Alert, ConfirmService, Icon, Loading } from '@lantern/web-ui';
import { formatDate, formatDateTime } from '../../core/format';
import { RecordAddenda } from './record-addenda';
import { type SessionForRecord, type SupervisionRecord, SupervisionData } from './supervision-data';
import { recordFailure, roleLabel, signatureText, statusLabel } from './supervision-model';

/**
 * /supervision/:id/record: a session's record. Once the session has ended either signing side
 * drafts it (and may redraft while it is unsigned); each side signs the revision shown, after a
 * confirmation that a signed record cannot be changed; then dated addenda, which both sign.
 * Exported as .docx and PDF by the API.
 */
@Component({
  selector: 'lan-supervision-record-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, Icon, Loading, RecordAddenda],
  templateUrl: './record.page.html',
  styleUrl: './record.page.scss',
})
export class RecordPage {
  private readonly data = inject(SupervisionData);
  private readonly confirm = inject(ConfirmService);

  /** :id (bound by the router). */
  readonly id = input.required<string>();

  protected readonly session = signal<SessionForRecord | null>(null);
  protected readonly record = computed<SupervisionRecord | null>(() => this.session()?.record ?? null);
  protected readonly loadError = signal<{ message: string; notFound: boolean } | null>(null);
  protected readonly busy = signal(false);
  /** What the last action did (a polite status), or why it failed. */
  protected readonly status = signal('');
  protected readonly failure = signal<{ message: string; reload: boolean } | null>(null);

  protected readonly ended = computed(() => this.session()?.status === SupervisionStatus.Ended);
  /** The SENCO and the SEND lead taking part draft and sign; others only read. */
  protected readonly signs = computed(() => {
    const role = this.session()?.myRole;
    return role === SupervisionRole.Senco || role === SupervisionRole.SendLead;
  });
  protected readonly signLabel = computed(() => {
    const side = this.record()?.canSignAs;
    return side ? `Sign as ${SUPERVISION_ROLE_LABEL[side]}` : null;
  });
  protected readonly anySigned = computed(() => {
    const r = this.record();
    return !!(r?.sencoSignedAt || r?.leadSignedAt);
  });

  protected readonly statusLabel = statusLabel;
  protected readonly roleLabel = roleLabel;
  protected readonly actionStatusLabel = ACTION_STATUS_LABEL;
  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;
  protected readonly signed = (name: string | null, at: string | null) =>
    signatureText(name, at, formatDateTime);

  private generation = 0;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  async load(id: string = this.id()): Promise<void> {
    const generation = ++this.generation;
    this.loadError.set(null);
    this.failure.set(null);
    try {
      const session = await this.data.session(id);
      if (generation === this.generation) this.session.set(session);
    } catch (error) {
      if (generation !== this.generation) return;
      const code = (error as { code?: unknown }).code;
      this.loadError.set({ message: messageOf(error), notFound: code === 'NOT_FOUND' });
    }
  }

  protected async reload(): Promise<void> {
    this.status.set('');
    await this.load();
    if (!this.loadError()) this.status.set('The record was reloaded.');
  }

  protected async draft(): Promise<void> {
    if (this.anySigned()) {
      const ok = await this.confirm.confirm({
        title: 'Redraft the record?',
        message: 'A new draft is a new revision: the signature already given to this one is cleared.',
        details: ['Both sides then sign the new revision.'],
        confirmText: 'Redraft',
      });
      if (!ok) return;
    }
    await this.run(
      () => this.data.draft(this.id()),
      this.record() ? 'The record was redrafted.' : 'The record was drafted.',
    );
  }

  protected async sign(): Promise<void> {
    const record = this.record();
    const label = this.signLabel();
    if (!record || !label) return;
    const ok = await this.confirm.confirm({
      title: `${label}?`,
      message:
        'A signed record cannot be changed by anyone. Corrections are made as dated addenda that both sides sign.',
      details: [`You are signing revision ${record.revision}, drafted by ${record.draftedByName}.`],
      confirmText: label,
    });
    if (!ok) return;
    await this.run(() => this.data.sign(this.id(), record.revision), 'You signed the record.');
  }

  /** After an addendum was added or signed. */
  protected changed(record: SupervisionRecord, said: string): void {
    this.setRecord(record);
    this.status.set(said);
  }

  private async run(action: () => Promise<SupervisionRecord>, said: string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    this.status.set('');
    try {
      this.setRecord(await action());
      this.status.set(
        this.record()?.signedAt ? `${said} Both sides have signed: the record is final.` : said,
      );
    } catch (error) {
      this.failure.set(recordFailure(error, messageOf(error)));
    } finally {
      this.busy.set(false);
    }
  }

  private setRecord(record: SupervisionRecord): void {
    const session = this.session();
    if (session) this.session.set({ ...session, record });
  }
}
