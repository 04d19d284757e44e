import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MEETING_LIMITS, MEETING_MODE_LABEL, MeetingMode } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import {
  ErrorSummary,
  type FormProblem,
  KEPT_BACK,
  PersonalDataCheck,
  type PersonalDataOverride,
} from '@lantern/web-ui';
import { formatLength, londonDate } from './meetings-model';
import { type PickedPerson, PeoplePicker } from './people-picker';
import {
  type RepeatChoice,
  type ScopeChoice,
  type WhenValue,
  crossesClockChange,
  placeProblem,
  previewOf,
  repeatChoices,
  whenProblem,
} from './meeting-form-model';

/** What the form hands back when it is complete and checked. */
export interface MeetingFormValue {
  scope: ScopeChoice | null;
  title: string;
  description: string;
  mode: MeetingMode;
  location: string;
  onlineLink: string;
  when: WhenValue;
  chair: PickedPerson | null;
  noteTaker: PickedPerson | null;
  guests: readonly PickedPerson[];
}

export type MeetingSave = (value: MeetingFormValue, override: PersonalDataOverride | null) => Promise<void>;

const LENGTHS = [15, 30, 45, 60, 75, 90, 120, 150, 180, 240];

/**
 * A meeting's details, place, timing and people, for a new meeting (with a scope) or for changing
 * a whole series. The next occurrences are previewed in London time as the timing changes, so a
 * 09:30 meeting is seen to stay at 09:30 across the clock change; problems are said in plain English
 * above the form and by each field; titles and descriptions go through the personal-data check.
 */
@Component({
  selector: 'lan-meeting-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatRadioModule, ErrorSummary, PeoplePicker],
  templateUrl: './meeting-form.html',
  styleUrl: './meeting-form.scss',
})
export class MeetingForm implements OnInit {
  private readonly personalData = inject(PersonalDataCheck);

  /** Scopes to choose from (new meetings); empty when changing a series. */
  readonly scopes = input<readonly ScopeChoice[]>([]);
  readonly initial = input<Partial<MeetingFormValue> | null>(null);
  readonly submitLabel = input('Save');
  readonly save = input.required<MeetingSave>();
  readonly cancelled = output<void>();

  protected readonly limits = MEETING_LIMITS;
  protected readonly modes = Object.values(MeetingMode).map((m) => ({
    value: m,
    label: MEETING_MODE_LABEL[m],
  }));
  protected readonly lengths = LENGTHS.map((m) => ({ value: m, label: formatLength(m) }));
  protected readonly today = londonDate(new Date());

  protected readonly scopeValue = signal('');
  protected readonly title = signal('');
  protected readonly description = signal('');
  protected readonly mode = signal<MeetingMode>(MeetingMode.InPerson);
  protected readonly location = signal('');
  protected readonly onlineLink = signal('');
  protected readonly firstDate = signal('');
  protected readonly startTime = signal('09:30');
  protected readonly minutes = signal(60);
  protected readonly repeat = signal<RepeatChoice>('none');
  protected readonly ends = signal<WhenValue['ends']>('never');
  protected readonly until = signal('');
  protected readonly count = signal<number | null>(null);
  protected readonly dates = signal<readonly string[]>([]);
  protected readonly chair = signal<readonly PickedPerson[]>([]);
  protected readonly noteTaker = signal<readonly PickedPerson[]>([]);
  protected readonly guests = signal<readonly PickedPerson[]>([]);

  protected readonly busy = signal(false);
  protected readonly attempt = signal(0);
  protected readonly formError = signal<string | null>(null);

  protected readonly when = computed<WhenValue>(() => ({
    firstDate: this.firstDate(),
    startTime: this.startTime(),
    minutes: this.minutes(),
    repeat: this.repeat(),
    ends: this.ends(),
    until: this.until(),
    count: this.count(),
    dates: this.dates(),
  }));
  protected readonly repeats = computed(() => repeatChoices(this.firstDate()));
  protected readonly repeating = computed(() => this.repeat() !== 'none' && this.repeat() !== 'dates');
  protected readonly preview = computed(() => previewOf(this.when()));
  protected readonly clockChange = computed(() => crossesClockChange(this.preview().rows));
  protected readonly showsLocation = computed(() => this.mode() !== MeetingMode.Online);
  protected readonly showsLink = computed(() => this.mode() !== MeetingMode.InPerson);

