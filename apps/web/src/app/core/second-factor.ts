import { Injectable, Injector, inject } from '@angular/core';
import { Router } from '@angular/router';
import {
  ElevateSessionDocument,
  GraphqlClient,
  type SecondFactorPrompt,
  messageOf,
} from '@lantern/web-graphql';
import { type SecondFactorEntry, SecondFactorDialogService } from '@lantern/web-ui';

/** The enrolment page (its return URL comes back as `returnUrl`). */
export const SECOND_FACTOR_PAGE = '/account/second-factor';

/**
 * The app's answer to case data that needs the second factor (SECOND_FACTOR_PROMPT, used by the
 * GraphqlClient for every request): one dialog asks for a code however many requests were refused
 * at once, and they are all sent again once the session is elevated; a person with no second
 * factor yet is taken to set one up, and comes back to where they were.
 */
@Injectable({ providedIn: 'root' })
export class SecondFactorPromptService implements SecondFactorPrompt {
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);
  private asking: Promise<boolean> | null = null;

  elevate(): Promise<boolean> {
    this.asking ??= this.ask().finally(() => (this.asking = null));
    return this.asking;
  }

  enrol(): void {
    const here = this.router.url;
    if (here.startsWith(SECOND_FACTOR_PAGE)) return;
    void this.router.navigate([SECOND_FACTOR_PAGE], { queryParams: { returnUrl: here } });
  }

  private async ask(): Promise<boolean> {
    const client = this.injector.get(GraphqlClient);
    return this.injector.get(SecondFactorDialogService).ask({
      submit: async (entry: SecondFactorEntry) => {
        try {
          await client.request(ElevateSessionDocument, {
            input: {
              code: entry.code ?? null,
              recoveryCode: entry.recoveryCode ?? null,
              rememberDevice: entry.rememberDevice,
            },
          });
          return null;
        } catch (error) {
          return messageOf(error);
        }
      },
    });
  }
}
