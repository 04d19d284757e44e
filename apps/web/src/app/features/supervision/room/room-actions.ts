import { Injectable, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ErrorCode, describeFindings } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import {
  ConfirmService,
  KEPT_BACK,
  PersonalDataCheck,
  PersonalDataScanner,
  askAboutPersonalData,
} from '@lantern/web-ui';
import { firstValueFrom } from 'rxjs';
import { ActionDialog, type ActionDialogData } from './action-dialog';
import { MessageHistoryDialog } from './message-history-dialog';
import { type MessageView, messageDomId, withoutMentions } from './room-model';
import { RoomLiveSync } from './room-live';
import { RoomStore } from './room-store';

/**
 * What people do to messages and the session from the room: reply, edit and delete their own (with
 * the personal-data check), see the history, turn a message into an action, deal with a message that
 * was not sent, and the chair's moves. Provided by the page.
 */
@Injectable()
export class RoomActions {
  private readonly store = inject(RoomStore);
  private readonly live = inject(RoomLiveSync);
  private readonly check = inject(PersonalDataCheck);
  private readonly scanner = inject(PersonalDataScanner);
  private readonly dialog = inject(MatDialog);
  private readonly confirmer = inject(ConfirmService);
  private readonly snackBar = inject(MatSnackBar);

  /** The message being replied to (quoted above the composer). */
  readonly replyingTo = signal<MessageView | null>(null);
  /** The message being edited in place. */
  readonly editing = signal<number | null>(null);
  readonly editProblem = signal<string | null>(null);
  /** Text put back in the composer (a refused message taken back to change it). */
  readonly composerText = signal<{ text: string } | null>(null);
  readonly busy = signal(false);

  nameOf(userId: string | null): string {
    if (!userId) return 'Lantern';
    if (userId === this.store.viewerId()) return 'You';
    return (
      this.store.session()?.participants.find((p) => p.userId === userId)?.displayName ??
      'A former participant'
    );
  }

  reply(m: MessageView): void {
    this.replyingTo.set(m);
    this.focus('room-composer-text');
  }

  startEdit(m: MessageView): void {
    this.editProblem.set(null);
    this.editing.set(m.seq);
    this.focus(`room-edit-${m.seq}`);
  }

  cancelEdit(seq: number): void {
    this.editing.set(null);
    this.editProblem.set(null);
    this.focus(`room-msg-actions-${seq}`);
  }

  async saveEdit(m: MessageView, text: string, set: (t: string) => void): Promise<void> {
    const trimmed = text.trim();
    if (!trimmed) {
      this.editProblem.set('Write something, or delete the message instead.');
      return;
    }
    if (trimmed === m.text) {
      this.cancelEdit(m.seq);
      return;
    }
    const people = this.store.session()?.participants ?? [];
    this.busy.set(true);
    try {
      const checked = withoutMentions(text, people) === text ? { text, set } : withoutMentions(text, people);
      const result = await this.check.save([checked], (override) =>
        this.store.change({
          type: 'edit',
          of: m.seq,
          text: trimmed,
          ...(override ? { override: true } : {}),
        }),
      );
      if (result === KEPT_BACK) return;
      this.editing.set(null);
      this.editProblem.set(null);
      this.live.announce('Message edited.');
      this.focus(`room-msg-actions-${m.seq}`);
    } catch (error) {
      this.editProblem.set(`Your change was not saved. ${messageOf(error)}`);
    } finally {
      this.busy.set(false);
    }
  }

  async remove(m: MessageView): Promise<void> {
    const ok = await this.confirmer.confirm({
      title: 'Delete this message?',
      message: 'Everyone in the session will see that a message was deleted, but not what it said.',
      confirmText: 'Delete message',
      destructive: true,
    });
    if (!ok) return;
    try {
      await this.store.change({ type: 'delete', of: m.seq });
      this.live.announce('Message deleted.');
      this.focus('room-composer-text');
    } catch (error) {
      this.fail(`The message was not deleted. ${messageOf(error)}`);
    }
  }

