import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import {
  ACCEPTED_FILE_EXTENSIONS,
  ACCEPTED_FILE_TYPES_TEXT,
  ErrorCode,
  FILE_LIMITS,
  LIBRARY_LIMITS,
  type NeedArea,
  type Phase,
  ResourceKind,
  ResourceStatus,
  formatBytes,
} from '@lantern/shared-domain';
import {
  CreateResourceDocument,
  GraphqlClient,
  LibraryPlacesDocument,
  LibraryResourceDocument,
  type LibraryResourceQuery,
  UpdateResourceDocument,
  isApiError,
  messageOf,
} from '@lantern/web-graphql';
import {
  Alert,
  FileDrop,
  KEPT_BACK,
  Loading,
  PersonalDataCheck,
  type PersonalDataOverride,
} from '@lantern/web-ui';
import { Session } from '../../core/session';
import { applyServerFieldErrors, focusFirstInvalid } from '../forms';
import { FileUploader } from './file-upload';
import { KIND_OPTIONS, NEED_OPTIONS, PHASE_OPTIONS } from './library-filters';
import { MarkdownField } from '@lantern/web-ui/markdown';
import {
  type AudienceOption,
  type SectionDraft,
  audienceOptions,
  blankSections,
  draftsToSections,
  parseResourceTags,
  minTrimmed,
  precheckFile,
  sectionsToDrafts,
} from './resource-form';
import { UploadQueue } from './upload-queue';
import { ResourceSharingForm } from './resource-sharing-form';

type Existing = NonNullable<LibraryResourceQuery['libraryResource']>;

/**
 * /library/new and /library/resources/:id/edit: share a resource or save a new version of one.
 * Markdown with a live preview, files by drag and drop or a normal button (each with its progress
 * and the server's reason if refused), EHCP sections for templates, a change note for every new
 * version, and the personal-data check before anything is saved.
 */
