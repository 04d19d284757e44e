import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { SUPERVISION_STATUS_LABEL } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { Alert, ConfirmService, Loading } from '@lantern/web-ui';
import { formatDateTime } from '../../../core/format';
import { RoomAgendaPanel } from './agenda-panel';
import { RoomMessageList } from './message-list';
import { type RoomSession, SupervisionRoomApi } from './room-api';
import { RoomActions } from './room-actions';
import { RoomComposer } from './room-composer';
import { RoomLiveSync } from './room-live';
import { RoomSearch } from './room-search';
import { RoomStore } from './room-store';

/**
 * The live supervision room (`/supervision/:id`): the agenda beside the messages, the composer, and
 * search. The page only puts the pieces together, one per page: `RoomStore` (the session and the
 * folded messages), `RoomLiveSync` (the stream, typing, read positions, presence, announcements),
 * `RoomActions` (what people do to messages, the chair's moves) and `RoomSearch`.
 */
@Component({
  selector: 'lan-session-room-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    Alert,
    Loading,
    RoomAgendaPanel,
    RoomMessageList,
    RoomComposer,
  ],
  providers: [RoomStore, RoomLiveSync, RoomActions, RoomSearch],
  templateUrl: './session-room.page.html',
  styleUrl: './session-room.page.scss',
})
export class SessionRoomPage {
  private readonly title = inject(Title);
  private readonly api = inject(SupervisionRoomApi);
  private readonly confirmer = inject(ConfirmService);
  protected readonly store = inject(RoomStore);
  protected readonly live = inject(RoomLiveSync);
  protected readonly actions = inject(RoomActions);
  protected readonly search = inject(RoomSearch);

  /** From the route (:id). */
  readonly id = input.required<string>();

  protected readonly statusLabel = SUPERVISION_STATUS_LABEL;
  protected readonly dateTime = formatDateTime;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.open(id));
    });
  }

  private async open(id: string): Promise<void> {
    this.live.stop();
    this.search.clear();
    this.actions.replyingTo.set(null);
    this.actions.editing.set(null);
    const session = await this.store.load(id);
    if (!session) {
      this.title.setTitle('Supervision – Lantern');
      return;
    }
    this.title.setTitle(`${session.title} – Supervision – Lantern`);
    await this.live.start();
  }

  protected retry(): void {
    void this.open(this.id());
  }

  protected async startSession(): Promise<void> {
    await this.lifecycle((s) => this.api.start(s.id), 'The session has started.');
  }

  protected async endSession(): Promise<void> {
    const ok = await this.confirmer.confirm({
      title: 'End the session?',
      message:
        'Nobody can send messages once it ends. Outcomes can still be written until the record is signed.',
      confirmText: 'End session',
    });
    if (ok) await this.lifecycle((s) => this.api.end(s.id), 'The session has ended.');
  }

  protected async handOver(userId: string): Promise<void> {
    const name = this.store.session()?.participants.find((p) => p.userId === userId)?.displayName ?? 'them';
    const ok = await this.confirmer.confirm({
      title: 'Hand over the chair?',
      message: `${name} will chair the session: they move the current case and end the session.`,
      confirmText: 'Hand over',
    });
    if (ok) await this.lifecycle((s) => this.api.handOver(s.id, userId), `${name} is now chairing.`);
  }

  protected async runSearch(value: string): Promise<void> {
    const seq = await this.search.run(value);
    if (seq !== null) this.actions.jumpTo(seq);
  }

  protected step(by: 1 | -1): void {
    const seq = this.search.step(by);
    if (seq !== null) this.actions.jumpTo(seq);
  }

  private async lifecycle(fn: (s: RoomSession) => Promise<RoomSession>, done: string): Promise<void> {
    const session = this.store.session();
    if (!session) return;
    try {
      this.store.setSession(await fn(session));
      this.live.announce(done);
    } catch (error) {
      this.actions.fail(messageOf(error));
    }
  }
}
