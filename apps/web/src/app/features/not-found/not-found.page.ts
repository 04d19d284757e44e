import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Page not found, or (kind "forbidden") a page the viewer may not open. */
@Component({
  selector: 'lan-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>{{ heading() }}</h1>
    <p>{{ message() }}</p>
    <p><a routerLink="/directory">Go to the directory</a></p>
  `,
})
export class NotFoundPage {
  /** From route data. */
  readonly kind = input<'not-found' | 'forbidden'>('not-found');
  protected readonly heading = computed(() =>
    this.kind() === 'forbidden' ? 'You do not have access to this page' : 'Page not found',
  );
  protected readonly message = computed(() =>
    this.kind() === 'forbidden'
      ? 'Your roles do not include this part of Lantern. If you think they should, ask your trust or school lead.'
      : 'We could not find that page. If you typed the address, check it is correct; if you followed a link, it may be out of date.',
  );
}
