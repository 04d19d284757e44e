import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ResourceKind } from '@lantern/shared-domain';
import {
  ChangeResourceSharingDocument,
  GraphqlClient,
  type LibraryResourceQuery,
  messageOf,
} from '@lantern/web-graphql';
import { Alert } from '@lantern/web-ui';
import { KIND_OPTIONS } from './library-filters';
import type { AudienceOption } from './resource-form';

type Existing = NonNullable<LibraryResourceQuery['libraryResource']>;

/** The "Share with" value of a resource as it is now (`NETWORK`, `TRUST:<id>`, `SCHOOL:<id>`). */
export function currentAudience(r: Pick<Existing, 'shareScope' | 'trust' | 'school'>): string {
  if (r.school) return `SCHOOL:${r.school.id}`;
  if (r.trust) return `TRUST:${r.trust.id}`;
  return r.shareScope;
}

/**
 * Change a resource's kind and who it is shared with, without making a new version: widening from a
 * school to its trust is the common case. Only audiences the person may share with are offered (the
 * API checks again); toolkits and EHCP templates keep their kind.
 */
@Component({
  selector: 'lan-resource-sharing-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, Alert],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" class="sharing" aria-labelledby="sharing-heading" novalidate>
      <h2 id="sharing-heading">Kind and sharing</h2>
      <p class="hint">
        Changing these keeps the versions as they are. People who can no longer see it lose it at once.
      </p>
      @if (problem(); as message) {
        <lan-alert kind="error" title="Sharing was not changed" [focusOnShow]="true"
          ><p>{{ message }}</p></lan-alert
        >
      }
      <div class="row">
        @if (kindFixed()) {
          <p>Kind: {{ kindLabel() }} (a {{ kindLabel().toLowerCase() }} keeps its kind)</p>
        } @else {
          <mat-form-field>
            <mat-label>Kind</mat-label>
            <select matNativeControl formControlName="kind">
              @for (o of kindOptions; track o.value) {
                <option [value]="o.value">{{ o.label }}</option>
              }
            </select>
          </mat-form-field>
        }
        <mat-form-field class="grow">
          <mat-label>Share with</mat-label>
          <select matNativeControl formControlName="audience">
            @for (a of audiences(); track a.value) {
              <option [value]="a.value">{{ a.label }}</option>
            }
          </select>
        </mat-form-field>
      </div>
      <button mat-stroked-button type="submit" [disabled]="busy()">
        {{ busy() ? 'Saving…' : 'Save kind and sharing' }}
      </button>
    </form>
  `,
  styles: `
    .sharing {
      border: 1px solid var(--lan-border, #c4c7c5);
      border-radius: 8px;
      padding: 0 1rem 1rem;
      margin-block-end: 1.5rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .grow {
      flex: 1 1 16rem;
      min-width: 0;
    }
    .hint {
      margin-block-start: 0;
    }
  `,
})
export class ResourceSharingForm {
  private readonly client = inject(GraphqlClient);
  private readonly announcer = inject(LiveAnnouncer);

  readonly resource = input.required<Existing>();
  readonly audiences = input.required<readonly AudienceOption[]>();
  readonly changed = output<Existing>();

  protected readonly kindOptions = KIND_OPTIONS.filter((o) => o.value !== ResourceKind.Toolkit);
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    kind: [ResourceKind.Guide as ResourceKind],
    audience: [''],
  });
  protected readonly kindFixed = computed(
    () =>
      this.resource().kind === ResourceKind.Toolkit || !!this.resource().currentVersion?.ehcpSections?.length,
  );
  protected readonly kindLabel = computed(
    () => KIND_OPTIONS.find((o) => o.value === this.resource().kind)?.label ?? 'Resource',
  );

  constructor() {
    effect(() => {
      const r = this.resource();
      this.form.setValue({ kind: r.kind, audience: currentAudience(r) });
    });
  }

  protected async save(): Promise<void> {
    const chosen = this.audiences().find((a) => a.value === this.form.controls.audience.value);
    if (!chosen) {
      this.problem.set('Choose who to share it with.');
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      const { changeResourceSharing } = await this.client.request(ChangeResourceSharingDocument, {
        input: {
          resourceId: this.resource().id,
          ...(this.kindFixed() ? {} : { kind: this.form.controls.kind.value }),
          shareScope: chosen.shareScope,
          trustId: chosen.trustId,
          schoolId: chosen.schoolId,
        },
      });
      this.changed.emit(changeResourceSharing);
      void this.announcer.announce(`Saved: now shared with ${chosen.label}.`, 'polite');
    } catch (error) {
      this.problem.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
