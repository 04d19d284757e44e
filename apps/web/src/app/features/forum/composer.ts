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
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { ErrorCode, describeFindings } from '@lantern/shared-domain';
import { type ThreadKind, isApiError, messageOf } from '@lantern/web-graphql';
import {
  Alert,
  type PersonalDataOverride,
  PersonalDataRemoval,
  PersonalDataScanner,
  REMOVE_FINDINGS,
} from '@lantern/web-ui';
import { applyServerFieldErrors, focusFirstInvalid } from '../forms';
import { ComposerDraft, type ComposerFields } from './composer-draft';
import { ComposerMentions } from './composer-mentions';
import {
  BODY_MAX_LENGTH,
  type ComposerMode,
  type ComposerSend,
  type ComposerValue,
  MAX_TAGS,
  notBlank,
  parseTags,
  tagsValidator,
  titleLongEnough,
} from './composer-model';
import {
  type LocatedFinding,
  askAboutFindings,
  findingLabel,
  locateFindings,
} from './composer-personal-data';
import { DraftStore } from './drafts';
import { renderPreview } from './markdown';
import type { MentionCandidate, MentionSearch } from './mentions';

export {
  BODY_MAX_LENGTH,
  type ComposerMode,
  type ComposerSend,
  type ComposerValue,
  MAX_TAGS,
  TAG_MAX_LENGTH,
  parseTags,
} from './composer-model';

let nextId = 0;

/**
 * Writing a forum post: a new thread (category, kind, title, tags), a reply, or an edit. Markdown with
 * a live, sanitised preview; a draft kept as you type (`ComposerDraft`); "@" mentions
 * (`ComposerMentions`); the personal-data check as you type, and again on submit (a dialog: remove it,
 * or post anyway with a reason). The API's PERSONAL_DATA answer opens the same dialog.
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
  private readonly dialog = inject(MatDialog);
  private readonly scanner = inject(PersonalDataScanner);
  private readonly removal = inject(PersonalDataRemoval);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

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
  protected readonly maxTags = MAX_TAGS;
  private readonly draft = new ComposerDraft(inject(DraftStore), () => this.draftKey());
  protected readonly restored = this.draft.restored;
  private readonly mentions = new ComposerMentions(`${this.id}-m-`);
  protected readonly mentionOptions = this.mentions.options;
  protected readonly mentionNeedsCategory = this.mentions.needsCategory;

  protected readonly form = this.fb.group({
    categoryId: [''],
    kind: ['QUESTION' as ThreadKind],
    title: [''],
    body: ['', [Validators.required, Validators.maxLength(BODY_MAX_LENGTH), notBlank]],
    tags: ['', tagsValidator],
    anonymous: [false],
  });

  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  private readonly bodyInput = viewChild<ElementRef<HTMLTextAreaElement>>('bodyInput');
  private readonly titleInput = viewChild<ElementRef<HTMLInputElement>>('titleInput');

  protected readonly isThread = computed(() => this.mode() === 'thread');
  protected readonly hasTitle = computed(() => this.mode() === 'thread' || this.mode() === 'edit-thread');
  protected readonly canBeAnonymous = computed(() => this.mode() === 'thread' || this.mode() === 'reply');

  /** Likely pupil details, as the person types (people mentioned with "@" are members: they may stay). */
  protected readonly findings = computed<LocatedFinding[]>(() => {
    const v = this.value();
    return locateFindings(
      this.scanner,
      this.hasTitle() ? (v.title ?? '') : null,
      v.body ?? '',
      this.mentions.names(),
    );
  });
  protected readonly findingsText = computed(() => describeFindings(this.findings()));
  protected readonly previewHtml = computed(() =>
    renderPreview(
      this.value().body ?? '',
      this.findings().map((f) => f.match),
    ),
  );
  protected readonly tagList = computed(() => parseTags(this.value().tags ?? ''));
  protected readonly label = findingLabel;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.mentions.cancel());
    // Save the draft as the person types.
    effect(() => {
      const v = this.value();
      this.draftKey();
      untracked(() => this.draft.save(v));
    });
  }

  ngOnInit(): void {
    void this.scanner.load();
    const mode = this.mode();
    if (mode === 'thread' || mode === 'edit-thread') {
      this.form.controls.title.addValidators([
        Validators.required,
        Validators.maxLength(200),
        titleLongEnough,
      ]);
    }
    if (mode === 'thread') this.form.controls.categoryId.addValidators(Validators.required);
    this.form.reset(this.startValue(), { emitEvent: false });
    const restored = this.draft.restore(this.form.controls.categoryId.value);
    if (restored) this.form.patchValue(restored);
    this.form.updateValueAndValidity();
  }

  private startValue(): ComposerFields {
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

  /** Select the finding in its field, so it can be deleted or retyped at once. */
  protected showFinding(f: LocatedFinding): void {
    const el = f.field === 'title' ? this.titleInput()?.nativeElement : this.bodyInput()?.nativeElement;
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.index, f.index + f.match.length);
  }

  protected discardDraft(): void {
    this.draft.clear();
    this.form.reset(this.startValue());
    this.bodyInput()?.nativeElement.focus();
  }

  protected onBodyInput(): void {
    const categoryId = this.mentionCategoryId() ?? (this.form.controls.categoryId.value || null);
    this.mentions.onInput(this.bodyInput()?.nativeElement, this.mentionSearch(), categoryId);
  }

  /** The body as it would read with this person inserted (the autocomplete option's value). */
  protected withMention(candidate: MentionCandidate): string {
    return this.mentions.withMention(this.form.controls.body.value, candidate);
  }

  protected mentionChosen(event: MatAutocompleteSelectedEvent): void {
    this.mentions.choose(event.option.id, this.bodyInput()?.nativeElement);
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
      mentions: this.mentions.ids(v.body),
    };
  }

  private async trySend(value: ComposerValue, override: PersonalDataOverride | null): Promise<void> {
    this.busy.set(true);
    try {
      const result = await this.send()(value, override);
      if (!this.mode().startsWith('edit')) {
        this.form.reset(this.startValue());
        this.mentions.clear();
      }
      this.draft.clear();
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
    const deps = { dialog: this.dialog, removal: this.removal };
    const choice = await askAboutFindings(deps, message, findings, this.form.controls);
    if (choice === REMOVE_FINDINGS) {
      this.bodyInput()?.nativeElement.focus();
      return null;
    }
    if (choice) return choice;
    if (findings.length) this.showFinding(findings[0]);
    else this.bodyInput()?.nativeElement.focus();
    return null;
  }
}
