import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { SUPERVISION_ROLE_LABEL, SUPERVISION_STATUS_LABEL, SupervisionStatus } from '@lantern/shared-domain';
import { ActionDue } from '@lantern/web-ui';
import { PresenceService } from '../../../core/presence';
import { RoomOutcomeForm } from './outcome-form';
import { RoomStore } from './room-store';

const PRESENCE_WORDS = { online: 'Online', away: 'Away', offline: 'Offline' } as const;

/**
 * The agenda beside (on a phone: above, collapsible) the messages: each case with its question, the
 * open actions carried forward, the actions raised here and its outcome; the current case marked in
 * words. The chair moves the current case for everyone, starts and ends the session, hands over.
 */
@Component({
  selector: 'lan-room-agenda',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, ActionDue, RoomOutcomeForm],
  templateUrl: './agenda-panel.html',
  styleUrl: './agenda-panel.scss',
})
export class RoomAgendaPanel {
  protected readonly store = inject(RoomStore);
  protected readonly presence = inject(PresenceService);

  readonly moveTo = output<string | null>();
  readonly start = output<void>();
  readonly end = output<void>();
  readonly handOver = output<string>();

  protected readonly statusLabel = SUPERVISION_STATUS_LABEL;
  protected readonly roleLabel = SUPERVISION_ROLE_LABEL;
  protected readonly presenceWords = PRESENCE_WORDS;
  /** Collapsed at first on a phone (the messages come first there); always open on a wide screen. */
  protected readonly expanded = signal(
    typeof window === 'undefined' || !window.matchMedia
      ? true
      : !window.matchMedia('(max-width: 59.99rem)').matches,
  );
  protected readonly newChair = signal('');

  protected readonly session = this.store.session;
  protected readonly live = computed(() => this.session()?.status === SupervisionStatus.Live);
  protected readonly scheduled = computed(() => this.session()?.status === SupervisionStatus.Scheduled);
  /** Outcomes are written while live or ended, until the record is signed. */
  protected readonly outcomesOpen = computed(() => {
    const s = this.session()?.status;
    return (
      this.store.canRun() &&
      !this.store.frozen() &&
      (s === SupervisionStatus.Live || s === SupervisionStatus.Ended)
    );
  });
  protected readonly others = computed(
    () =>
      this.session()?.participants.filter(
        (p) => p.userId !== this.store.viewerId() && p.role !== 'HEADTEACHER',
      ) ?? [],
  );

  protected toggle(): void {
    this.expanded.update((v) => !v);
  }

  protected chooseChair(value: string): void {
    this.newChair.set(value);
  }

  protected confirmHandOver(): void {
    const userId = this.newChair();
    if (userId) this.handOver.emit(userId);
  }
}
