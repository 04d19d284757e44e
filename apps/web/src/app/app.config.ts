import { provideHttpClient, withFetch } from '@angular/common/http';
import { type ApplicationConfig, Injector, inject, provideBrowserGlobalErrorListeners } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { MAT_SNACK_BAR_DEFAULT_OPTIONS } from '@angular/material/snack-bar';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
  withRouterConfig,
} from '@angular/router';
import { appRoutes } from './app.routes';
import { LanternTitleStrategy } from './core/title-strategy';
import { SECOND_FACTOR_PROMPT, type SecondFactorPrompt } from '@lantern/web-graphql';

const prefersReducedMotion =
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The second-factor prompt, loaded on first use: it stays out of the sign-in page's first download. */
function lazySecondFactorPrompt(): SecondFactorPrompt {
  const injector = inject(Injector);
  const load = () => import('./core/second-factor').then((m) => injector.get(m.SecondFactorPromptService));
  return {
    elevate: () => load().then((prompt) => prompt.elevate()),
    enrol: () => void load().then((prompt) => prompt.enrol()),
  };
}

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch()),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
      withRouterConfig({ paramsInheritanceStrategy: 'always' }),
    ),
    { provide: TitleStrategy, useClass: LanternTitleStrategy },
    // Case data that needs the second factor: ask for a code (or start enrolment), then retry.
    { provide: SECOND_FACTOR_PROMPT, useFactory: lazySecondFactorPrompt },
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: prefersReducedMotion } },
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', subscriptSizing: 'dynamic' },
    },
    { provide: MAT_SNACK_BAR_DEFAULT_OPTIONS, useValue: { duration: 8000, politeness: 'polite' } },
  ],
};
