import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { renderPreview } from '@lantern/web-ui/markdown';
import { formatDateTime } from '../../../core/format';
import { RoomActions } from './room-actions';
import { RoomLiveSync } from './room-live';
import { type MessageView, messageDomId, quoteOf, seenByMessage } from './room-model';
import { RoomSearch } from './room-search';
import { RoomStore } from './room-store';

/** Scrolled this close to the end, new messages keep the list at the end. */
const NEAR_END_PX = 120;

/**
 * The messages: markdown, case tag, the quoted message replied to, "edited" (opens the earlier
 * versions), "Seen by", the unread divider, search hits, our messages not sent yet (Retry). Every
 * message's actions are buttons reachable by Tab (a menu for the rarer ones), never hover-only.
 * Messages in view (with the window focused) count as read.
 */
@Component({
  selector: 'lan-room-messages',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatMenuModule],
  templateUrl: './message-list.html',
  styleUrl: './message-list.scss',
})
export class RoomMessageList {
  protected readonly store = inject(RoomStore);
  protected readonly live = inject(RoomLiveSync);
  protected readonly actions = inject(RoomActions);
  protected readonly search = inject(RoomSearch);

  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  private readonly html = new Map<string, string>();
  private observer: IntersectionObserver | null = null;
  private observed = new Set<Element>();
  private placed = false;
  private lastCount = 0;

  protected readonly dateTime = formatDateTime;
  protected readonly domId = messageDomId;
  protected readonly quote = quoteOf;

  protected readonly messages = this.store.messages;
  protected readonly bySeq = computed(() => new Map(this.messages().map((m) => [m.seq, m])));
  protected readonly seenBy = computed(() =>
    seenByMessage(
      this.messages().filter((m) => !m.deleted),
      this.live.readUpTo(),
      this.store.session()?.participants ?? [],
      this.store.viewerId(),
    ),
  );
  protected readonly caseRefs = computed(
    () => new Map((this.store.session()?.agenda ?? []).map((a) => [a.caseId, a.caseReference])),
  );

  constructor() {
    if (typeof IntersectionObserver !== 'undefined') {
      this.observer = new IntersectionObserver(
        (entries) => {
          const seqs = entries
            .filter((e) => e.isIntersecting)
            .map((e) => Number((e.target as HTMLElement).dataset['seq']));
          if (seqs.length) this.live.seen(Math.max(...seqs));
        },
        { threshold: 0.5 },
      );
    }
    inject(DestroyRef).onDestroy(() => this.observer?.disconnect());
    // After each render: watch new messages for "read", and keep the end in view.
    afterRenderEffect(() => {
      const count = this.messages().length + this.store.pending().length;
      const loaded = this.store.historyLoaded();
      this.watchVisible();
      const el = this.scroller().nativeElement;
      if (loaded && !this.placed) {
        this.placed = true;
        const divider = el.querySelector<HTMLElement>('.divider');
        if (divider) divider.scrollIntoView?.({ block: 'start' });
        else el.scrollTop = el.scrollHeight;
      } else if (
        count > this.lastCount &&
        el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_END_PX * 3
      ) {
        el.scrollTop = el.scrollHeight;
      }
      this.lastCount = count;
    });
  }

  /** The message as HTML (rendered and sanitised once per text). */
  protected render(text: string): string {
    let html = this.html.get(text);
    if (html === undefined) {
      html = renderPreview(text);
      this.html.set(text, html);
    }
    return html;
  }

  protected mine(m: MessageView): boolean {
    return !!m.authorId && m.authorId === this.store.viewerId();
  }

  protected parentOf(m: MessageView): MessageView | null {
    return m.replyTo === null ? null : (this.bySeq().get(m.replyTo) ?? null);
  }

  protected jump(event: Event, seq: number): void {
    event.preventDefault();
    this.actions.jumpTo(seq);
  }

  protected saveEdit(m: MessageView, el: HTMLTextAreaElement): void {
    void this.actions.saveEdit(m, el.value, (t) => (el.value = t));
  }

  protected editKey(event: KeyboardEvent, m: MessageView, el: HTMLTextAreaElement): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.actions.cancelEdit(m.seq);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.saveEdit(m, el);
    }
  }

  private watchVisible(): void {
    if (!this.observer) return;
    const items = this.scroller().nativeElement.querySelectorAll('.msg[data-seq]');
    for (const el of Array.from(items)) {
      if (this.observed.has(el)) continue;
      this.observed.add(el);
      this.observer.observe(el);
    }
    for (const el of [...this.observed]) {
      if (!el.isConnected) {
        this.observer.unobserve(el);
        this.observed.delete(el);
      }
    }
  }
}
