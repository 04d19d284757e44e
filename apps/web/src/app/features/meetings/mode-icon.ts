import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MeetingMode } from '@lantern/shared-domain';
import { modeText } from './meetings-model';

const PATHS: Readonly<Record<MeetingMode, string>> = {
  // place
  [MeetingMode.InPerson]:
    'M12 2C8.13 2 5 5.13 5 9c0 5.25 7 13 7 13s7-7.75 7-13c0-3.87-3.13-7-7-7zm0 9.5a2.5 2.5 0 0 1 0-5 2.5 2.5 0 0 1 0 5z',
  // videocam
  [MeetingMode.Online]:
    'M17 10.5V7c0-.55-.45-1-1-1H4c-.55 0-1 .45-1 1v10c0 .55.45 1 1 1h12c.55 0 1-.45 1-1v-3.5l4 4v-11l-4 4z',
  // devices
  [MeetingMode.Hybrid]:
    'M4 6h18V4H4c-1.1 0-2 .9-2 2v11H0v3h14v-3H4V6zm19 2h-6c-.55 0-1 .45-1 1v10c0 .55.45 1 1 1h6c.55 0 1-.45 1-1V9c0-.55-.45-1-1-1zm-1 9h-4v-7h4v7z',
};

/** A meeting's mode as an icon with its words ("In person", "Online", "Hybrid"): never the icon alone. */
@Component({
  selector: 'lan-mode-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path [attr.d]="path()" fill="currentColor" />
    </svg>
    <span>{{ label() }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
    }
    svg {
      flex: none;
    }
  `,
})
export class ModeIcon {
  readonly mode = input.required<MeetingMode>();
  protected readonly path = computed(() => PATHS[this.mode()]);
  protected readonly label = computed(() => modeText(this.mode()));
}
