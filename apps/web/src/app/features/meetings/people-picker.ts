import { ChangeDetectionStrategy, Component, computed, inject, input, model, signal } from '@angular/core';
import { LowerCasePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { GraphqlClient, MeetingPeopleSearchDocument, messageOf } from '@lantern/web-graphql';

export interface PickedPerson {
  id: string;
  displayName: string;
  /** e.g. "SENCO, Holy Family Primary", where the viewer may see it. */
  roleLine?: string | null;
}

/**
 * Choose people by name (one or several): type, press Search, pick from the list. Searches everyone
 * with a role in the network (meetingPeopleCandidates: names, and a role line where the viewer may
 * see it); a single choice replaces the current one. Keyboard: Enter in the
 * box searches; each result is a button.
 */
@Component({
  selector: 'lan-people-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, LowerCasePipe],
  template: `
    <fieldset class="picker" [attr.aria-describedby]="id() + '-hint'">
      <legend>{{ label() }}</legend>
      <p class="hint" [id]="id() + '-hint'">{{ hint() }}</p>
      @if (picked().length) {
        <ul class="picked" [attr.aria-label]="label() + ': chosen'">
          @for (p of picked(); track p.id) {
            <li>
              <span>{{ p.displayName }}</span>
              <button mat-button type="button" (click)="remove(p)">
                Remove<span class="visually-hidden"> {{ p.displayName }}</span>
              </button>
            </li>
          }
        </ul>
      }
      <div class="search">
        <label [for]="id() + '-search'">Search by name</label>
        <input
          [id]="id() + '-search'"
          type="search"
          autocomplete="off"
          [value]="query()"
          (input)="query.set($any($event.target).value)"
          (keydown.enter)="$event.preventDefault(); search()"
        />
        <button mat-stroked-button type="button" (click)="search()" [disabled]="searching()">
          Search<span class="visually-hidden"> for {{ label() | lowercase }}</span>
        </button>
      </div>
      <div role="status" class="status">
        @if (error(); as message) {
          <span class="error">{{ message }}</span>
        } @else if (results() !== null && !shown().length) {
          No one found by that name whom you can choose.
        } @else if (shown().length) {
          {{ shown().length }} found.
        }
      </div>
      @if (shown().length) {
        <ul class="results" [attr.aria-label]="'People found for ' + label()">
          @for (p of shown(); track p.id) {
            <li>
              <button mat-button type="button" (click)="pick(p)">
                Choose {{ p.displayName }}
                @if (p.roleLine) {
                  <span class="role"> ({{ p.roleLine }})</span>
                }
              </button>
            </li>
          }
        </ul>
      }
    </fieldset>
  `,
  styles: `
    .picker {
      border: none;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
    }
    .hint {
      margin: 0.25rem 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .picked,
    .results {
      list-style: none;
      margin: 0.25rem 0;
      padding: 0;
    }
    .picked li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .search {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .search label {
      flex-basis: 100%;
    }
    .search input {
      flex: 1 1 10rem;
      min-width: 0;
      padding: 0.5rem;
      font: inherit;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .status {
      min-height: 1.25rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class PeoplePicker {
  private readonly client = inject(GraphqlClient);

  readonly id = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input('');
  readonly multiple = input(false);
  readonly picked = model<readonly PickedPerson[]>([]);

  protected readonly query = signal('');
  protected readonly results = signal<readonly PickedPerson[] | null>(null);
  protected readonly searching = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly shown = computed(() => {
    const chosen = new Set(this.picked().map((p) => p.id));
    return (this.results() ?? []).filter((p) => !chosen.has(p.id));
  });

  protected async search(): Promise<void> {
    const search = this.query().trim();
    if (search.length < 2) {
      this.error.set('Type at least two letters of the name.');
      return;
    }
    this.searching.set(true);
    this.error.set(null);
    try {
      const r = await this.client.request(MeetingPeopleSearchDocument, { search });
      this.results.set(r.meetingPeopleCandidates);
    } catch (error) {
      this.results.set(null);
      this.error.set(messageOf(error));
    } finally {
      this.searching.set(false);
    }
  }

  protected pick(p: PickedPerson): void {
    const chosen = { id: p.id, displayName: p.displayName };
    this.picked.set(this.multiple() ? [...this.picked(), chosen] : [chosen]);
    this.results.set(null);
    this.query.set('');
  }

  protected remove(p: PickedPerson): void {
    this.picked.set(this.picked().filter((x) => x.id !== p.id));
  }
}
