import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  type OnInit,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  ErrorCode,
  PERSONAL_DATA_LABEL,
  type PersonalDataFinding,
  describeFindings,
} from '@lantern/shared-domain';
import { type ThreadKind, isApiError, messageOf } from '@lantern/web-graphql';
import {
  Alert,
  type PersonalDataOverride,
  PersonalDataRemoval,
  PersonalDataScanner,
  REMOVE_FINDINGS,
  askAboutPersonalData,
} from '@lantern/web-ui';
import { applyServerFieldErrors, focusFirstInvalid } from '../forms';
import { DraftStore } from './drafts';
import { renderPreview } from './markdown';
import {
  type MentionCandidate,
  MentionLookup,
  type MentionQuery,
  type MentionSearch,
  insertMention,
  mentionQueryAt,
  mentionedIds,
} from './mentions';

export type ComposerMode = 'thread' | 'reply' | 'edit-thread' | 'edit-reply';

export interface ComposerValue {
  categoryId: string | null;
  kind: ThreadKind;
  title: string;
  body: string;
  tags: string[];
  anonymous: boolean;
  /** People chosen with "@" whose mention is still in the body. */
  mentions: string[];
}

/** Posts the value; `override` is set when the person chose to post despite the personal-data check. */
export type ComposerSend<T = unknown> = (
  value: ComposerValue,
  override: PersonalDataOverride | null,
) => Promise<T>;

export const MAX_TAGS = 5;
export const TAG_MAX_LENGTH = 30;
export const BODY_MAX_LENGTH = 20_000;

/** "EHCP, Annual review" -> ["ehcp", "annual-review"] (as the API stores them). */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim().toLowerCase().replace(/\s+/g, '-'))
        .filter(Boolean),
    ),
  ];
}

function tagsValidator(control: AbstractControl<string>): ValidationErrors | null {
  const tags = parseTags(control.value ?? '');
  if (tags.length > MAX_TAGS) return { tooMany: true };
  if (tags.some((t) => t.length > TAG_MAX_LENGTH)) return { tooLong: true };
  return null;
}

interface LocatedFinding extends PersonalDataFinding {
  field: 'title' | 'body';
}

let nextId = 0;

/**
 * Writing a forum post: a new thread (category, kind, title, tags), a reply, or an edit. Markdown with
 * a live, sanitised preview; a draft kept as you type; the personal-data check as you type, and
 * again on submit (a dialog: remove it, or post anyway with a reason). The API's PERSONAL_DATA answer
 * opens the same dialog.
 */
@Component({
  selector: 'lan-forum-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    Alert,
  ],
  templateUrl: './composer.html',
  styleUrl: './composer.scss',
})
export class ForumComposer implements OnInit {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly drafts = inject(DraftStore);
  private readonly dialog = inject(MatDialog);

  readonly mode = input.required<ComposerMode>();
  /** Where the draft is kept (null: no draft, e.g. for edits). */
  readonly draftKey = input<string | null>(null);
  readonly initial = input<Partial<ComposerValue>>({});
  readonly categories = input<readonly { id: string; name: string }[]>([]);
  readonly bodyLabel = input('Your post');
  readonly submitLabel = input('Post');
  readonly cancellable = input(false);
  readonly send = input.required<ComposerSend>();
  /** Looks up people for "@" mentions (none: no suggestions). */
  readonly mentionSearch = input<MentionSearch | null>(null);
  /** The category to look people up in (a new thread uses its chosen category). */
  readonly mentionCategoryId = input<string | null>(null);

  readonly posted = output<unknown>();
  readonly cancelled = output<void>();

  protected readonly id = `composer-${++nextId}`;
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly restored = signal(false);
  protected readonly maxTags = MAX_TAGS;
  protected readonly mentionOptions = signal<readonly MentionCandidate[]>([]);
  /** "@" typed in a new thread before a category is chosen: say why nobody is offered. */
  protected readonly mentionNeedsCategory = signal(false);
  private mentionQuery: MentionQuery | null = null;
  private readonly mentionLookup = new MentionLookup();
  /** id -> display name of the people chosen so far. */
  private readonly chosen = new Map<string, string>();
  /** Set once a saved draft has been restored (nothing is saved over it before). */
  private ready = false;

