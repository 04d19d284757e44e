import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { messageOf } from '@lantern/web-graphql';
import { Alert, Loading } from '@lantern/web-ui';
import { MeetingsData } from './meetings-data';

/** /meetings/:seriesId: opens the series' first meeting (a poll's link to the meeting it made). */
@Component({
  selector: 'lan-series-redirect-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Alert, Loading],
  template: `
    <h1>Meeting</h1>
    @if (error(); as message) {
      <lan-alert kind="error" title="The meeting could not be opened">
        <p>{{ message }}</p>
        <a routerLink="/meetings">Go to my meetings</a>
      </lan-alert>
    } @else {
      <lan-loading label="Opening the meeting…" />
    }
  `,
})
export class SeriesRedirectPage {
  private readonly data = inject(MeetingsData);
  private readonly router = inject(Router);

  readonly seriesId = input.required<string>();
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.seriesId();
      untracked(() => void this.open(id));
    });
  }

  private async open(id: string): Promise<void> {
    try {
      const s = await this.data.series(id);
      await this.router.navigate(['/meetings', s.id, s.firstDate], { replaceUrl: true });
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }
}
