import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { formatBytes } from '@lantern/shared-domain';
import { Icon } from './icon';

/** One file on its way up (or done, or refused), as the file-drop list shows it. */
export interface UploadItem {
  /** Stable key for the list (not shown). */
  key: string;
  name: string;
  sizeBytes: number;
  /** 0 to 100 while uploading. */
  percent: number;
  state: 'uploading' | 'done' | 'failed';
  /** Why it failed, in plain English (the server's message). */
  message?: string | null;
}

/** What a screen reader hears about one item: its state, and progress in steps of a quarter. */
export function uploadStatusText(item: UploadItem): string {
  switch (item.state) {
    case 'done':
      return `${item.name} uploaded.`;
    case 'failed':
      return `${item.name} was not uploaded. ${item.message ?? ''}`.trim();
    case 'uploading': {
      const step = Math.floor(Math.max(0, Math.min(100, item.percent)) / 25) * 25;
      return `${item.name}: uploading, ${step}%.`;
    }
  }
}

let nextId = 0;

/**
 * Choose files with a normal button (keyboard and screen readers), or drop them on the area; each
 * file then shows a progress bar, and a refusal its plain-English reason. Progress and outcomes are
 * announced politely, a quarter at a time. It only reports choices: the parent uploads.
 */
@Component({
  selector: 'lan-file-drop',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, Icon],
  template: `
    <div
      class="zone"
      [class.dragging]="dragging()"
      [class.disabled]="disabled()"
      (dragenter)="onDragOver($event)"
      (dragover)="onDragOver($event)"
      (dragleave)="onDragLeave($event)"
      (drop)="onDrop($event)"
    >
      <p class="label" [id]="id + '-label'">{{ label() }}</p>
      <p class="hint" [id]="id + '-hint'">{{ hint() }}</p>
      <p class="drop-text" aria-hidden="true">Drop files here, or</p>
      <button
        mat-stroked-button
        type="button"
        [disabled]="disabled()"
        [attr.aria-describedby]="id + '-hint'"
        (click)="picker.click()"
      >
        <lan-icon name="add" [size]="18" /> {{ buttonText() }}
      </button>
      <input
        #picker
        type="file"
        hidden
        [attr.accept]="accept() || null"
        [multiple]="multiple()"
        (change)="onPicked($event)"
      />
    </div>
    @if (items().length) {
      <ul class="items" [attr.aria-label]="listLabel()">
        @for (item of items(); track item.key) {
          <li class="item" [class.failed]="item.state === 'failed'">
            <div class="line">
              <span class="name">{{ item.name }}</span>
              <span class="size">{{ size(item.sizeBytes) }}</span>
              <span class="state">
                @switch (item.state) {
                  @case ('uploading') {
                    {{ item.percent }}%
                  }
                  @case ('done') {
                    <lan-icon name="check" [size]="18" /> Uploaded
                  }
                  @case ('failed') {
                    <lan-icon name="error" [size]="18" /> Not uploaded
                  }
                }
              </span>
              @if (item.state === 'failed' && retryable()) {
                <button mat-button type="button" (click)="retry.emit(item.key)">
                  Try again<span class="visually-hidden"> with {{ item.name }}</span>
                </button>
              }
              <button mat-button type="button" (click)="remove.emit(item.key)">
                {{ item.state === 'uploading' ? 'Cancel' : 'Remove'
                }}<span class="visually-hidden"> {{ item.name }}</span>
              </button>
            </div>
            @if (item.state === 'uploading') {
              <mat-progress-bar
                mode="determinate"
                [value]="item.percent"
                [attr.aria-label]="'Uploading ' + item.name"
              />
            }
            @if (item.state === 'failed' && item.message) {
              <p class="message">{{ item.message }}</p>
            }
          </li>
        }
      </ul>
    }
    <div class="visually-hidden" role="status" aria-live="polite">
      @for (line of announcements(); track $index) {
        <p>{{ line }}</p>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .zone {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      padding: 1rem;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .zone.dragging {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .label {
      flex: 1 0 100%;
      margin: 0;
      font-weight: 700;
    }
    .hint {
      flex: 1 0 100%;
      margin: 0 0 0.25rem;
      font-size: 0.875rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .drop-text {
      margin: 0;
    }
    .items {
      list-style: none;
      margin: 0.75rem 0 0;
      padding: 0;
    }
    .item {
      padding: 0.5rem 0;
    }
    .item + .item {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }
    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .size,
    .state {
      font-size: 0.875rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .failed .state,
    .message {
      color: var(--mat-sys-error);
    }
    .message {
      margin: 0.25rem 0 0;
    }
  `,
})
export class FileDrop {
  /** What the area is for ("Attach files"). */
  readonly label = input('Files');
  /** Which files are accepted and how large, in words. */
  readonly hint = input('');
  /** The file picker's accept attribute (extensions and media types). */
  readonly accept = input('');
  readonly multiple = input(true);
  readonly disabled = input(false);
  readonly buttonText = input('Choose files');
  readonly listLabel = input('Files');
  readonly retryable = input(false);
  readonly items = input<readonly UploadItem[]>([]);

  /** The files chosen or dropped (never empty). */
  readonly filesChosen = output<File[]>();
  readonly remove = output<string>();
  readonly retry = output<string>();

  protected readonly id = `file-drop-${++nextId}`;
  protected readonly dragging = signal(false);
  protected readonly size = formatBytes;
  protected readonly announcements = computed(() => this.items().map(uploadStatusText));

  protected onDragOver(event: DragEvent): void {
    if (this.disabled() || !hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected onDragLeave(event: DragEvent): void {
    const zone = event.currentTarget as HTMLElement | null;
    const to = event.relatedTarget as Node | null;
    if (zone && to && zone.contains(to)) return;
    this.dragging.set(false);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    if (this.disabled()) return;
    const files = Array.from(event.dataTransfer?.files ?? []);
    this.emit(files);
  }

  protected onPicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    // Clear it so choosing the same file again (after a refusal) fires a change.
    input.value = '';
    this.emit(files);
  }

  private emit(files: File[]): void {
    const chosen = this.multiple() ? files : files.slice(0, 1);
    if (chosen.length) this.filesChosen.emit(chosen);
  }
}

function hasFiles(event: DragEvent): boolean {
  const types = event.dataTransfer?.types;
  return !types || Array.from(types).includes('Files');
}