  protected readonly form = this.fb.group({
    categoryId: [''],
    kind: ['QUESTION' as ThreadKind],
    title: [''],
    body: [
      '',
      [
        Validators.required,
        Validators.maxLength(BODY_MAX_LENGTH),
        (c: AbstractControl<string>) => (c.value.trim() ? null : { required: true }),
      ],
    ],
    tags: ['', tagsValidator],
    anonymous: [false],
  });

  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  private readonly bodyInput = viewChild<ElementRef<HTMLTextAreaElement>>('bodyInput');
  private readonly titleInput = viewChild<ElementRef<HTMLInputElement>>('titleInput');
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly isThread = computed(() => this.mode() === 'thread');
  protected readonly hasTitle = computed(() => this.mode() === 'thread' || this.mode() === 'edit-thread');
  protected readonly canBeAnonymous = computed(() => this.mode() === 'thread' || this.mode() === 'reply');

  private readonly scanner = inject(PersonalDataScanner);
  private readonly removal = inject(PersonalDataRemoval);
  /** People mentioned with "@" are members, not pupils: their names may stay. */
  private readonly mentioned = signal<readonly string[]>([]);

  /** Likely pupil details, as the person types (title first, then body). */
  protected readonly findings = computed<LocatedFinding[]>(() => {
    const v = this.value();
    const allowed = this.mentioned();
    const title = this.hasTitle()
      ? this.scanner.find(v.title ?? '', allowed).map((f) => ({ ...f, field: 'title' as const }))
      : [];
    const body = this.scanner.find(v.body ?? '', allowed).map((f) => ({ ...f, field: 'body' as const }));
    return [...title, ...body];
  });
  protected readonly findingsText = computed(() => describeFindings(this.findings()));
  protected readonly previewHtml = computed(() =>
    renderPreview(
      this.value().body ?? '',
      this.findings().map((f) => f.match),
    ),
  );
  protected readonly tagList = computed(() => parseTags(this.value().tags ?? ''));

  constructor() {
    inject(DestroyRef).onDestroy(() => this.mentionLookup.cancel());
    // Save the draft as the person types.
    effect(() => {
      const v = this.value();
      const key = this.draftKey();
      if (!key || !this.ready) return;
      untracked(() =>
        this.drafts.save(key, {
          title: v.title,
          body: v.body ?? '',
          tags: v.tags,
          kind: v.kind,
          anonymous: v.anonymous,
          categoryId: v.categoryId || null,
        }),
      );
    });
  }

  ngOnInit(): void {
    void this.scanner.load();
    const mode = this.mode();
    if (mode === 'thread' || mode === 'edit-thread') {
      this.form.controls.title.addValidators([
        Validators.required,
        Validators.maxLength(200),
        (c: AbstractControl<string>) => (c.value.trim().length >= 3 ? null : { short: true }),
      ]);
    }
    if (mode === 'thread') this.form.controls.categoryId.addValidators(Validators.required);
    this.form.reset(this.startValue(), { emitEvent: false });
    const key = this.draftKey();
    const draft = key ? this.drafts.load(key) : null;
    if (draft) {
      this.form.patchValue({
        title: draft.title ?? '',
        body: draft.body,
        tags: draft.tags ?? '',
        kind: draft.kind ?? 'QUESTION',
        anonymous: !!draft.anonymous,
        categoryId: this.form.controls.categoryId.value || draft.categoryId || '',
      });
      this.restored.set(true);
    }
    this.ready = true;
    this.form.updateValueAndValidity();
  }

  private startValue() {
    const i = this.initial();
    return {
      categoryId: i.categoryId ?? '',
      kind: i.kind ?? ('QUESTION' as ThreadKind),
      title: i.title ?? '',
      body: i.body ?? '',
      tags: (i.tags ?? []).join(', '),
      anonymous: i.anonymous ?? false,
    };
  }

  protected label(f: PersonalDataFinding): string {
    const text = PERSONAL_DATA_LABEL[f.kind];
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** Select the finding in its field, so it can be deleted or retyped at once. */
  protected showFinding(f: LocatedFinding): void {
    const el = f.field === 'title' ? this.titleInput()?.nativeElement : this.bodyInput()?.nativeElement;
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.index, f.index + f.match.length);
  }

  protected discardDraft(): void {
    const key = this.draftKey();
    if (key) this.drafts.clear(key);
    this.form.reset(this.startValue());
    this.restored.set(false);
    this.bodyInput()?.nativeElement.focus();
  }

