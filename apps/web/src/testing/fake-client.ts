import { Subject } from 'rxjs';
import { ApiError, GraphqlClient } from '@lantern/web-graphql';
import { type Provider } from '@angular/core';
import { ReadingTextSize, ReadingTint, Role } from '@lantern/shared-domain';
import type { Viewer } from '../app/core/session';

type Handler = (variables: Record<string, unknown>) => unknown;

/** A stand-in for GraphqlClient: answers each document with a handler, records every call. */
export class FakeGraphqlClient {
  readonly errorsSubject = new Subject<ApiError>();
  readonly errors$ = this.errorsSubject.asObservable();
  readonly calls: { document: unknown; variables: Record<string, unknown> }[] = [];
  private readonly handlers = new Map<unknown, Handler>();

  on(document: unknown, handler: Handler | object): this {
    this.handlers.set(document, typeof handler === 'function' ? (handler as Handler) : () => handler);
    return this;
  }

  callsOf(document: unknown): Record<string, unknown>[] {
    return this.calls.filter((c) => c.document === document).map((c) => c.variables);
  }

  async request(document: unknown, variables: Record<string, unknown> = {}): Promise<unknown> {
    this.calls.push({ document, variables });
    const handler = this.handlers.get(document);
    if (!handler) throw new Error(`no fake answer for ${String(document).slice(0, 60)}`);
    return handler(variables);
  }
}

export function provideFakeClient(fake: FakeGraphqlClient): Provider {
  return { provide: GraphqlClient, useValue: fake };
}

export function apiError(code: string, message: string, fields: Record<string, string> = {}): ApiError {
  return new ApiError(code, message, fields);
}

// ---- organisation fixtures: two trusts that each have a "St Joseph's Primary" ----
export const ASSISI = { id: 't-assisi', name: 'Assisi Catholic Trust', shortName: 'Assisi' };
export const CHRISTUS = { id: 't-christus', name: 'Christus Catholic Trust', shortName: 'Christus' };

export const ORGANISATION = {
  trusts: [
    {
      ...ASSISI,
      schools: [
        {
          id: 's-hf',
          name: 'Holy Family Primary',
          displayName: 'Holy Family Primary (Assisi Catholic Trust)',
        },
        {
          id: 's-sj-a',
          name: "St Joseph's Primary",
          displayName: "St Joseph's Primary (Assisi Catholic Trust)",
        },
      ],
    },
    {
      ...CHRISTUS,
      schools: [
        {
          id: 's-hc',
          name: 'Holy Cross Primary',
          displayName: 'Holy Cross Primary (Christus Catholic Trust)',
        },
        {
          id: 's-sj-c',
          name: "St Joseph's Primary",
          displayName: "St Joseph's Primary (Christus Catholic Trust)",
        },
      ],
    },
  ],
};

type MembershipSpec = { role: Role; trustId?: string; schoolId?: string };

/** A viewer holding the given roles (school roles get their school's trust). */
export function viewer(permissions: string[], memberships: MembershipSpec[], id = 'u-viewer'): Viewer {
  return {
    permissions,
    showPresence: true,
    readingPreferences: {
      readableFont: false,
      textSize: ReadingTextSize.Standard,
      wideSpacing: false,
      tint: ReadingTint.None,
      reduceMotion: false,
    },
    user: { id, email: 'viewer@demo.lantern.test', displayName: 'Val Viewer' },
    memberships: memberships.map((m, i) => {
      const trust = ORGANISATION.trusts.find(
        (t) => t.id === m.trustId || t.schools.some((s) => s.id === m.schoolId),
      );
      const school = trust?.schools.find((s) => s.id === m.schoolId);
      return {
        id: `m-${i}`,
        role: m.role,
        createdAt: '2026-01-01T00:00:00Z',
        trust: school || !trust ? null : { id: trust.id, name: trust.name, shortName: trust.shortName },
        school: school && trust ? { ...school, trust: { id: trust.id } } : null,
      };
    }),
  };
}

export const ALL_PERMISSIONS = [
  'directory.read',
  'people.read',
  'people.invite',
  'membership.manage',
  'user.deactivate',
  'audit.read',
];
