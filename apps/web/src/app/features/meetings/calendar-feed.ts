import { Clipboard } from '@angular/cdk/clipboard';
import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { messageOf } from '@lantern/web-graphql';
import { ConfirmService } from '@lantern/web-ui';
import { formatDate } from '../../core/format';
import { type CalendarFeedStatus, MeetingsData } from './meetings-data';

/**
 * "Subscribe to your calendar": a secret feed URL for Outlook or Google Calendar, shown once when
 * made; making a new one or stopping it ends the old URL. Google refreshes subscribed calendars only
 * every few hours, so changes also go by email.
 */
@Component({
  selector: 'lan-calendar-feed',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <section class="feed" aria-labelledby="feed-title">
      <h2 id="feed-title">Subscribe to your calendar</h2>
      <p>
        Add your Lantern meetings to Outlook or Google Calendar with a private web address. It holds the
        meetings you may see, with their titles, times and places only.
      </p>
      <p class="note">
        Google Calendar checks subscribed calendars only every few hours (Outlook about as often), so a change
        may take a while to show there. Lantern emails every invitation, change and cancellation too.
      </p>
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
      @if (url(); as link) {
        <div class="url">
          <label for="feed-url">Your calendar address (shown only now: copy it)</label>
          <input id="feed-url" type="text" readonly [value]="link" (focus)="select($event)" />
          <button mat-flat-button type="button" (click)="copy(link)">Copy address</button>
        </div>
        <p class="note">
          In Outlook: Add calendar, then Subscribe from web. In Google Calendar: Other calendars, then From
          URL. Keep the address to yourself: anyone with it can see your meetings' titles and times.
        </p>
      } @else if (status(); as s) {
        <p>
          @if (s.active) {
            You have a calendar address{{ s.createdAt ? ' made on ' + date(s.createdAt) : '' }}. For your
            privacy it is not shown again: make a new one if you need it (the old one then stops working).
          } @else {
            You have no calendar address yet.
          }
        </p>
      }
      <div class="actions">
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="regenerate()">
          {{ status()?.active ? 'Make a new address' : 'Make my calendar address' }}
        </button>
        @if (status()?.active) {
          <button mat-stroked-button type="button" [disabled]="busy()" (click)="revoke()">
            Stop the calendar address
          </button>
        }
      </div>
    </section>
  `,
  styles: `
    .feed {
      margin-top: 2rem;
      padding: 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      max-width: 48rem;
    }
    h2 {
      margin-top: 0;
      font: var(--mat-sys-title-large);
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
    .url {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .url label {
      flex-basis: 100%;
      font-weight: 600;
    }
    .url input {
      flex: 1 1 12rem;
      min-width: 0;
      padding: 0.5rem;
      font: inherit;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class CalendarFeed implements OnInit {
  private readonly data = inject(MeetingsData);
  private readonly confirm = inject(ConfirmService);
  private readonly clipboard = inject(Clipboard);
  private readonly announcer = inject(LiveAnnouncer);

  protected readonly status = signal<CalendarFeedStatus | null>(null);
  protected readonly url = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly date = formatDate;

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.status.set(await this.data.calendarFeed());
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }

  protected async regenerate(): Promise<void> {
    if (this.status()?.active) {
      const ok = await this.confirm.confirm({
        title: 'Make a new calendar address?',
        message: 'Calendars subscribed to your current address stop getting your meetings.',
        details: ['Subscribe again with the new address wherever you used the old one.'],
        confirmText: 'Make a new address',
      });
      if (!ok) return;
    }
    await this.run(async () => {
      this.url.set(await this.data.regenerateCalendarFeed());
      this.status.set({ active: true, createdAt: new Date().toISOString() });
      void this.announcer.announce('Your new calendar address is shown. Copy it now.', 'polite');
    });
  }

  protected async revoke(): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'Stop your calendar address?',
      message: 'Calendars subscribed to it stop getting your meetings. You can make a new one later.',
      confirmText: 'Stop the address',
      destructive: true,
    });
    if (!ok) return;
    await this.run(async () => {
      await this.data.revokeCalendarFeed();
      this.url.set(null);
      this.status.set({ active: false, createdAt: null });
      void this.announcer.announce('Your calendar address was stopped.', 'polite');
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected copy(link: string): void {
    const ok = this.clipboard.copy(link);
    void this.announcer.announce(
      ok ? 'Address copied.' : 'Could not copy: select the address and copy it.',
      'polite',
    );
  }

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