@Component({
  selector: 'lan-resource-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    Alert,
    FileDrop,
    Loading,
    MarkdownField,
    ResourceSharingForm,
  ],
  templateUrl: './resource-editor.page.html',
  styleUrl: './resource-editor.page.scss',
})
export class ResourceEditorPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly check = inject(PersonalDataCheck);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly title = inject(Title);
  private readonly fb = inject(NonNullableFormBuilder);

  /** From the route: the resource being edited (none: a new one). */
  readonly id = input<string | undefined>();
  /** ?base=<id>: a local-authority variant of that template. */
  readonly base = input<string | undefined>();

  protected readonly editing = computed(() => !!this.id());
  protected readonly existing = signal<Existing | null>(null);
  protected readonly baseResource = signal<Existing | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly audiences = signal<readonly AudienceOption[]>([]);
  protected readonly localAuthorities = signal<readonly { id: string; name: string }[]>([]);

  protected readonly kindOptions = KIND_OPTIONS;
  protected readonly needOptions = NEED_OPTIONS;
  protected readonly phaseOptions = PHASE_OPTIONS;
  protected readonly L = LIBRARY_LIMITS;
  protected readonly Published = ResourceStatus.Published;
  protected readonly accept = ACCEPTED_FILE_EXTENSIONS.join(',');
  /** The server's cap (UPLOAD_MAX_BYTES), read with the page's other settings. */
  private readonly maxUploadBytes = signal<number>(FILE_LIMITS.defaultMaxBytes);
  protected readonly fileHint = computed(
    () => `${ACCEPTED_FILE_TYPES_TEXT} files, up to ${formatBytes(this.maxUploadBytes())} each.`,
  );

  readonly uploads = new UploadQueue(
    (file, progress) => this.uploader.upload(file, progress),
    (file) => precheckFile(file, this.maxUploadBytes()),
  );
  private readonly uploader = inject(FileUploader);

  protected readonly form = this.fb.group({
    kind: [ResourceKind.Guide as ResourceKind, Validators.required],
    title: [
      '',
      [
        Validators.required,
        Validators.maxLength(LIBRARY_LIMITS.titleMax),
        minTrimmed(LIBRARY_LIMITS.titleMin),
      ],
    ],
    summary: ['', Validators.maxLength(LIBRARY_LIMITS.summaryMax)],
    body: new FormControl('', {
      nonNullable: true,
      validators: Validators.maxLength(LIBRARY_LIMITS.bodyMax),
    }),
    needAreas: [[] as NeedArea[]],
    phases: [[] as Phase[]],
    localAuthorityId: [''],
    tags: [''],
    audience: [''],
    ehcp: [false],
    changeNote: [''],
  });
  protected readonly sections = signal<SectionDraft[]>(blankSections());
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly showSections = computed(
    () => this.value().kind === ResourceKind.Template && !!this.value().ehcp,
  );

  constructor() {
    effect(() => {
      const id = this.id();
      const base = this.base();
      untracked(() => void this.load(id ?? null, base ?? null));
    });
    inject(DestroyRef).onDestroy(() => this.uploads.cancelAll());
  }

  private async load(id: string | null, baseId: string | null): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const places = await this.client.request(LibraryPlacesDocument);
      this.maxUploadBytes.set(places.uploadLimits.maxBytes);
      this.localAuthorities.set(places.localAuthorities);
      const audiences = audienceOptions(this.session.actor(), places);
      this.audiences.set(audiences);
      if (id) {
        const { libraryResource } = await this.client.request(LibraryResourceDocument, { id });
        this.existing.set(libraryResource);
        this.fill(libraryResource);
        this.title.setTitle(`Edit ${libraryResource.title} – Library – Lantern`);
        this.form.controls.changeNote.addValidators([
          Validators.required,
          Validators.maxLength(LIBRARY_LIMITS.changeNoteMax),
          minTrimmed(3),
        ]);
        this.form.controls.changeNote.updateValueAndValidity();
      } else {
        const mine = audiences.find((a) => a.schoolId) ?? audiences[0];
        this.form.controls.audience.setValue(mine?.value ?? '');
        this.form.controls.audience.addValidators(Validators.required);
        if (baseId) {
          const { libraryResource } = await this.client.request(LibraryResourceDocument, { id: baseId });
          this.baseResource.set(libraryResource);
          this.fill(libraryResource);
          this.form.controls.title.setValue(`${libraryResource.title} (local variant)`);
        }
      }
    } catch (error) {
      this.loadError.set(messageOf(error));
    } finally {
      this.loading.set(false);
    }
  }

  private fill(r: Existing): void {
    const v = r.currentVersion;
    this.form.patchValue({
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      body: v?.bodyMd ?? '',
      needAreas: [...r.needAreas],
      phases: [...r.phases],
      localAuthorityId: r.localAuthority?.id ?? '',
      tags: r.tags.join(', '),
      ehcp: !!v?.ehcpSections?.length,
    });
    this.sections.set(sectionsToDrafts(v?.ehcpSections ?? null));
    this.uploads.keep(v?.files ?? []);
  }

  protected toggle(list: 'needAreas' | 'phases', value: string, on: boolean): void {
    const control = this.form.controls[list] as FormControl<string[]>;
    const current = control.value;
    control.setValue(on ? [...new Set([...current, value])] : current.filter((v) => v !== value));
  }

  protected has(list: 'needAreas' | 'phases', value: string): boolean {
    return (this.value()[list] as readonly string[] | undefined)?.includes(value) ?? false;
  }

  protected setSection(index: number, field: 'title' | 'guidance' | 'prompts', text: string): void {
    this.sections.update((rows) => rows.map((r, i) => (i === index ? { ...r, [field]: text } : r)));
  }

  protected async submit(status: ResourceStatus | null): Promise<void> {
    if (this.busy()) return;
    this.problem.set(null);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    if (this.uploads.busy()) {
      this.problem.set('Wait for the files to finish uploading, then save.');
      return;
    }
    if (this.uploads.failed()) {
      this.problem.set('Some files were not uploaded. Remove them or try them again, then save.');
      return;
    }
    const v = this.form.getRawValue();
    const sections = this.showSections() ? draftsToSections(this.sections()) : null;
    const content = {
      title: v.title.trim(),
      summary: v.summary.trim() || null,
      bodyMd: v.body || null,
      ehcpSections: sections,
      fileIds: this.uploads.files().map((f) => f.id),
      needAreas: v.needAreas,
      phases: v.phases,
      localAuthorityId: v.localAuthorityId || null,
      tags: parseResourceTags(v.tags),
    };
    const c = this.form.controls;
    const texts = [
      { text: v.title, set: (t: string) => c.title.setValue(t) },
      { text: v.summary, set: (t: string) => c.summary.setValue(t) },
      { text: v.body, set: (t: string) => c.body.setValue(t) },
      ...(sections ?? []).map((s) => s.guidance),
    ];
    this.busy.set(true);
    try {
      const existing = this.existing();
      const send = (override: PersonalDataOverride | null) =>
        existing
          ? this.client
              .request(UpdateResourceDocument, {
                input: {
                  ...content,
                  // On update the API reads null as "keep the current text": an emptied field is ''.
                  summary: v.summary.trim(),
                  bodyMd: v.body,
                  resourceId: existing.id,
                  changeNote: v.changeNote.trim(),
                  basedOnVersion: existing.versionCount,
                  personalDataOverride: override,
                },
              })
              .then((d) => d.updateResource.id)
          : this.client
              .request(CreateResourceDocument, {
                input: {
                  ...content,
                  kind: v.kind,
                  ...this.audienceInput(v.audience),
                  status: status ?? ResourceStatus.Draft,
                  baseResourceId: this.baseResource()?.id ?? null,
                  personalDataOverride: override,
                },
              })
              .then((d) => d.createResource.id);
      const id = await this.check.save(texts, send);
      if (id === KEPT_BACK) return;
      await this.router.navigate(['/library/resources', id]);
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy.set(false);
    }
  }

  private audienceInput(value: string) {
    const a = this.audiences().find((o) => o.value === value) ?? this.audiences()[0];
    return { shareScope: a.shareScope, trustId: a.trustId, schoolId: a.schoolId };
  }

  private failed(error: unknown): void {
    if (isApiError(error) && error.code === ErrorCode.Conflict) {
      this.problem.set(
        'Someone saved a newer version while you were editing. Copy your changes, reload the page, and apply them again.',
      );
      return;
    }
    if (isApiError(error) && error.code === ErrorCode.BadInput) {
      const c = this.form.controls;
      const mapped = applyServerFieldErrors(
        {
          title: c.title,
          summary: c.summary,
          bodyMd: c.body,
          tags: c.tags,
          changeNote: c.changeNote,
          localAuthorityId: c.localAuthorityId,
        },
        error,
      );
      if (mapped) {
        focusFirstInvalid(this.host.nativeElement);
        return;
      }
    }
    this.problem.set(messageOf(error));
  }
}
