import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { ActionStatus } from '@lantern/shared-domain';
import { messageOf } from '@lantern/web-graphql';
import { ActionDue, Alert, EmptyState, Icon, Loading } from '@lantern/web-ui';
import { type MyAction, MyActions } from './my-actions';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * /actions: "My actions", from every feature (cases now; supervision and meetings later). Open ones
 * soonest due first, done ones most recent first (?show=done). Case actions are case data: without
 * the second factor they are counted, not listed, and "Enter your code" brings them in.
 */
@Component({
  selector: 'lan-actions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, ActionDue, Alert, EmptyState, Icon, Loading],
  templateUrl: './actions.page.html',
  styleUrl: './actions.page.scss',
})
export class ActionsPage {
  private readonly data = inject(MyActions);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** ?show=done (bound by the router); anything else shows the open ones. */
  readonly show = input<string | undefined>();
  protected readonly open = computed(() => this.show() !== 'done');

  protected readonly items = signal<readonly MyAction[]>([]);
  protected readonly total = signal(0);
  protected readonly hasMore = signal(false);
  protected readonly hidden = signal(0);
  protected readonly loaded = signal(false);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly unlocking = signal(false);
  protected readonly unlockError = signal<string | null>(null);
  protected readonly changing = signal<string | null>(null);
  protected readonly changeError = signal<{ id: string; message: string } | null>(null);
  /** The polite live region: "Marked … done." */
  protected readonly status = signal('');

  protected readonly openStatus = ActionStatus.Open;
  protected readonly doneStatus = ActionStatus.Done;
  protected readonly plural = plural;
  private generation = 0;

  constructor() {
    effect(() => {
      const open = this.open();
      untracked(() => void this.reload(open));
    });
  }

  async reload(open: boolean = this.open()): Promise<void> {
    const generation = ++this.generation;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.data.list(open, 0);
      if (generation !== this.generation) return;
      this.items.set(page.nodes);
      this.total.set(page.totalCount);
      this.hasMore.set(page.hasNextPage);
      this.hidden.set(page.hiddenCaseActions);
      this.loaded.set(true);
    } catch (error) {
      if (generation === this.generation) this.error.set(messageOf(error));
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  protected async more(): Promise<void> {
    if (this.loading()) return;
    const generation = this.generation;
    this.loading.set(true);
    try {
      const page = await this.data.list(this.open(), this.items().length);
      if (generation !== this.generation) return;
      this.items.update((items) => [...items, ...page.nodes]);
      this.hasMore.set(page.hasNextPage);
      void this.announcer.announce(`${plural(page.nodes.length, 'more action')} shown.`);
    } catch (error) {
      if (generation === this.generation) this.error.set(messageOf(error));
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  /** "Enter your code": ask for case data, so the second-factor prompt opens; then list again. */
  protected async unlock(): Promise<void> {
    if (this.unlocking()) return;
    this.unlocking.set(true);
    this.unlockError.set(null);
    try {
      await this.data.unlockCaseData();
      await this.reload();
      this.say(this.hidden() ? 'Some case actions are still hidden.' : 'Your case actions are shown.');
      this.focus('h1');
    } catch (error) {
      this.unlockError.set(messageOf(error));
    } finally {
      this.unlocking.set(false);
    }
  }

  protected async setStatus(action: MyAction, status: ActionStatus): Promise<void> {
    if (this.changing()) return;
    this.changing.set(action.id);
    this.changeError.set(null);
    try {
      const saved = await this.data.setStatus(action.id, status);
      // It leaves this tab (open ↔ done); the count follows.
      const index = this.items().findIndex((a) => a.id === action.id);
      this.items.update((items) => items.filter((a) => a.id !== action.id));
      this.total.update((n) => Math.max(0, n - 1));
      this.say(status === ActionStatus.Done ? `Marked “${saved.title}” done.` : `Reopened “${saved.title}”.`);
      const next = this.items()[Math.min(index, this.items().length - 1)];
      this.focus(next ? `#my-action-${next.id} a` : 'h1');
    } catch (error) {
      this.changeError.set({ id: action.id, message: messageOf(error) });
    } finally {
      this.changing.set(null);
    }
  }

  private say(message: string): void {
    this.status.set(message);
    void this.announcer.announce(message, 'polite');
  }

  private focus(selector: string): void {
    afterNextRender(
      () => {
        const el = this.host.nativeElement.querySelector<HTMLElement>(selector);
        if (!el) return;
        if (el.tagName === 'H1') el.setAttribute('tabindex', '-1');
        el.focus();
      },
      { injector: this.injector },
    );
  }
}
