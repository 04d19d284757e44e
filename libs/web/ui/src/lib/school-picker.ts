import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';

/** A school the viewer may choose (a `detail` such as "3 open cases" follows its name). */
export interface SchoolChoice {
  id: string;
  name: string;
  trustName: string;
  detail?: string;
}

/**
 * The school the page shows: the one asked for (?school=), else the viewer's only school, else none.
 * A school asked for that the viewer cannot choose is kept (the page says it cannot be found).
 */
export function chosenSchoolId(
  schools: readonly SchoolChoice[] | null,
  wanted: string | null | undefined,
): string | null {
  if (wanted) return wanted;
  return schools?.length === 1 ? (schools[0]?.id ?? null) : null;
}

/**
 * Choosing one of several schools for a page that shows one school at a time (kept in the URL as
 * ?school=): a select when the viewer has more than one school, and, until one is chosen, a list of
 * links to `path?school=…` under the heading "Choose a school". Nothing at all for one school.
 */
@Component({
  selector: 'lan-school-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatInputModule, RouterLink],
  template: `
    @if (schools().length > 1) {
      <mat-form-field class="school-picker">
        <mat-label>School</mat-label>
        <select matNativeControl name="school" (change)="chosen.emit($any($event.target).value)">
          <option value="" [selected]="!selected()">Choose a school</option>
          @for (s of schools(); track s.id) {
            <option [value]="s.id" [selected]="s.id === selected()">
              {{ s.name }} ({{ s.trustName }}){{ s.detail ? ': ' + s.detail : '' }}
            </option>
          }
        </select>
      </mat-form-field>
    }
    @if (!selected() && schools().length) {
      <section [attr.aria-labelledby]="headingId()">
        <h2 [id]="headingId()">Choose a school</h2>
        <ul class="school-list">
          @for (s of schools(); track s.id) {
            <li>
              <a [routerLink]="path()" [queryParams]="{ school: s.id }">{{ s.name }}</a>
              <span class="muted">{{ s.trustName }}{{ s.detail ? ' · ' + s.detail : '' }}</span>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .school-picker {
      width: min(100%, 34rem);
    }
    .school-list {
      padding-left: 1.25rem;
    }
    .school-list li {
      margin-bottom: 0.5rem;
    }
    .muted {
      display: block;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SchoolPicker {
  readonly schools = input.required<readonly SchoolChoice[]>();
  /** The chosen school's id (null: none yet). */
  readonly selected = input<string | null>(null);
  /** Where the list's links go (with ?school=). */
  readonly path = input.required<string>();
  readonly headingId = input('schools-heading');
  /** The school chosen in the select ('' for "Choose a school"). */
  readonly chosen = output<string>();
}
