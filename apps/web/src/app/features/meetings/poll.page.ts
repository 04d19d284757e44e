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
import { Router, RouterLink } from '@angular/router';
import { ErrorCode, MeetingMode, PollAnswer } from '@lantern/shared-domain';
import { isApiError, messageOf } from '@lantern/web-graphql';
import { Alert, ConfirmService, Loading } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { formatShortDay, formatTimeRange, modeText } from './meetings-model';
import { POLL_ANSWER_LABEL, bestSlotIds } from './poll-model';
import { type MeetingPoll, PollsData } from './polls-data';

/**
 * /meetings/polls/:id: invitees × times, each cell yes / if need be / no; the viewer's own row is
 * editable (a choice per time), times that clash with a person's other meetings are marked, and the
 * organiser picks a time, which makes the meeting.
 */
@Component({
  selector: 'lan-poll-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, Loading],
  templateUrl: './poll.page.html',
  styleUrl: './poll.page.scss',
})
export class PollPage {
  private readonly polls = inject(PollsData);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly confirm = inject(ConfirmService);

  readonly id = input.required<string>();

  protected readonly poll = signal<MeetingPoll | null>(null);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(
    (this.router.getCurrentNavigation()?.extras.state?.['saved'] as string | undefined) ?? null,
  );
  /** My answers being edited, by slot id. */
  protected readonly mine = signal<Readonly<Partial<Record<string, PollAnswer>>>>({});
  protected readonly chosen = signal('');
  protected readonly location = signal('');
  protected readonly link = signal('');

  protected readonly answers = Object.values(PollAnswer).map((a) => ({
    value: a,
    label: POLL_ANSWER_LABEL[a],
  }));
  protected readonly label = POLL_ANSWER_LABEL;
  protected readonly day = formatShortDay;
  protected readonly range = formatTimeRange;
  protected readonly modeText = modeText;
  protected readonly me = computed(() => this.session.user()?.id ?? '');
  protected readonly best = computed(() => new Set(bestSlotIds(this.poll()?.slots ?? [])));
  protected readonly others = computed(() =>
    (this.poll()?.invitees ?? []).filter((i) => i.person.id !== this.me()),
  );
  protected readonly myClashes = computed(
    () => new Set(this.poll()?.invitees.find((i) => i.person.id === this.me())?.clashes ?? []),
  );
  protected readonly open = computed(() => this.poll()?.status === 'OPEN');
  protected readonly needsPlace = computed(() => this.poll()?.mode !== MeetingMode.Online);
  protected readonly needsLink = computed(() => this.poll()?.mode !== MeetingMode.InPerson);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  async load(id: string): Promise<void> {
    this.error.set(null);
    try {
      this.take(await this.polls.poll(id));
    } catch (error) {
      if (isApiError(error) && error.is(ErrorCode.NotFound, ErrorCode.BadInput)) this.notFound.set(true);
      else this.error.set(messageOf(error));
    }
  }

  private take(poll: MeetingPoll): void {
    this.poll.set(poll);
    const mine: Record<string, PollAnswer> = {};
    for (const s of poll.slots) if (s.myAnswer) mine[s.id] = s.myAnswer;
    this.mine.set(mine);
  }

  protected answerOf(invitee: MeetingPoll['invitees'][number], slotId: string): PollAnswer | null {
    return invitee.answers.find((a) => a.slotId === slotId)?.answer ?? null;
  }

  protected setMine(slotId: string, value: string): void {
    this.mine.update((m) => ({ ...m, [slotId]: value as PollAnswer }));
  }

  protected async saveMine(): Promise<void> {
    const p = this.poll();
    if (!p) return;
    const answers = Object.entries(this.mine()).flatMap(([slotId, answer]) =>
      answer ? [{ slotId, answer }] : [],
    );
    if (!answers.length) {
      this.message.set('Choose an answer for at least one time.');
      return;
    }
    await this.run(async () => this.take(await this.polls.answer(p.id, answers)), 'Your answers were saved.');
  }

  protected async decide(event: Event): Promise<void> {
    event.preventDefault();
    const p = this.poll();
    if (!p) return;
    if (!this.chosen()) return this.message.set('Choose the time to meet.');
    if (this.needsPlace() && !this.location().trim())
      return this.message.set('Give the place for people coming in person.');
    if (this.needsLink() && !/^https?:\/\/\S+$/i.test(this.link().trim()))
      return this.message.set('Give the joining link as a web address starting https://');
    await this.run(async () => {
      const series = await this.polls.decide({
        pollId: p.id,
        slotId: this.chosen(),
        location: this.needsPlace() ? this.location().trim() : null,
        onlineLink: this.needsLink() ? this.link().trim() : null,
      });
      await this.router.navigate(['/meetings', series.id, series.firstDate], {
        state: { saved: 'The meeting was made and everyone asked is told.' },
      });
    }, '');
  }

  protected async cancel(): Promise<void> {
    const p = this.poll();
    if (!p) return;
    const ok = await this.confirm.confirm({
      title: 'Close this poll without a meeting?',
      message: 'The people asked can no longer answer, and no meeting is made.',
      confirmText: 'Close the poll',
      cancelText: 'Keep it open',
      destructive: true,
    });
    if (ok) await this.run(async () => this.take(await this.polls.cancel(p.id)), 'The poll was closed.');
  }

  private async run(work: () => Promise<void>, done: string): Promise<void> {
    this.busy.set(true);
    this.message.set(null);
    try {
      await work();
      if (done) this.message.set(done);
    } catch (error) {
      this.message.set(`That did not work. ${messageOf(error)}`);
    } finally {
      this.busy.set(false);
    }
  }
}