  /** Every problem, by field id; shown once the person has tried to save. */
  protected readonly problems = computed<FormProblem[]>(() => {
    const out: FormProblem[] = [];
    if (this.scopes().length && !this.scopes().some((s) => s.value === this.scopeValue()))
      out.push({ fieldId: 'meeting-scope', message: 'Choose who the meeting is for.' });
    if (!this.title().trim()) out.push({ fieldId: 'meeting-title', message: 'Give the meeting a title.' });
    const place = placeProblem({
      mode: this.mode(),
      location: this.location(),
      onlineLink: this.onlineLink(),
    });
    if (place)
      out.push({
        fieldId: place.field === 'location' ? 'meeting-location' : 'meeting-link',
        message: place.message,
      });
    const when = whenProblem(this.when(), this.today);
    if (when) out.push({ fieldId: this.whenField(when), message: when });
    return out;
  });
  protected readonly shown = computed(() => (this.attempt() ? this.problems() : []));

  ngOnInit(): void {
    const v = this.initial();
    if (!v) return;
    if (v.scope) this.scopeValue.set(v.scope.value);
    if (v.title !== undefined) this.title.set(v.title);
    if (v.description !== undefined) this.description.set(v.description);
    if (v.mode) this.mode.set(v.mode);
    if (v.location !== undefined) this.location.set(v.location);
    if (v.onlineLink !== undefined) this.onlineLink.set(v.onlineLink);
    if (v.chair) this.chair.set([v.chair]);
    if (v.noteTaker) this.noteTaker.set([v.noteTaker]);
    if (v.guests) this.guests.set(v.guests);
    const w = v.when;
    if (w) {
      this.firstDate.set(w.firstDate);
      this.startTime.set(w.startTime);
      this.minutes.set(w.minutes);
      this.repeat.set(w.repeat);
      this.ends.set(w.ends);
      this.until.set(w.until);
      this.count.set(w.count);
      this.dates.set(w.dates);
    }
  }

  protected problem(fieldId: string): string | null {
    return this.shown().find((p) => p.fieldId === fieldId)?.message ?? null;
  }

  private whenField(message: string): string {
    if (/first date|date of the|today or later/i.test(message)) return 'meeting-date';
    if (/start time/i.test(message)) return 'meeting-time';
    if (/lasts/i.test(message)) return 'meeting-length';
    if (/ends on|end on|how many|between 1 and/i.test(message))
      return this.ends() === 'after' ? 'meeting-count' : 'meeting-until';
    if (/dates?/i.test(message)) return 'meeting-dates-first';
    return 'meeting-repeat';
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected setDate(value: string): void {
    this.firstDate.set(value);
    // A monthly choice that no longer fits the new date falls back to "does not repeat".
    if (!this.repeats().some((r) => r.value === this.repeat())) this.repeat.set('none');
  }

  protected setCount(value: string): void {
    const n = Number.parseInt(value, 10);
    this.count.set(Number.isFinite(n) ? n : null);
  }

  protected setDateAt(index: number, value: string): void {
    this.dates.update((d) => d.map((x, i) => (i === index ? value : x)));
  }

  protected addDate(): void {
    this.dates.update((d) => [...d, '']);
  }

  protected removeDate(index: number): void {
    this.dates.update((d) => d.filter((_, i) => i !== index));
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.attempt.update((n) => n + 1);
    this.formError.set(null);
    if (this.problems().length) return;
    const value: MeetingFormValue = {
      scope: this.scopes().find((s) => s.value === this.scopeValue()) ?? null,
      title: this.title().trim(),
      description: this.description().trim(),
      mode: this.mode(),
      location: this.showsLocation() ? this.location().trim() : '',
      onlineLink: this.showsLink() ? this.onlineLink().trim() : '',
      when: { ...this.when(), dates: this.dates().filter(Boolean) },
      chair: this.chair()[0] ?? null,
      noteTaker: this.noteTaker()[0] ?? null,
      guests: this.guests(),
    };
    this.busy.set(true);
    try {
      const result = await this.personalData.save(
        [
          { text: this.title(), set: (t) => this.title.set(t) },
          { text: this.description(), set: (t) => this.description.set(t) },
        ],
        (override) => this.save()(value, override),
      );
      if (result === KEPT_BACK) return;
    } catch (error) {
      this.formError.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
