import { computed, signal } from '@angular/core';
import type { UploadItem } from '@lantern/web-ui';
import { messageOf } from '@lantern/web-graphql';
import type { UploadHandle, UploadedFile } from './file-upload';
import { UPLOAD_CANCELLED } from './file-upload';

/** Starts one upload (FileUploader.upload). */
export type StartUpload = (file: File, onProgress: (percent: number) => void) => UploadHandle;

/** A reason to refuse a file before sending it (size, type), or null to send it. */
export type Precheck = (file: File) => string | null;

/** A file attached to a version: from an upload, or kept from the version before. */
export type AttachedFile = Pick<UploadedFile, 'id' | 'name' | 'sizeBytes'>;

interface Entry {
  file: File;
  handle: UploadHandle | null;
  result: UploadedFile | null;
}

let nextKey = 0;

/**
 * The files being attached to a resource: each uploads at once, in parallel, with its own progress;
 * a refused one keeps its message until removed or retried. `files()` lists what is uploaded, in the
 * order chosen, after any files kept from before (`keep`).
 */
export class UploadQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly itemsState = signal<readonly UploadItem[]>([]);
  private readonly keptState = signal<readonly AttachedFile[]>([]);

  readonly items = this.itemsState.asReadonly();
  readonly kept = this.keptState.asReadonly();
  readonly busy = computed(() => this.itemsState().some((i) => i.state === 'uploading'));
  readonly failed = computed(() => this.itemsState().some((i) => i.state === 'failed'));
  /** Files already attached (kept) followed by the new uploads that finished. */
  readonly files = computed<readonly AttachedFile[]>(() => {
    const fresh = this.itemsState()
      .filter((i) => i.state === 'done')
      .map((i) => this.entries.get(i.key)?.result)
      .filter((r): r is UploadedFile => !!r);
    const seen = new Set<string>();
    return [...this.keptState(), ...fresh].filter((f) => !seen.has(f.id) && !!seen.add(f.id));
  });

  constructor(
    private readonly start: StartUpload,
    private readonly precheck: Precheck = () => null,
  ) {}

  /** Files the resource had already (an edit): listed first, removable. */
  keep(files: readonly AttachedFile[]): void {
    this.keptState.set(files);
  }

  unkeep(id: string): void {
    this.keptState.update((files) => files.filter((f) => f.id !== id));
  }

  add(files: readonly File[]): void {
    for (const file of files) {
      const key = `upload-${++nextKey}`;
      this.entries.set(key, { file, handle: null, result: null });
      this.itemsState.update((items) => [
        ...items,
        { key, name: file.name, sizeBytes: file.size, percent: 0, state: 'uploading', message: null },
      ]);
      this.send(key);
    }
  }

  retry(key: string): void {
    if (!this.entries.has(key)) return;
    this.patch(key, { state: 'uploading', percent: 0, message: null });
    this.send(key);
  }

  /** Remove an item; one still uploading is stopped. */
  remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    entry.handle?.abort();
    this.itemsState.update((items) => items.filter((i) => i.key !== key));
  }

  /** Stop everything (the page is left). */
  cancelAll(): void {
    for (const key of [...this.entries.keys()]) this.remove(key);
  }

  private send(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const refusal = this.precheck(entry.file);
    if (refusal) {
      this.patch(key, { state: 'failed', message: refusal });
      return;
    }
    const handle = this.start(entry.file, (percent) => {
      if (this.entries.get(key)?.handle === handle) this.patch(key, { percent });
    });
    entry.handle = handle;
    handle.done.then(
      (result) => {
        if (this.entries.get(key)?.handle !== handle) return;
        entry.result = result;
        this.patch(key, { state: 'done', percent: 100, name: result.name, message: null });
      },
      (error: unknown) => {
        if (this.entries.get(key)?.handle !== handle) return;
        if ((error as { code?: string })?.code === UPLOAD_CANCELLED) return;
        this.patch(key, { state: 'failed', message: messageOf(error) });
      },
    );
  }

  private patch(key: string, change: Partial<UploadItem>): void {
    this.itemsState.update((items) => items.map((i) => (i.key === key ? { ...i, ...change } : i)));
  }
}
