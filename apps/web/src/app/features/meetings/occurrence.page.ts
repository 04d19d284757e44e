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
import { Router, RouterLink } from '@angular/router';
import type { RsvpAnswer } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { Alert, ConfirmService, Loading } from '@lantern/web-ui';
import { firstValueFrom } from 'rxjs';
import { AgendaSection } from './agenda-section';
import { AttendeesPanel } from './attendees-panel';
import {
  EditOccurrenceDialog,
  type EditOccurrenceData,
  type EditOccurrenceResult,
} from './edit-occurrence-dialog';
import {
  countsText,
  formatLength,
  formatLongDay,
  formatTime,
  formatTimeRange,
  occurrenceIcsUrl,
  patternText,
  placeText,
  rsvpText,
  safeLink,
  scopeText,
  seriesIcsUrl,
} from './meetings-model';
import { ModeIcon } from './mode-icon';
import { OccurrenceStore } from './occurrence-store';
import { RsvpButtons } from './rsvp-buttons';
import { SeriesPanel } from './series-panel';

/**
 * /meetings/:seriesId/:key: one meeting. Its time in London, place, host school and people; the
 * viewer's answer for this meeting or the whole series; for the chair and organiser, "Edit" with
 * Outlook's choice (this meeting / this and following / all) and "Cancel" (confirmed); calendar
 * files; then the agenda, the live meeting and the minutes, who is coming, and the series' host
 * rotation and in-person/online balance.
 */
@Component({
  selector: 'lan-occurrence-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    RouterLink,
    Alert,
    Loading,
    ModeIcon,
    RsvpButtons,
    AgendaSection,
    AttendeesPanel,
    SeriesPanel,
  ],
  providers: [OccurrenceStore],
  templateUrl: './occurrence.page.html',
  styleUrl: './occurrence.page.scss',
})
export class OccurrencePage {
  protected readonly store = inject(OccurrenceStore);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(ConfirmService);
  private readonly announcer = inject(LiveAnnouncer);

  readonly seriesId = input.required<string>();
  readonly key = input.required<string>();

  protected readonly saved = signal<string | null>(
    (this.router.getCurrentNavigation()?.extras.state?.['saved'] as string | undefined) ?? null,
  );
  protected readonly actionError = signal<string | null>(null);
  protected readonly rsvpBusy = signal(false);

  protected readonly day = formatLongDay;
  protected readonly time = formatTime;
  protected readonly timeRange = formatTimeRange;
  protected readonly length = formatLength;
  protected readonly place = placeText;
  protected readonly scope = scopeText;
  protected readonly counts = countsText;
  protected readonly answerText = rsvpText;
  protected readonly link = safeLink;
  protected readonly pattern = patternText;

  protected readonly view = computed(() => {
    const o = this.store.occurrence();
    const s = this.store.series();
    return o && s ? { o, s } : null;
  });
  protected readonly icsThis = computed(() => occurrenceIcsUrl(this.seriesId(), this.key()));
  protected readonly icsSeries = computed(() => seriesIcsUrl(this.seriesId()));

  constructor() {
    effect(() => {
      const seriesId = this.seriesId();
      const key = this.key();
      untracked(() => void this.store.load(seriesId, key));
    });
  }

  protected async answerThis(answer: RsvpAnswer): Promise<void> {
    const current = this.store.occurrence()?.myRsvp ?? null;
    await this.run(
      () => this.store.rsvpThis(current === answer ? null : answer),
      'Your answer for this meeting was saved.',
    );
  }

  protected async answerSeries(answer: RsvpAnswer): Promise<void> {
    const current = this.store.series()?.myRsvp ?? null;
    await this.run(
      () => this.store.rsvpSeries(current === answer ? null : answer),
      'Your answer for every meeting in the series was saved.',
    );
  }

  protected async edit(): Promise<void> {
    const o = this.store.occurrence();
    const s = this.store.series();
    if (!o || !s) return;
    const data: EditOccurrenceData = {
      title: o.title,
      date: this.key(),
      startTime: formatTime(o.startsAt),
      minutes: o.minutes,
      mode: o.mode,
      location: o.location,
      onlineLink: o.onlineLink,
      isSeries: this.store.isSeries(),
    };
    const ref = this.dialog.open<EditOccurrenceDialog, EditOccurrenceData, EditOccurrenceResult>(
      EditOccurrenceDialog,
      {
        data,
        maxWidth: '32rem',
        autoFocus: 'first-tabbable',
        restoreFocus: true,
      },
    );
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    if (result.scope === 'ALL') {
      await this.router.navigate(['/meetings', s.id, 'edit'], { queryParams: { from: this.key() } });
      return;
    }
    await this.run(async () => {
      const updated = await this.store.edit(result.scope, result.changes);
      if (updated.seriesId !== this.seriesId() || updated.key !== this.key()) {
        await this.router.navigate(['/meetings', updated.seriesId, updated.key], {
          state: { saved: 'Saved. Everyone invited is told by email.' },
        });
      } else {
        await this.store.reload();
      }
    }, 'Saved. Everyone invited is told by email.');
  }

  protected async cancelThis(): Promise<void> {
    const o = this.store.occurrence();
    if (!o) return;
    const ok = await this.confirm.confirm({
      title: 'Cancel this meeting?',
      message: `${o.title} on ${formatLongDay(o.startsAt)} will be cancelled. Everyone invited is told by email.`,
      details: this.store.isSeries() ? ['The other meetings in the series go ahead.'] : [],
      confirmText: 'Cancel this meeting',
      cancelText: 'Keep it',
      destructive: true,
    });
    if (ok) await this.run(() => this.store.cancelThis(), 'The meeting was cancelled.');
  }

  protected async cancelSeries(): Promise<void> {
    const s = this.store.series();
    if (!s) return;
    const ok = await this.confirm.confirm({
      title: 'Cancel the whole series?',
      message: `Every meeting of ${s.title} will be cancelled. Everyone invited is told by email.`,
      details: ['This cannot be undone: to meet again, call a new meeting.'],
      confirmText: 'Cancel the series',
      cancelText: 'Keep it',
      destructive: true,
    });
    if (ok) await this.run(() => this.store.cancelSeries(), 'The series was cancelled.');
  }

  private async run(work: () => Promise<void>, done: string): Promise<void> {
    this.actionError.set(null);
    this.saved.set(null);
    this.rsvpBusy.set(true);
    try {
      await work();
      this.saved.set(done);
      void this.announcer.announce(done, 'polite');
    } catch (error) {
      this.actionError.set(messageOf(error));
    } finally {
      this.rsvpBusy.set(false);
    }
  }
}
