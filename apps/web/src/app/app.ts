import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  inject,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { GlobalErrors } from './core/global-errors';
import { PresenceService } from './core/presence';
import { ReadingMode } from './core/reading-mode';
import { RealtimeService } from './core/realtime';

@Component({
  selector: 'lan-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet],
  template: `<router-outlet />`,
})
export class App {
  constructor() {
    const destroyRef = inject(DestroyRef);
    const injector = inject(Injector);
    inject(GlobalErrors).start(destroyRef);
    // One real-time connection per tab while someone is signed in, and this tab's presence on it.
    inject(RealtimeService).start(destroyRef);
    inject(PresenceService).start(destroyRef);
    // The signed-in person's reading mode (font, size, spacing, tint, motion) on every page.
    inject(ReadingMode);

    // After each navigation (not the first page load), move focus to the new page's heading so
    // keyboard and screen reader users start at the top of what changed.
    let lastPath: string | null = null;
    inject(Router)
      .events.pipe(
        filter((e): e is NavigationEnd => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((event) => {
        const path = event.urlAfterRedirects.split(/[?#]/)[0];
        const previous = lastPath;
        lastPath = path;
        // Not on the first load, and not when only the query changed (filters keep their focus).
        if (previous === null || previous === path) return;
        afterNextRender(
          () => {
            const heading = document.querySelector<HTMLElement>('main h1, h1');
            if (!heading) return;
            heading.setAttribute('tabindex', '-1');
            heading.focus({ preventScroll: true });
          },
          { injector },
        );
      });
  }
}
