import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

/** Links between the directory's two views (a nav of links, so each view has its own address). */
@Component({
  selector: 'lan-directory-tabs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  template: `
    <nav aria-label="Directory views">
      <ul>
        <li>
          <a
            routerLink="/directory"
            routerLinkActive="active"
            [routerLinkActiveOptions]="{ exact: true }"
            ariaCurrentWhenActive="page"
            >Schools and SEND figures</a
          >
        </li>
        <li>
          <a routerLink="/directory/local-authorities" routerLinkActive="active" ariaCurrentWhenActive="page"
            >Local authorities and funding bands</a
          >
        </li>
      </ul>
    </nav>
  `,
  styles: `
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      list-style: none;
      padding: 0;
      margin: 0 0 1.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    a {
      display: inline-block;
      padding: 0.75rem 1rem;
      color: var(--mat-sys-on-surface-variant);
      text-decoration: none;
      border-bottom: 3px solid transparent;
      font-weight: 500;
    }
    a:hover {
      color: var(--mat-sys-on-surface);
      text-decoration: underline;
    }
    a.active {
      color: var(--mat-sys-primary);
      border-bottom-color: var(--mat-sys-primary);
      font-weight: 700;
    }
  `,
})
export class DirectoryTabs {}
