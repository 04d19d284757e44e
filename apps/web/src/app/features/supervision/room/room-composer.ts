import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { SUPERVISION_LIMITS } from '@lantern/shared-domain';
import { KEPT_BACK, PersonalDataCheck } from '@lantern/web-ui';
import type { RoomParticipant } from './room-api';
import { RoomActions } from './room-actions';
import { RoomLiveSync } from './room-live';
import {
  type MentionQuery,
  insertMention,
  mentionCandidates,
  mentionQueryAt,
  mentionedIds,
  quoteOf,
  withoutMentions,
} from './room-model';
import { RoomStore } from './room-store';

/**
 * Writing a message: markdown, tagged to an agenda case (the current case unless another is chosen),
 * optionally a reply (quoted above), @mentions of participants (autocomplete). Enter sends,
 * Shift+Enter starts a new line. The personal-data check runs before it goes; it then shows at once
 * as "Sending…" in the list.
 */
@Component({
  selector: 'lan-room-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './room-composer.html',
  styleUrl: './room-composer.scss',
})
export class RoomComposer {
  protected readonly store = inject(RoomStore);
  protected readonly live = inject(RoomLiveSync);
  protected readonly actions = inject(RoomActions);
  private readonly check = inject(PersonalDataCheck);

  private readonly box = viewChild<ElementRef<HTMLTextAreaElement>>('box');

  protected readonly max = SUPERVISION_LIMITS.messageMax;
  protected readonly text = signal('');
  protected readonly problem = signal<string | null>(null);
  protected readonly checking = signal(false);
  /** The case the message is about: follows the current case until the person picks one. */
  protected readonly caseId = linkedSignal<string>(() => this.store.currentCaseId() ?? '');
  protected readonly options = signal<readonly RoomParticipant[]>([]);
  protected readonly replyQuote = computed(() => {
    const m = this.actions.replyingTo();
    return m ? `${this.actions.nameOf(m.authorId)}: ${quoteOf(m.text)}` : '';
  });
  protected readonly tooLong = computed(() => this.text().length > this.max);

  private query: MentionQuery | null = null;

  constructor() {
    // A refused message taken back to change it.
    effect(() => {
      const back = this.actions.composerText();
      if (!back) return;
      untracked(() => {
        this.text.set(back.text);
        this.actions.composerText.set(null);
      });
    });
  }

  protected onInput(value: string): void {
    this.text.set(value);
    this.problem.set(null);
    this.live.onTyping(value.trim().length > 0);
    const el = this.box()?.nativeElement;
    const caret = el ? (el.selectionStart ?? value.length) : value.length;
    this.query = mentionQueryAt(value, caret);
    const people = this.store.session()?.participants ?? [];
    this.options.set(this.query ? mentionCandidates(people, this.query.search, this.store.viewerId()) : []);
  }

  protected withMention(p: RoomParticipant): string {
    return this.query ? insertMention(this.text(), this.query, p.displayName).text : this.text();
  }

  protected chosen(event: MatAutocompleteSelectedEvent): void {
    const value = String(event.option.value);
    const p = this.store.session()?.participants.find((x) => value.includes(`@${x.displayName} `));
    const caret = this.query && p ? this.query.start + p.displayName.length + 2 : value.length;
    this.text.set(value);
    this.query = null;
    this.options.set([]);
    const el = this.box()?.nativeElement;
    if (el) {
      el.value = value;
      el.focus();
      el.setSelectionRange(caret, caret);
    }
  }

  protected keydown(event: KeyboardEvent): void {
    // Enter sends (unless the mention list is open: then it picks the person).
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !this.options().length) {
      event.preventDefault();
      void this.send();
    } else if (event.key === 'Escape' && this.actions.replyingTo() && !this.options().length) {
      this.actions.replyingTo.set(null);
    }
  }

  protected cancelReply(): void {
    this.actions.replyingTo.set(null);
    this.box()?.nativeElement.focus();
  }

  protected async send(): Promise<void> {
    if (this.checking()) return;
    const text = this.text();
    if (!text.trim()) {
      this.problem.set('Write a message before sending.');
      return;
    }
    if (this.tooLong()) {
      this.problem.set(`Keep a message to ${this.max.toLocaleString('en-GB')} characters or fewer.`);
      return;
    }
    const people = this.store.session()?.participants ?? [];
    const checked = withoutMentions(text, people);
    this.checking.set(true);
    try {
      // The client check first; what the server refuses shows next to the message in the list.
      const result = await this.check.save(
        [checked === text ? { text, set: (t: string) => this.text.set(t) } : checked],
        async (override) => {
          this.store.send({
            type: 'message',
            text: text.trim(),
            caseId: this.caseId() || null,
            replyTo: this.actions.replyingTo()?.seq ?? null,
            mentions: mentionedIds(text, people),
            ...(override ? { override: true } : {}),
          });
        },
      );
      if (result === KEPT_BACK) return;
      this.text.set('');
      this.actions.replyingTo.set(null);
      this.live.stopTyping();
      this.box()?.nativeElement.focus();
    } finally {
      this.checking.set(false);
    }
  }
}
