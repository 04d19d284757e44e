import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { messageOf } from '@lantern/web-graphql';
import { Alert, Loading, type PersonalDataOverride } from '@lantern/web-ui';
import { CaseForm, type CaseFormValue } from './case-form';
import { type CaseSchool, CaseloadData } from './caseload-data';

/** /caseload/new?school=…: record a case for one of the viewer's schools. */
@Component({
  selector: 'lan-new-case-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, Loading, CaseForm],
  template: `
    <p class="back">
      <a routerLink="/caseload" [queryParams]="{ school: schoolId() }">Back to the caseload</a>
    </p>
    <h1>Record a case</h1>
    @if (error(); as message) {
      <lan-alert kind="error" title="Your schools could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      </lan-alert>
    } @else if (schools() === null) {
      <lan-loading label="Loading…" />
    } @else if (school(); as s) {
      <p class="lead">
        For <strong>{{ s.name }}</strong> ({{ s.trustName }}). Use a reference the school will recognise;
        Lantern never holds a pupil's name.
      </p>
      <lan-case-form submitLabel="Record the case" [save]="create" (cancelled)="back()" />
    } @else {
      <lan-alert kind="info" title="Choose a school first">
        <p>Open the caseload of the school this case belongs to, then choose “Record a case”.</p>
        <a mat-stroked-button routerLink="/caseload">Go to the caseload</a>
      </lan-alert>
    }
  `,
  styles: `
    .lead {
      color: var(--mat-sys-on-surface-variant);
      max-width: 48rem;
    }
  `,
})
export class NewCasePage implements OnInit {
  private readonly data = inject(CaseloadData);
  private readonly router = inject(Router);

  /** ?school= (bound by the router, which binds a query parameter to the input of its name). */
  // eslint-disable-next-line @angular-eslint/no-input-rename -- `school` is the chosen school below
  readonly schoolParam = input<string | undefined>(undefined, { alias: 'school' });

  protected readonly schools = signal<readonly CaseSchool[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly school = computed(() => {
    const all = this.schools() ?? [];
    const wanted = this.schoolParam();
    return wanted ? (all.find((s) => s.id === wanted) ?? null) : all.length === 1 ? (all[0] ?? null) : null;
  });
  protected readonly schoolId = computed(() => this.school()?.id ?? this.schoolParam() ?? null);

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

  /** Sends the case, then opens it (saying it was recorded). */
  protected readonly create = async (value: CaseFormValue, override: PersonalDataOverride | null) => {
    const schoolId = this.school()?.id;
    if (!schoolId) return;
    const created = await this.data.create({
      schoolId,
      reference: value.reference,
      yearGroup: value.yearGroup,
      senStatus: value.senStatus,
      primaryNeed: value.primaryNeed,
      secondaryNeed: value.secondaryNeed,
      concerns: value.concerns,
      personalDataOverride: override,
    });
    await this.router.navigate(['/caseload/cases', created.id], {
      state: { saved: `Case ${created.reference} recorded.` },
    });
  };

  protected back(): void {
    void this.router.navigate(['/caseload'], { queryParams: { school: this.schoolId() } });
  }
}
