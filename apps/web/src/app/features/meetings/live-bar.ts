import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { messageOf } from '@lantern/web-graphql';
import { ConfirmService } from '@lantern/web-ui';
import { clockText, spokenTime } from './agenda-model';
import { AgendaStore } from './agenda-store';
import { formatTime } from './meetings-model';

/**
 * The meeting as it happens, for everyone: the current item and its time left (counted from the
 * instant the chair took it up, the same for every browser), and for the chair Start / Next item /
 * End. The visible clock ticks each second; screen readers hear the minutes only.
 */
@Component({
  selector: 'lan-live-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <section class="live" [class.over]="(store.secondsLeft() ?? 0) < 0" aria-labelledby="live-title">
      <h3 id="live-title">
        @if (!agenda()?.startedAt) {
          Not started yet
        } @else if (agenda()?.endedAt) {
          The meeting ended at {{ time(agenda()?.endedAt ?? '') }}
        } @else {
          Meeting in progress
        }
      </h3>
      @if (store.running()) {
        @if (store.currentItem(); as item) {
          <p class="now">
            Now: <strong>{{ item.title }}</strong> ({{ item.minutes }} minutes)
          </p>
          @if (store.secondsLeft(); as s) {
            <p class="clock" aria-hidden="true" data-testid="live-clock">{{ clock(s) }}</p>
          } @else {
            <p class="clock" aria-hidden="true" data-testid="live-clock">{{ clock(0) }}</p>
          }
          <p class="visually-hidden" role="timer" aria-live="polite" aria-atomic="true">{{ spoken() }}</p>
        } @else {
          <p class="now">Between items.</p>
        }
      }
      @if (agenda()?.canManage && !agenda()?.endedAt) {
        <div class="controls">
          @if (!agenda()?.startedAt) {
            <button
              mat-flat-button
              type="button"
              [disabled]="busy() || !store.accepted().length"
              (click)="run('start')"
            >
              Start the meeting
            </button>
          } @else {
            @if (store.nextId()) {
              <button mat-flat-button type="button" [disabled]="busy()" (click)="run('next')">
                {{ agenda()?.currentItemId ? 'Next item' : 'Take the first item' }}
              </button>
            }
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="endMeeting()">
              End the meeting
            </button>
          }
        </div>
      }
      <p class="status" role="status">{{ message() }}</p>
    </section>
  `,
  styles: `
    .live {
      padding: 0.75rem 1rem;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      border-left: 6px solid var(--mat-sys-primary);
      margin: 1rem 0;
    }
    .live.over {
      border-left-color: var(--mat-sys-error);
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .now {
      margin: 0.5rem 0 0;
      overflow-wrap: anywhere;
    }
    .clock {
      margin: 0.25rem 0;
      font: var(--mat-sys-headline-medium);
      font-variant-numeric: tabular-nums;
    }
    .over .clock {
      color: var(--mat-sys-error);
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    .status {
      min-height: 1.25rem;
      margin: 0.25rem 0 0;
    }
  `,
})
export class LiveBar {
  protected readonly store = inject(AgendaStore);
  private readonly confirm = inject(ConfirmService);

  protected readonly agenda = this.store.agenda;
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly clock = clockText;
  protected readonly time = formatTime;
  protected readonly spoken = computed(() => {
    const s = this.store.secondsLeft();
    return s === null ? '' : spokenTime(s);
  });

  protected async endMeeting(): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'End the meeting?',
      message: 'The timer stops for everyone. Minutes can still be written and published afterwards.',
      confirmText: 'End the meeting',
      cancelText: 'Keep going',
    });
    if (ok) await this.run('end');
  }

  protected async run(what: 'start' | 'next' | 'end'): Promise<void> {
    this.busy.set(true);
    this.message.set('');
    try {
      if (what === 'start') await this.store.start();
      else if (what === 'next') await this.store.next();
      else await this.store.end();
      const item = this.store.currentItem();
      this.message.set(
        what === 'end' ? 'The meeting ended.' : item ? `Now: ${item.title}.` : 'Between items.',
      );
    } catch (error) {
      this.message.set(`That did not work. ${messageOf(error)}`);
    } finally {
      this.busy.set(false);
    }
  }
}
