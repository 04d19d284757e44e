import { ChangeDetectionStrategy, Component, ElementRef, type OnInit, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { LIBRARY_LIMITS, ResourceStatus } from '@lantern/shared-domain';
import { CreateToolkitDocument, GraphqlClient, LibraryPlacesDocument, messageOf } from '@lantern/web-graphql';
import { Alert, KEPT_BACK, Loading, PersonalDataCheck } from '@lantern/web-ui';
import { Session } from '../../core/session';
import { focusFirstInvalid } from '../forms';
import { type AudienceOption, audienceOptions, minTrimmed } from './resource-form';
import { type ToolkitEntry, ToolkitItemsEditor } from './toolkit-items-editor';

/** /library/toolkits/new: a named, ordered collection of resources. */
@Component({
  selector: 'lan-toolkit-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    Alert,
    Loading,
    ToolkitItemsEditor,
  ],
  template: `
    <nav class="crumbs" aria-label="Breadcrumb"><a routerLink="/library">Library</a></nav>
    <h1>Make a toolkit</h1>
    <p class="lead">
      Gather resources in the order people need them, for example everything for an EHCP request.
    </p>
    @if (loadError(); as message) {
      <lan-alert kind="error" title="The form could not be loaded"
        ><p>{{ message }}</p></lan-alert
      >
    } @else if (!ready()) {
      <lan-loading label="Loading…" />
    } @else {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        @if (problem(); as message) {
          <lan-alert kind="error" title="The toolkit was not saved" [focusOnShow]="true"
            ><p>{{ message }}</p></lan-alert
          >
        }
        <mat-form-field class="wide">
          <mat-label>Title</mat-label>
          <input matInput formControlName="title" autocomplete="off" [attr.maxlength]="L.titleMax" />
          @if (form.controls.title.invalid) {
            <mat-error>Give it a title of at least {{ L.titleMin }} characters.</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>Summary (optional)</mat-label>
          <textarea matInput formControlName="summary" rows="2" [attr.maxlength]="L.summaryMax"></textarea>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>Share with</mat-label>
          <select matNativeControl formControlName="audience">
            @for (a of audiences(); track a.value) {
              <option [value]="a.value">{{ a.label }}</option>
            }
          </select>
        </mat-form-field>
        <h2>Resources</h2>
        <lan-toolkit-items-editor [(items)]="items" />
        <div class="actions">
          <a mat-button routerLink="/library">Cancel</a>
          <button mat-stroked-button type="submit" [disabled]="busy()">Save as a draft</button>
          <button mat-flat-button type="button" [disabled]="busy()" (click)="save(true)">Publish</button>
        </div>
      </form>
    }
  `,
  styles: `
    .lead {
      color: var(--mat-sys-on-surface-variant);
    }
    .wide {
      width: 100%;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1rem;
    }
  `,
})
export class ToolkitEditorPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly check = inject(PersonalDataCheck);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly L = LIBRARY_LIMITS;
  protected readonly ready = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly audiences = signal<readonly AudienceOption[]>([]);
  protected readonly items = signal<ToolkitEntry[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [
      '',
      [
        Validators.required,
        Validators.maxLength(LIBRARY_LIMITS.titleMax),
        minTrimmed(LIBRARY_LIMITS.titleMin),
      ],
    ],
    summary: ['', Validators.maxLength(LIBRARY_LIMITS.summaryMax)],
    audience: ['', Validators.required],
  });

  async ngOnInit(): Promise<void> {
    try {
      const places = await this.client.request(LibraryPlacesDocument);
      const options = audienceOptions(this.session.actor(), places);
      this.audiences.set(options);
      this.form.controls.audience.setValue((options.find((o) => o.schoolId) ?? options[0])?.value ?? '');
      this.ready.set(true);
    } catch (error) {
      this.loadError.set(messageOf(error));
    }
  }

  protected async save(publish = false): Promise<void> {
    if (this.busy()) return;
    this.problem.set(null);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    const audience = this.audiences().find((a) => a.value === v.audience);
    if (!audience) return;
    this.busy.set(true);
    try {
      const c = this.form.controls;
      const texts = [
        { text: v.title, set: (t: string) => c.title.setValue(t) },
        { text: v.summary, set: (t: string) => c.summary.setValue(t) },
      ];
      const result = await this.check.save(texts, (override) =>
        this.client.request(CreateToolkitDocument, {
          input: {
            title: v.title.trim(),
            summary: v.summary.trim() || null,
            shareScope: audience.shareScope,
            trustId: audience.trustId,
            schoolId: audience.schoolId,
            status: publish ? ResourceStatus.Published : ResourceStatus.Draft,
            items: this.items().map((e) => ({ resourceId: e.resourceId, note: e.note.trim() || null })),
            personalDataOverride: override,
          },
        }),
      );
      if (result === KEPT_BACK) return;
      await this.router.navigate(['/library/toolkits', result.createToolkit.id]);
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
