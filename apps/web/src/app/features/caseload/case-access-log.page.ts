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
import { RouterLink } from '@angular/router';
import { messageOf } from '@lantern/web-graphql';
import { Alert, Loading } from '@lantern/web-ui';
import { CaseAccessList } from './case-access-list';
import { type CaseSchool, CaseloadData } from './caseload-data';

/**
 * /caseload/access-log?school=…: every read and change of the school's cases and EHCP drafts, so its
 * SENCOs and headteacher can see who looked at what. Separate from the network audit trail.
 */
@Component({
  selector: 'lan-case-access-log-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, Loading, CaseAccessList],
  template: `
    <p class="back">
      <a routerLink="/caseload" [queryParams]="{ school: schoolId() }">Back to the caseload</a>
    </p>
    <h1>Case-access log</h1>
    @if (error(); as message) {
      <lan-alert kind="error" title="Your schools could not be loaded">
        <p>{{ message }}</p>
        <button mat-stroked-button type="button" (click)="load()">Try again</button>
      </lan-alert>
    } @else if (schools() === null) {
      <lan-loading label="Loading…" />
    } @else if (school(); as s) {
      <p class="lead">
        Who opened or changed the cases and EHCP drafts of <strong>{{ s.name }}</strong> ({{ s.trustName }}),
        and when, newest first. Only the school's SENCOs and headteacher and the trust's SEND lead can see
        this.
      </p>
      <lan-case-access-list [schoolId]="s.id" />
    } @else {
      <lan-alert kind="info" title="Choose a school first">
        <p>Open the caseload of a school, then choose “Case-access log”.</p>
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
export class CaseAccessLogPage implements OnInit {
  private readonly data = inject(CaseloadData);

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
}
