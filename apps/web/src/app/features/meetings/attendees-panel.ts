import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { RsvpAnswer } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import type { MeetingAttendee } from './meetings-data';
import { rsvpText } from './meetings-model';
import { OccurrenceStore } from './occurrence-store';

/**
 * Who is coming, with each person's schools and local authorities (for the chair, organiser,
 * note-taker and the host school, so the host knows who comes in person and the chair sees who
 * travels); after the start, the note-taker or chair ticks who actually attended (CPD evidence).
 */
@Component({
  selector: 'lan-attendees-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule],
  template: `
    <section aria-labelledby="attendees-title">
      <h2 id="attendees-title">Who is coming</h2>
      @if (!attendees().length) {
        <p>No one has answered yet.</p>
      } @else {
        <p>
          {{ inPerson().length }} in person, {{ online().length }} online, {{ apologies().length }} sent
          apologies.
        </p>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">
              People who answered, with their schools
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Answer</th>
                <th scope="col">School and local authority</th>
                @if (canRecord()) {
                  <th scope="col">Attended</th>
                } @else {
                  <th scope="col">Attendance</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (a of sorted(); track a.person.id) {
                <tr>
                  <th scope="row">{{ a.person.displayName }}</th>
                  <td>{{ answer(a.answer) }}</td>
                  <td>
                    @for (s of a.schools; track s.id) {
                      <span class="school"
                        >{{ s.name }}{{ s.localAuthorityName ? ' (' + s.localAuthorityName + ')' : '' }}</span
                      >
                    } @empty {
                      <span>Network or trust role</span>
                    }
                  </td>
                  <td>
                    @if (canRecord()) {
                      <mat-checkbox
                        [checked]="ticked().has(a.person.id)"
                        (change)="toggle(a.person.id, $event.checked)"
                      >
                        <span class="visually-hidden">{{ a.person.displayName }} attended</span>
                      </mat-checkbox>
                    } @else {
                      {{ a.attended === null ? 'Not recorded' : a.attended ? 'Attended' : 'Did not attend' }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (canRecord()) {
          <button mat-stroked-button type="button" [disabled]="busy()" (click)="save()">
            Save attendance
          </button>
          <p role="status" class="status">{{ status() }}</p>
        }
      }
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 2rem 0 0.5rem;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
      overflow-wrap: anywhere;
    }
    .school {
      display: block;
    }
    .status {
      min-height: 1.25rem;
    }
  `,
})
export class AttendeesPanel {
  private readonly store = inject(OccurrenceStore);

  readonly attendees = input.required<readonly MeetingAttendee[]>();
  readonly canRecord = input(false);

  protected readonly ticked = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly answer = rsvpText;

  private readonly order: Record<string, number> = {
    [RsvpAnswer.InPerson]: 0,
    [RsvpAnswer.Online]: 1,
    [RsvpAnswer.Apologies]: 2,
  };
  protected readonly sorted = computed(() =>
    [...this.attendees()].sort(
      (a, b) =>
        (this.order[a.answer ?? ''] ?? 3) - (this.order[b.answer ?? ''] ?? 3) ||
        a.person.displayName.localeCompare(b.person.displayName),
    ),
  );
  protected readonly inPerson = computed(() =>
    this.attendees().filter((a) => a.answer === RsvpAnswer.InPerson),
  );
  protected readonly online = computed(() => this.attendees().filter((a) => a.answer === RsvpAnswer.Online));
  protected readonly apologies = computed(() =>
    this.attendees().filter((a) => a.answer === RsvpAnswer.Apologies),
  );

  constructor() {
    // Start from what was recorded, or else from who said they would come.
    effect(() => {
      const list = this.attendees();
      this.ticked.set(
        new Set(
          list
            .filter((a) =>
              a.attended === null ? a.answer !== null && a.answer !== RsvpAnswer.Apologies : a.attended,
            )
            .map((a) => a.person.id),
        ),
      );
    });
  }

  protected toggle(id: string, on: boolean): void {
    const next = new Set(this.ticked());
    if (on) next.add(id);
    else next.delete(id);
    this.ticked.set(next);
  }

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.status.set('');
    try {
      await this.store.recordAttendance(
        this.attendees().map((a) => ({ userId: a.person.id, attended: this.ticked().has(a.person.id) })),
      );
      this.status.set('Attendance saved.');
    } catch (error) {
      this.status.set(`Attendance was not saved. ${messageOf(error)}`);
    } finally {
      this.busy.set(false);
    }
  }
}
