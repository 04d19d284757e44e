import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { messageOf } from '@lantern/web-graphql';
import { Alert, Loading, type SchoolChoice, SchoolPicker, chosenSchoolId } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { ScheduleForm, type ScheduleValue } from './schedule-form';
import { type OpenCase, type SupervisionSchool, SupervisionData } from './supervision-data';
import { plural, schedulableSchoolIds } from './supervision-model';

/**
 * /supervision/new?school=…: schedule a session, or start one now, for one of the schools where the
 * viewer may (canScheduleSupervision); the school is picked as on the caseload (lan-school-picker).
 * On success the session opens (/supervision/<id>).
 */
@Component({
  selector: 'lan-schedule-supervision-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, Loading, SchoolPicker, ScheduleForm],
  template: `
    <p class="back"><a routerLink="/supervision">Back to supervision</a></p>
    <h1>Schedule a supervision session</h1>
    @if (error(); as message) {
      <lan-alert kind="error" title="Your schools could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      </lan-alert>
    } @else if (schools() === null) {
      <lan-loading label="Loading your schools…" />
    } @else if (!choices().length) {
      <lan-alert kind="info" title="You cannot schedule supervision">
        <p>A school's SENCO or its trust's SEND lead schedules supervision for the school.</p>
        <a mat-stroked-button routerLink="/supervision">Go to supervision</a>
      </lan-alert>
    } @else {
      <lan-school-picker
        [schools]="choices()"
        [selected]="schoolId()"
        path="/supervision/new"
        (chosen)="choose($event)"
      />
      @if (schoolId()) {
        @if (school(); as s) {
          <p class="lead">
            For <strong>{{ s.name }}</strong> ({{ s.trustName }}). The school's SENCO and the trust's SEND
            lead take part; the SEND lead chairs.
          </p>
          @if (casesError(); as message) {
            <lan-alert kind="error" title="The school's cases could not be loaded">
              <p>{{ message }}</p>
              <button mat-stroked-button type="button" (click)="loadCases(s.id)">Try again</button>
            </lan-alert>
          } @else if (cases(); as list) {
            <lan-schedule-form [cases]="list" [save]="schedule" (cancelled)="back()" />
          } @else {
            <lan-loading label="Loading the school's cases…" />
          }
        } @else {
          <lan-alert kind="info" title="You cannot schedule a session for this school">
            <p>Choose one of your schools above.</p>
          </lan-alert>
        }
      }
    }
  `,
  styles: `
    .lead {
      color: var(--mat-sys-on-surface-variant);
      max-width: 48rem;
    }
  `,
})
export class SchedulePage implements OnInit {
  private readonly data = inject(SupervisionData);
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  /** ?school= (bound by the router). */
  // eslint-disable-next-line @angular-eslint/no-input-rename -- `school` is the chosen school below
  readonly schoolParam = input<string | undefined>(undefined, { alias: 'school' });

  protected readonly schools = signal<readonly SupervisionSchool[] | null>(null);
  protected readonly error = signal<string | null>(null);
  /** Only the schools where the viewer may schedule. */
  protected readonly choices = computed<SchoolChoice[]>(() => {
    const all = this.schools() ?? [];
    const ids = schedulableSchoolIds(
      this.session.actor(),
      all.map((s) => s.id),
    );
    return all
      .filter((s) => ids.has(s.id))
      .map((s) => ({
        id: s.id,
        name: s.name,
        trustName: s.trustName,
        detail: plural(s.openCases, 'open case'),
      }));
  });
  protected readonly schoolId = computed(() =>
    this.schools() === null ? null : chosenSchoolId(this.choices(), this.schoolParam()),
  );
  protected readonly school = computed(() => this.choices().find((s) => s.id === this.schoolId()) ?? null);

  protected readonly cases = signal<readonly OpenCase[] | null>(null);
  protected readonly casesError = signal<string | null>(null);
  private generation = 0;

  constructor() {
    effect(() => {
      const id = this.school()?.id ?? null;
      untracked(() => void this.loadCases(id));
    });
  }

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.error.set(null);
    try {
      this.schools.set(await this.data.schools());
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }

  async loadCases(schoolId: string | null): Promise<void> {
    const generation = ++this.generation;
    this.cases.set(null);
    this.casesError.set(null);
    if (!schoolId) return;
    try {
      const cases = await this.data.openCases(schoolId);
      if (generation === this.generation) this.cases.set(cases);
    } catch (error) {
      if (generation === this.generation) this.casesError.set(messageOf(error));
    }
  }

  protected choose(id: string): void {
    void this.router.navigate(['/supervision/new'], { queryParams: { school: id || null } });
  }

  /** Sends the session, then opens it. */
  protected readonly schedule = async (value: ScheduleValue) => {
    const schoolId = this.school()?.id;
    if (!schoolId) return;
    const created = await this.data.schedule({ ...value, schoolId });
    await this.router.navigate(['/supervision', created.id]);
  };

  protected back(): void {
    void this.router.navigate(['/supervision']);
  }
}
