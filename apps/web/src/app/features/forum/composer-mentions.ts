import { signal } from '@angular/core';
import {
  type MentionCandidate,
  MentionLookup,
  type MentionQuery,
  type MentionSearch,
  insertMention,
  mentionQueryAt,
  mentionedIds,
} from './mentions';

/**
 * "@" mentions while writing: find the name being typed, look people up once typing pauses, insert
 * the chosen person's name, and remember who was chosen (their ids go with the post while their
 * mention is still in the text). One per composer.
 */
export class ComposerMentions {
  readonly options = signal<readonly MentionCandidate[]>([]);
  /** "@" typed in a new thread before a category is chosen: say why nobody is offered. */
  readonly needsCategory = signal(false);
  /** The names of the people chosen so far (members, not pupils: the personal-data check lets them stay). */
  readonly names = signal<readonly string[]>([]);

  private query: MentionQuery | null = null;
  private readonly lookup = new MentionLookup();
  /** id -> display name of the people chosen so far. */
  private readonly chosen = new Map<string, string>();

  /** `optionIdPrefix` + a person's id is the id of their autocomplete option. */
  constructor(private readonly optionIdPrefix: string) {}

  /** As the body changes: is an "@name" being typed? Then look people up once typing pauses. */
  onInput(
    el: HTMLTextAreaElement | undefined,
    search: MentionSearch | null,
    categoryId: string | null,
  ): void {
    const caret = el ? (el.selectionStart ?? el.value.length) : 0;
    const query = el ? mentionQueryAt(el.value, caret, [...this.chosen.values()]) : null;
    this.query = query;
    this.needsCategory.set(!!query && !!search && !categoryId);
    if (!query || !search || !categoryId) {
      this.lookup.cancel();
      this.options.set([]);
      return;
    }
    this.lookup.schedule(search, categoryId, query.search, (found) => this.options.set(found));
  }

  /** The body as it would read with this person inserted (the autocomplete option's value). */
  withMention(body: string, candidate: MentionCandidate): string {
    return this.query ? insertMention(body, this.query, candidate).text : body;
  }

  /** A person was picked from the list (the autocomplete has put their name in): put the caret after it. */
  choose(optionId: string, el: HTMLTextAreaElement | undefined): void {
    const candidate = this.options().find((c) => c.id === optionId.replace(this.optionIdPrefix, ''));
    const query = this.query;
    if (!candidate || !query) return;
    this.chosen.set(candidate.id, candidate.displayName);
    this.names.set([...this.chosen.values()]);
    const caret = query.start + candidate.displayName.length + 2;
    this.query = null;
    this.options.set([]);
    if (el) {
      el.focus();
      el.setSelectionRange(caret, caret);
    }
  }

  /** The ids of the chosen people whose mention is still in `body`. */
  ids(body: string): string[] {
    return mentionedIds(body, this.chosen);
  }

  /** Posted: start again with nobody chosen. */
  clear(): void {
    this.chosen.clear();
    this.names.set([]);
  }

  cancel(): void {
    this.lookup.cancel();
  }
}