  /** As the body changes: is an "@name" being typed? Then look people up once typing pauses. */
  protected onBodyInput(): void {
    const el = this.bodyInput()?.nativeElement;
    const search = this.mentionSearch();
    const categoryId = this.mentionCategoryId() ?? (this.form.controls.categoryId.value || null);
    const caret = el ? (el.selectionStart ?? el.value.length) : 0;
    const query = el ? mentionQueryAt(el.value, caret, [...this.chosen.values()]) : null;
    this.mentionQuery = query;
    this.mentionNeedsCategory.set(!!query && !!search && !categoryId);
    if (!query || !search || !categoryId) {
      this.mentionLookup.cancel();
      this.mentionOptions.set([]);
      return;
    }
    this.mentionLookup.schedule(search, categoryId, query.search, (found) => this.mentionOptions.set(found));
  }

  /** The body as it would read with this person inserted (the autocomplete option's value). */
  protected withMention(candidate: MentionCandidate): string {
    const body = this.form.controls.body.value;
    return this.mentionQuery ? insertMention(body, this.mentionQuery, candidate).text : body;
  }

  protected mentionChosen(event: MatAutocompleteSelectedEvent): void {
    const candidate = this.mentionOptions().find(
      (c) => c.id === event.option.id.replace(`${this.id}-m-`, ''),
    );
    const query = this.mentionQuery;
    if (!candidate || !query) return;
    this.chosen.set(candidate.id, candidate.displayName);
    this.mentioned.set([...this.chosen.values()]);
    const caret = query.start + candidate.displayName.length + 2;
    this.mentionQuery = null;
    this.mentionOptions.set([]);
    const el = this.bodyInput()?.nativeElement;
    if (el) {
      el.focus();
      el.setSelectionRange(caret, caret);
    }
  }

  protected cancel(): void {
    this.cancelled.emit();
  }

  async submit(): Promise<void> {
    if (this.busy()) return;
    this.problem.set(null);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    await this.scanner.load();
    const value = this.current();
    let override: PersonalDataOverride | null = null;
    const findings = this.findings();
    if (findings.length) {
      override = await this.askOverride(describeFindings(findings), findings);
      if (!override) return;
    }
    await this.trySend(value, override);
  }

  private current(): ComposerValue {
    const v = this.form.getRawValue();
    return {
      categoryId: v.categoryId || null,
      kind: v.kind,
      title: v.title.trim(),
      body: v.body,
      tags: parseTags(v.tags),
      anonymous: this.canBeAnonymous() && v.anonymous,
      mentions: mentionedIds(v.body, this.chosen),
    };
  }

  private async trySend(value: ComposerValue, override: PersonalDataOverride | null): Promise<void> {
    this.busy.set(true);
    try {
      const result = await this.send()(value, override);
      const key = this.draftKey();
      if (!this.mode().startsWith('edit')) {
        this.form.reset(this.startValue());
        this.chosen.clear();
        this.mentioned.set([]);
      }
      if (key) this.drafts.clear(key);
      this.restored.set(false);
      this.posted.emit(result);
    } catch (error) {
      if (isApiError(error) && error.code === ErrorCode.PersonalData && !override) {
        this.busy.set(false);
        const again = await this.askOverride(error.message, this.findings());
        if (again) await this.trySend(value, again);
        return;
      }
      if (isApiError(error) && error.code === ErrorCode.BadInput) {
        const c = this.form.controls;
        if (
          applyServerFieldErrors(
            { title: c.title, body: c.body, tags: c.tags, categoryId: c.categoryId },
            error,
          )
        ) {
          focusFirstInvalid(this.host.nativeElement);
          return;
        }
      }
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * Ask about the findings: an override goes ahead; "Remove them" replaces each with "[removed]"
   * (Undo offered) and goes back to the text; closing the dialog goes back to the first finding.
   */
  private async askOverride(
    message: string,
    findings: readonly LocatedFinding[],
  ): Promise<PersonalDataOverride | null> {
    const choice = await askAboutPersonalData(this.dialog, message, findings);
    if (choice === REMOVE_FINDINGS) {
      const v = this.form.getRawValue();
      const c = this.form.controls;
      this.removal.remove([
        {
          text: v.title,
          findings: findings.filter((f) => f.field === 'title'),
          set: (t) => c.title.setValue(t),
        },
        {
          text: v.body,
          findings: findings.filter((f) => f.field === 'body'),
          set: (t) => c.body.setValue(t),
        },
      ]);
      this.bodyInput()?.nativeElement.focus();
      return null;
    }
    if (choice) return choice;
    if (findings.length) this.showFinding(findings[0]);
    else this.bodyInput()?.nativeElement.focus();
    return null;
  }
}
