import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { messageOf } from '@lantern/web-graphql';
import { MeetingsData } from './meetings-data';
import { formatIsoDate } from './meetings-model';
import { OccurrenceStore } from './occurrence-store';

interface SchoolOption {
  id: string;
  name: string;
}

/**
 * The series: its host rotation (in turn through chosen schools; the chair and organiser set the
 * order with keyboard-accessible move up/down buttons and may skip this meeting's turn) and the
 * term's in-person / online balance.
 */
@Component({
  selector: 'lan-series-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <section aria-labelledby="series-title">
      <h2 id="series-title">The series</h2>
      @if (store.balance(); as b) {
        <h3>In person and online this term</h3>
        <p>
          {{ b.period }} ({{ date(b.from) }} to {{ date(b.to) }}): {{ b.inPerson }} in person,
          {{ b.online }} online, {{ b.hybrid }} hybrid.
          @if (b.inPerson + b.hybrid === 0 && b.online > 0) {
            No one meets face to face this term.
          } @else if (b.online + b.hybrid === 0 && b.inPerson > 1) {
            Every meeting this term needs travel: consider making one online.
          }
        </p>
      }
      <h3>Host rotation</h3>
      @if (store.series(); as s) {
        @if (s.hostSchools.length) {
          <ol class="rotation">
            @for (h of s.hostSchools; track h.id) {
              <li>{{ h.name }}{{ h.localAuthorityName ? ' (' + h.localAuthorityName + ')' : '' }}</li>
            }
          </ol>
        } @else {
          <p>No host rotation: the place is the same each time.</p>
        }
        @if (s.canManage && !store.cancelled()) {
          @if (store.occurrence(); as o) {
            @if (s.hostSchools.length) {
              <button mat-stroked-button type="button" [disabled]="busy()" (click)="skip(!o.hostSkipped)">
                {{ o.hostSkipped ? 'Give this meeting a host again' : 'Skip the host for this meeting' }}
              </button>
            }
          }
          @if (!editing()) {
            <button mat-stroked-button type="button" (click)="startEditing()">Change the rotation</button>
          } @else {
            <div class="editor">
              <p id="rotation-hint">
                Schools host in this order, then start again. Skipped meetings do not use a turn.
              </p>
              @if (chosen().length) {
                <ol aria-describedby="rotation-hint">
                  @for (c of chosen(); track c.id; let i = $index, first = $first, last = $last) {
                    <li>
                      <span>{{ c.name }}</span>
                      <span class="moves">
                        <button mat-button type="button" [disabled]="first" (click)="move(i, -1)">
                          Move up<span class="visually-hidden"> {{ c.name }}</span>
                        </button>
                        <button mat-button type="button" [disabled]="last" (click)="move(i, 1)">
                          Move down<span class="visually-hidden"> {{ c.name }}</span>
                        </button>
                        <button mat-button type="button" (click)="remove(i)">
                          Remove<span class="visually-hidden"> {{ c.name }}</span>
                        </button>
                      </span>
                    </li>
                  }
                </ol>
              }
              <label for="rotation-add">Add a school</label>
              <div class="add">
                <select id="rotation-add" #pick>
                  <option value="">Choose a school</option>
                  @for (s of options(); track s.id) {
                    <option [value]="s.id">{{ s.name }}</option>
                  }
                </select>
                <button mat-stroked-button type="button" (click)="add(pick)">Add to the rotation</button>
              </div>
              <div class="buttons">
                <button mat-flat-button type="button" [disabled]="busy()" (click)="save()">
                  Save the rotation
                </button>
                <button mat-button type="button" (click)="editing.set(false)">Cancel</button>
              </div>
            </div>
          }
        }
        <p role="status" class="status">{{ status() }}</p>
      }
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 2rem 0 0.5rem;
    }
    h3 {
      font: var(--mat-sys-title-medium);
    }
    .editor ol {
      padding-left: 1.5rem;
    }
    .editor li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem;
      overflow-wrap: anywhere;
    }
    .moves {
      display: flex;
      flex-wrap: wrap;
    }
    label {
      display: block;
      font-weight: 600;
      margin-top: 0.5rem;
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    select {
      max-width: 100%;
      padding: 0.5rem;
      font: inherit;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    .status {
      min-height: 1.25rem;
    }
  `,
})
export class SeriesPanel {
  protected readonly store = inject(OccurrenceStore);
  private readonly data = inject(MeetingsData);

  protected readonly editing = signal(false);
  protected readonly chosen = signal<readonly SchoolOption[]>([]);
  private readonly all = signal<readonly SchoolOption[]>([]);
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly date = formatIsoDate;
  protected readonly options = computed(() => {
    const taken = new Set(this.chosen().map((c) => c.id));
    return this.all().filter((s) => !taken.has(s.id));
  });

  protected async startEditing(): Promise<void> {
    this.chosen.set((this.store.series()?.hostSchools ?? []).map((h) => ({ id: h.id, name: h.name })));
    this.editing.set(true);
    if (!this.all().length) {
      try {
        const places = await this.data.places();
        this.all.set(places.trusts.flatMap((t) => t.schools.map((s) => ({ id: s.id, name: s.displayName }))));
      } catch (error) {
        this.status.set(`The schools could not be loaded. ${messageOf(error)}`);
      }
    }
  }

  protected move(index: number, by: -1 | 1): void {
    const list = [...this.chosen()];
    const [item] = list.splice(index, 1);
    list.splice(index + by, 0, item);
    this.chosen.set(list);
    this.status.set(`${item.name} moved to place ${index + by + 1} of ${list.length}.`);
  }

  protected remove(index: number): void {
    const item = this.chosen()[index];
    this.chosen.set(this.chosen().filter((_, i) => i !== index));
    this.status.set(`${item?.name ?? 'School'} removed from the rotation.`);
  }

  /** Added with a button, not on change: arrowing through a closed select must not add schools. */
  protected add(select: HTMLSelectElement): void {
    const school = this.all().find((s) => s.id === select.value);
    if (!school) return;
    this.chosen.set([...this.chosen(), school]);
    select.value = '';
    this.status.set(`${school.name} added in place ${this.chosen().length}.`);
  }

  protected async save(): Promise<void> {
    await this.run(async () => {
      await this.store.setHostRotation(this.chosen().map((c) => c.id));
      this.editing.set(false);
    }, 'Host rotation saved.');
  }

  protected async skip(skipped: boolean): Promise<void> {
    await this.run(
      () => this.store.skipHost(skipped),
      skipped ? 'No host for this meeting.' : 'This meeting has a host again.',
    );
  }

  private async run(work: () => Promise<void>, done: string): Promise<void> {
    this.busy.set(true);
    this.status.set('');
    try {
      await work();
      this.status.set(done);
    } catch (error) {
      this.status.set(`That did not work. ${messageOf(error)}`);
    } finally {
      this.busy.set(false);
    }
  }
}
