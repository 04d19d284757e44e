import { LiveAnnouncer } from '@angular/cdk/a11y';
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
import { RouterLink } from '@angular/router';
import { SupervisionStatus } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { Alert, EmptyState, Icon, Loading } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { type SessionItem, type SupervisionSchool, SupervisionData } from './supervision-data';
import {
  type SessionsTab,
  lengthLabel,
  plural,
  roleLabel,
  schedulableSchoolIds,
  statusLabel,
  tabOf,
  whenText,
} from './supervision-model';

/**
 * /supervision: the viewer's supervision sessions, upcoming (soonest first) or past (?when=past),
 * 25 at a time with "Show more"; "Schedule a session" for those who may schedule at some school.
 */
@Component({
  selector: 'lan-supervision-sessions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, Alert, EmptyState, Icon, Loading],
  templateUrl: './sessions.page.html',
  styleUrl: './sessions.page.scss',
})
export class SessionsPage implements OnInit {
  private readonly data = inject(SupervisionData);
  private readonly session = inject(Session);
  private readonly announcer = inject(LiveAnnouncer);

  /** ?when= (bound by the router). */
  readonly when = input<string | undefined>();
  protected readonly tab = computed<SessionsTab>(() => tabOf(this.when()));

  protected readonly schools = signal<readonly SupervisionSchool[]>([]);
  /** Where the viewer may schedule: none, one (the button goes straight there) or several (a picker). */
  protected readonly schedulable = computed(() => {
    const ids = schedulableSchoolIds(
      this.session.actor(),
      this.schools().map((s) => s.id),
    );
    return this.schools().filter((s) => ids.has(s.id));
  });
  protected readonly scheduleQuery = computed(() => {
    const [only, ...others] = this.schedulable();
    return only && !others.length ? { school: only.id } : {};
  });

  protected readonly items = signal<readonly SessionItem[]>([]);
  protected readonly total = signal(0);
  protected readonly hasMore = signal(false);
  protected readonly loaded = signal(false);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly statusLabel = statusLabel;
  protected readonly roleLabel = roleLabel;
  protected readonly whenText = whenText;
  protected readonly lengthLabel = lengthLabel;
  protected readonly plural = plural;
  protected readonly live = SupervisionStatus.Live;
  protected readonly ended = SupervisionStatus.Ended;
  protected readonly cancelled = SupervisionStatus.Cancelled;

  private generation = 0;

  constructor() {
    effect(() => {
      const tab = this.tab();
      untracked(() => void this.load(tab, false));
    });
  }

  ngOnInit(): void {
    void this.loadSchools();
  }

  private async loadSchools(): Promise<void> {
    try {
      this.schools.set(await this.data.schools());
    } catch {
      // Without the schools the page only lacks "Schedule a session"; the list says what went wrong.
    }
  }

  protected async load(tab: SessionsTab, more: boolean): Promise<void> {
    const generation = more ? this.generation : ++this.generation;
    this.loading.set(true);
    this.error.set(null);
    if (!more) this.loaded.set(false);
    try {
      const page = await this.data.list(tab === 'past' ? 'PAST' : 'UPCOMING', more ? this.items().length : 0);
      if (generation !== this.generation) return;
      this.items.set(more ? [...this.items(), ...page.nodes] : page.nodes);
      this.total.set(page.totalCount);
      this.hasMore.set(page.hasMore);
      this.loaded.set(true);
      const noun = tab === 'past' ? 'past session' : 'upcoming session';
      void this.announcer.announce(
        more ? `${plural(page.nodes.length, 'more session')} shown.` : `${plural(page.totalCount, noun)}.`,
        'polite',
      );
    } catch (error) {
      if (generation === this.generation) this.error.set(messageOf(error));
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  protected more(): void {
    if (!this.loading()) void this.load(this.tab(), true);
  }

  protected retry(): void {
    void this.load(this.tab(), this.loaded());
  }

  /** Where a session's title leads: the record once it has ended, else the room. */
  protected link(s: SessionItem): string[] {
    return s.status === SupervisionStatus.Ended ? ['/supervision', s.id, 'record'] : ['/supervision', s.id];
  }

  protected recordText(s: SessionItem): string | null {
    if (s.status !== SupervisionStatus.Ended) return null;
    if (!s.record) return 'Record not drafted yet';
    return s.record.signedAt ? 'Record signed' : 'Record awaiting signatures';
  }
}
