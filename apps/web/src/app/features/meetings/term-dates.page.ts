import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Role, type Term, termsProblem } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { Alert, ConfirmService, Loading } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { type MeetingPlaces, MeetingsData, type TermDates } from './meetings-data';
import { formatIsoDate } from './meetings-model';

interface Owner {
  /** 'la:<id>' or 'school:<id>'. */
  value: string;
  label: string;
}

const blankTerm = (): Term => ({ name: '', starts: '', ends: '', halfTermStarts: null, halfTermEnds: null });

/**
 * /admin/term-dates: a local authority's term dates (the network admin) or a school's own (its
 * headteacher or SENCO; a school without its own follows its local authority). Termly series and
 * holiday-aware reminders use them.
 */
@Component({
  selector: 'lan-term-dates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, Alert, Loading],
  templateUrl: './term-dates.page.html',
  styleUrl: './term-dates.page.scss',
})
export class TermDatesPage implements OnInit {
  private readonly data = inject(MeetingsData);
  private readonly session = inject(Session);
  private readonly confirm = inject(ConfirmService);

  protected readonly places = signal<MeetingPlaces | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly owner = signal('');
  protected readonly current = signal<TermDates | null>(null);
  protected readonly terms = signal<readonly Term[]>([]);
  protected readonly problem = signal<string | null>(null);
  protected readonly status = signal('');
  protected readonly busy = signal(false);
  protected readonly date = formatIsoDate;

  /** What the viewer may set: every local authority (network admin), their own schools (headteacher, SENCO). */
  protected readonly owners = computed<Owner[]>(() => {
    const actor = this.session.actor();
    const places = this.places();
    if (!actor || !places) return [];
    const out: Owner[] = [];
    if (actor.grants.some((g) => g.role === Role.NetworkAdmin))
      out.push(
        ...places.localAuthorities.map((la) => ({
          value: `la:${la.id}`,
          label: `Local authority: ${la.name}`,
        })),
      );
    const mine = new Set(
      actor.grants
        .filter((g) => (g.role === Role.Headteacher || g.role === Role.Senco) && g.schoolId)
        .map((g) => g.schoolId),
    );
    for (const t of places.trusts)
      for (const s of t.schools)
        if (mine.has(s.id)) out.push({ value: `school:${s.id}`, label: `School: ${s.displayName}` });
    return out;
  });
  protected readonly isSchool = computed(() => this.owner().startsWith('school:'));

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.loadError.set(null);
    try {
      this.places.set(await this.data.places());
      const first = this.owners()[0];
      if (first) await this.choose(first.value);
    } catch (error) {
      this.loadError.set(messageOf(error));
    }
  }

  private where(value: string): { localAuthorityId: string | null; schoolId: string | null } {
    const [kind, id] = value.split(':');
    return kind === 'la'
      ? { localAuthorityId: id, schoolId: null }
      : { localAuthorityId: null, schoolId: id };
  }

  protected async choose(value: string): Promise<void> {
    this.owner.set(value);
    this.current.set(null);
    this.problem.set(null);
    this.status.set('');
    if (!value) return;
    try {
      const dates = await this.data.termDates(this.where(value));
      this.current.set(dates);
      this.terms.set(dates.terms.map((t) => ({ ...t })));
    } catch (error) {
      this.problem.set(messageOf(error));
    }
  }

  protected set(index: number, field: keyof Term, event: Event): void {
    const raw = (event.target as HTMLInputElement).value;
    const value = field === 'halfTermStarts' || field === 'halfTermEnds' ? raw || null : raw;
    this.terms.update((ts) => ts.map((t, i) => (i === index ? { ...t, [field]: value } : t)));
  }

  protected add(): void {
    this.terms.update((ts) => [...ts, blankTerm()]);
  }

  protected remove(index: number): void {
    this.terms.update((ts) => ts.filter((_, i) => i !== index));
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const terms = this.terms().map((t) => ({ ...t, name: t.name.trim() }));
    if (terms.some((t) => !t.starts || !t.ends))
      return this.problem.set('Give the first and last day of every term.');
    const problem = termsProblem(terms);
    this.problem.set(problem);
    if (problem) return;
    await this.send(terms, 'Term dates saved.');
  }

  /** A school goes back to its local authority's dates (an empty list). */
  protected async follow(): Promise<void> {
    const ok = await this.confirm.confirm({
      title: "Follow the local authority's term dates?",
      message: "The school's own dates are removed and its local authority's are used again.",
      confirmText: 'Follow the local authority',
      destructive: true,
    });
    if (ok) await this.send([], "The school now follows its local authority's term dates.");
  }

  private async send(terms: Term[], done: string): Promise<void> {
    this.busy.set(true);
    this.status.set('');
    try {
      const saved = await this.data.setTerms({ ...this.where(this.owner()), terms });
      this.current.set(saved);
      this.terms.set(saved.terms.map((t) => ({ ...t })));
      this.status.set(done);
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
