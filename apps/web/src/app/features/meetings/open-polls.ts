import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { formatShortDay } from './meetings-model';
import { type PollSummary, PollsData } from './polls-data';

/** "Finding a time": the open polls the viewer organises or is asked in (nothing when there are none). */
@Component({
  selector: 'lan-open-polls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (polls().length) {
      <section aria-labelledby="polls-title" class="polls">
        <h2 id="polls-title">Finding a time</h2>
        <ul>
          @for (p of polls(); track p.id) {
            <li>
              <a [routerLink]="['/meetings/polls', p.id]">{{ p.title }}</a>
              <span class="meta">
                {{ p.slots.length }} times offered{{
                  p.slots.length ? ', from ' + day(p.slots[0].startsAt) : ''
                }}{{ p.canDecide ? ' (you choose)' : '' }}
              </span>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .polls {
      margin: 1rem 0;
    }
    h2 {
      font: var(--mat-sys-title-medium);
    }
    ul {
      padding-left: 1.25rem;
    }
    li {
      margin: 0.25rem 0;
      overflow-wrap: anywhere;
    }
    .meta {
      display: block;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class OpenPolls implements OnInit {
  private readonly data = inject(PollsData);
  protected readonly polls = signal<readonly PollSummary[]>([]);
  protected readonly day = formatShortDay;

  ngOnInit(): void {
    this.data.mine(true).then(
      (polls) => this.polls.set(polls),
      () => this.polls.set([]),
    );
  }
}
