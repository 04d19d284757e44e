import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { sanitizePostHtml } from './markdown';

/**
 * A post's HTML from the API. The API has sanitised it already; it is sanitised again here before it
 * reaches the page (defence in depth), and Angular's own sanitiser sees it last.
 */
@Component({
  selector: 'lan-post-body',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'lan-post-body' },
  template: `<div [innerHTML]="safe()"></div>`,
})
export class PostBody {
  readonly html = input.required<string>();
  protected readonly safe = computed(() => sanitizePostHtml(this.html()));
}
