import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { RsvpAnswer } from '@lantern/shared-domain';
import { Alert, EmptyState, Icon, Loading } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { CalendarFeed } from './calendar-feed';
import { mayOrganiseSomewhere } from './meeting-form-model';
import type { MeetingOccurrence } from './meetings-data';
import {
  countsText,
  formatLongDay,
  formatTimeRange,
  placeText,
  rsvpText,
  safeLink,
  scopeText,
} from './meetings-model';
import { ModeIcon } from './mode-icon';
import { OpenPolls } from './open-polls';
import { MyMeetingsStore } from './my-meetings-store';
import { RsvpButtons } from './rsvp-buttons';

/**
 * /meetings: "My meetings", the occurrences of every meeting the viewer may see, under week and
 * month headings, each with its time in London, mode, place, host school, the viewer's answer
 * (quick buttons) and the counts; ?view=past for past meetings. "New meeting" for organisers and
 * the calendar subscription below.
 */
@Component({
  selector: 'lan-my-meetings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    RouterLink,
    Alert,
    EmptyState,
    Icon,
    Loading,
    CalendarFeed,
    ModeIcon,
    OpenPolls,
    RsvpButtons,
  ],
  providers: [MyMeetingsStore],
  templateUrl: './my-meetings.page.html',
  styleUrl: './my-meetings.page.scss',
})
export class MyMeetingsPage {
  protected readonly store = inject(MyMeetingsStore);
  private readonly session = inject(Session);

  /** ?view=past (bound by the router). */
  readonly view = input<string | undefined>();
  protected readonly past = computed(() => this.view() === 'past');
  protected readonly mayOrganise = computed(() => mayOrganiseSomewhere(this.session.actor()));

  protected readonly day = formatLongDay;
  protected readonly timeRange = formatTimeRange;
  protected readonly place = placeText;
  protected readonly scope = scopeText;
  protected readonly counts = countsText;
  protected readonly answerText = rsvpText;
  protected readonly link = safeLink;

  constructor() {
    effect(() => {
      const past = this.past();
      untracked(() => void this.store.show(past ? 'past' : 'upcoming'));
    });
  }

  protected idOf(o: MeetingOccurrence): string {
    return `${o.seriesId}/${o.key}`;
  }

  protected answer(o: MeetingOccurrence, a: RsvpAnswer): void {
    void this.store.rsvp(o, a);
  }
}
