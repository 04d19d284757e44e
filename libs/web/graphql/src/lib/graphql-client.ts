import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import { ErrorCode } from '@lantern/shared-domain';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { Observable, Subject, catchError, firstValueFrom, from, map, switchMap, throwError } from 'rxjs';
import { ApiError, ClientErrorCode, FALLBACK_MESSAGES, fromGraphQLErrors } from './api-error';

/** Where the API answers GraphQL (same origin; the session travels in an httpOnly cookie). */
export const GRAPHQL_URL = new InjectionToken<string>('GRAPHQL_URL', {
  providedIn: 'root',
  factory: () => '/graphql',
});

/**
 * What the app does when case data needs the second factor (SECOND_FACTOR_REQUIRED: ask for a code,
 * resolving true once the session is elevated, false when the person gave up;
 * SECOND_FACTOR_ENROLMENT_REQUIRED: take them to set one up). Provided by the app; without it the
 * errors reach the page as they are.
 */
export interface SecondFactorPrompt {
  elevate(): Promise<boolean>;
  enrol(): void;
}
export const SECOND_FACTOR_PROMPT = new InjectionToken<SecondFactorPrompt>('SECOND_FACTOR_PROMPT');

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: readonly unknown[];
}

type Variables<V> = V extends Record<string, never> ? [variables?: V] : [variables: V];

function operationName(query: string): string | undefined {
  return /\b(?:query|mutation|subscription)\s+(\w+)/.exec(query)?.[1];
}

/**
 * A small GraphQL client over HttpClient: POST /graphql with credentials, typed by the generated
 * documents, every failure turned into an ApiError with a plain-English message.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlClient {
  private readonly http = inject(HttpClient);
  private readonly url = inject(GRAPHQL_URL);
  private readonly secondFactor = inject(SECOND_FACTOR_PROMPT, { optional: true });
  private readonly errorsSubject = new Subject<ApiError>();

  /** Every failure, as it happens (the app shows network/server ones and handles sign-outs). */
  readonly errors$ = this.errorsSubject.asObservable();

  request$<TResult, TVariables>(
    document: DocumentTypeDecoration<TResult, TVariables>,
    ...[variables]: Variables<TVariables>
  ): Observable<TResult> {
    const query = String(document);
    const body = { query, variables: variables ?? {}, operationName: operationName(query) };
    return this.http
      .post<GraphQLResponse<TResult>>(this.url, body, {
        withCredentials: true,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      })
      .pipe(
        map((response) => {
          if (response?.errors?.length) throw fromGraphQLErrors(response.errors, 200);
          if (!response || response.data == null) {
            throw new ApiError(ClientErrorCode.BadResponse, FALLBACK_MESSAGES[ClientErrorCode.BadResponse]);
          }
          return response.data;
        }),
        catchError((error: unknown) => {
          const apiError = toApiError(error);
          // Case data refused for want of the second factor: ask for a code, then try again once.
          if (apiError.code === ErrorCode.SecondFactorRequired && this.secondFactor) {
            const prompt = this.secondFactor;
            return from(prompt.elevate()).pipe(
              switchMap((elevated) => {
                if (elevated) return this.request$(document, ...([variables] as Variables<TVariables>));
                this.errorsSubject.next(apiError);
                return throwError(() => apiError);
              }),
            );
          }
          if (apiError.code === ErrorCode.SecondFactorEnrolmentRequired) this.secondFactor?.enrol();
          this.errorsSubject.next(apiError);
          return throwError(() => apiError);
        }),
      );
  }

  /** The same as request$, as a promise. */
  request<TResult, TVariables>(
    document: DocumentTypeDecoration<TResult, TVariables>,
    ...variables: Variables<TVariables>
  ): Promise<TResult> {
    return firstValueFrom(this.request$(document, ...variables));
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HttpErrorResponse) {
    const body = error.error as GraphQLResponse<unknown> | string | null;
    if (body && typeof body === 'object' && Array.isArray(body.errors) && body.errors.length) {
      return fromGraphQLErrors(body.errors, error.status);
    }
    if (error.status === 0) {
      return new ApiError(ClientErrorCode.Network, FALLBACK_MESSAGES[ClientErrorCode.Network], {}, 0);
    }
    if (error.status === 429) {
      return new ApiError(ErrorCode.RateLimited, FALLBACK_MESSAGES[ErrorCode.RateLimited], {}, 429);
    }
    if (error.status === 401) {
      return new ApiError(ErrorCode.Unauthenticated, FALLBACK_MESSAGES[ErrorCode.Unauthenticated], {}, 401);
    }
    if (error.status === 502 || error.status === 503 || error.status === 504) {
      return new ApiError(ErrorCode.Unavailable, FALLBACK_MESSAGES[ErrorCode.Unavailable], {}, error.status);
    }
    return new ApiError(ErrorCode.Internal, FALLBACK_MESSAGES[ErrorCode.Internal], {}, error.status);
  }
  return new ApiError(ClientErrorCode.BadResponse, FALLBACK_MESSAGES[ClientErrorCode.BadResponse]);
}