  showHistory(m: MessageView): void {
    this.dialog.open(MessageHistoryDialog, {
      data: { author: this.nameOf(m.authorId), current: m.text, editedAt: m.editedAt, history: m.history },
      maxWidth: '40rem',
      width: 'calc(100vw - 2rem)',
      restoreFocus: true,
    });
  }

  /** "Turn into an action": the dialog adds it; the session reloads so it shows under its case. */
  async makeAction(m: MessageView): Promise<void> {
    const session = this.store.session();
    if (!session) return;
    const data: ActionDialogData = {
      sessionId: session.id,
      fromSeq: m.seq,
      title: m.text,
      caseId: m.caseId ?? this.store.currentCaseId(),
      agenda: session.agenda.map((a) => ({ caseId: a.caseId, caseReference: a.caseReference })),
      owners: session.participants.map((p) => ({ userId: p.userId, displayName: p.displayName })),
      viewerId: this.store.viewerId(),
    };
    const ref = this.dialog.open(ActionDialog, {
      data,
      maxWidth: '36rem',
      width: 'calc(100vw - 2rem)',
      restoreFocus: true,
      autoFocus: 'first-tabbable',
    });
    const added = await firstValueFrom(ref.afterClosed());
    if (!added) return;
    this.live.announce(`Action added: ${added.title}.`);
    await this.store.reloadSession();
  }

  // ---- a message that was not sent ----

  /**
   * Send again (same client id). Refused for want of the second factor (it expired): fetching the
   * session asks for the code (GraphqlClient does), and the socket knows a moment later.
   */
  async retry(clientId: string): Promise<void> {
    const p = this.store.pending().find((x) => x.clientId === clientId);
    if (p?.code === ErrorCode.SecondFactorRequired) {
      await this.store.reloadSession();
      await new Promise((r) => setTimeout(r, 700));
    }
    this.store.retry(clientId);
  }

  /** Take a refused message back into the composer to change it. */
  takeBack(clientId: string): void {
    const p = this.store.discard(clientId);
    if (!p) return;
    this.composerText.set({ text: p.body.text });
    this.focus('room-composer-text');
  }

  discard(clientId: string): void {
    this.store.discard(clientId);
    this.focus('room-composer-text');
  }

  /** Refused for pupil details: the same question as before saving; "send anyway" sends it with the override. */
  async sendAnyway(clientId: string, problem: string): Promise<void> {
    const p = this.store.pending().find((x) => x.clientId === clientId);
    if (!p) return;
    const people = this.store.session()?.participants ?? [];
    const findings = await this.scanner.findLoaded(withoutMentions(p.body.text, people));
    const choice = await askAboutPersonalData(this.dialog, problem || describeFindings(findings), findings);
    if (choice && choice !== 'remove') this.store.retry(clientId, true);
    else if (choice === 'remove') this.takeBack(clientId);
  }

  isPersonalData(code: string | null): boolean {
    return code === ErrorCode.PersonalData;
  }

  // ---- the chair ----

  async moveTo(caseId: string | null): Promise<void> {
    try {
      await this.store.change({ type: 'current-case', caseId });
      const ref = this.store.session()?.agenda.find((a) => a.caseId === caseId)?.caseReference;
      this.live.announce(ref ? `Everyone is now on case ${ref}.` : 'No case is current now.');
    } catch (error) {
      this.fail(`The current case did not change. ${messageOf(error)}`);
    }
  }

  fail(message: string): void {
    this.snackBar.open(message, 'Dismiss', { politeness: 'assertive', duration: 0 });
  }

  /** Focus an element by id once it is on screen. */
  focus(id: string): void {
    setTimeout(() => document.getElementById(id)?.focus(), 0);
  }

  jumpTo(seq: number): void {
    const el = document.getElementById(messageDomId(seq));
    if (!el) return;
    el.scrollIntoView?.({ block: 'center' });
    el.focus();
  }
}
