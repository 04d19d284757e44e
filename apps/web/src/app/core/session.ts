import { Injectable, computed, inject, signal } from '@angular/core';
import {
  AcceptInvitationDocument,
  type AcceptInvitationInput,
  ApiError,
  GraphqlClient,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  SetShowPresenceDocument,
  SignOutEverywhereDocument,
  UpdateProfileDocument,
  UpdateReadingPreferencesDocument,
  type ViewerPartsFragment,
} from '@lantern/web-graphql';
import {
  type Actor,
  ErrorCode,
  type Grant,
  Permission,
  type ReadingPreferences,
} from '@lantern/shared-domain';

export type Viewer = ViewerPartsFragment;
export type ViewerMembership = Viewer['memberships'][number];

/** The policy's view of a membership: trust roles carry a trust, school roles their school and its trust. */
export function grantOf(m: {
  role: Grant['role'];
  trust: { id: string } | null;
  school: { id: string; trust: { id: string } } | null;
}): Grant {
  return {
    role: m.role,
    trustId: m.trust?.id ?? m.school?.trust.id ?? null,
    schoolId: m.school?.id ?? null,
  };
}

export function actorOf(user: { id: string }, memberships: readonly Parameters<typeof grantOf>[0][]): Actor {
  return { userId: user.id, grants: memberships.map(grantOf) };
}

/**
 * Who is signed in. The session itself is an httpOnly cookie; this only remembers what `me` said.
 * `viewer()` is undefined until the first check, null when signed out.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly client = inject(GraphqlClient);
  private readonly state = signal<Viewer | null | undefined>(undefined);
  private pending: Promise<Viewer | null> | null = null;

  private readonly endingState = signal(false);

  readonly viewer = this.state.asReadonly();
  /** True while this tab is signing out (the real-time connection closes first, quietly). */
  readonly ending = this.endingState.asReadonly();
  readonly user = computed(() => this.state()?.user ?? null);
  readonly signedIn = computed(() => !!this.state());
  readonly permissions = computed(() => new Set(this.state()?.permissions ?? []));
  readonly actor = computed<Actor | null>(() => {
    const v = this.state();
    return v ? actorOf(v.user, v.memberships) : null;
  });

  has(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  /** Ask the API who is signed in, once; later calls reuse the answer. */
  ensureLoaded(): Promise<Viewer | null> {
    const known = this.state();
    if (known !== undefined) return Promise.resolve(known);
    this.pending ??= this.client
      .request(MeDocument)
      .then((data) => {
        this.state.set(data.me);
        return data.me;
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === ErrorCode.Unauthenticated) {
          this.state.set(null);
        }
        // Other failures (network, server) leave the state unknown so the next navigation asks again.
        return null;
      })
      .finally(() => (this.pending = null));
    return this.pending;
  }

  async signIn(email: string, password: string): Promise<Viewer> {
    const data = await this.client.request(LoginDocument, { input: { email, password } });
    this.endingState.set(false);
    this.state.set(data.login);
    return data.login;
  }

  async acceptInvitation(input: AcceptInvitationInput): Promise<Viewer> {
    const data = await this.client.request(AcceptInvitationDocument, { input });
    this.endingState.set(false);
    this.state.set(data.acceptInvitation);
    return data.acceptInvitation;
  }

  async updateDisplayName(displayName: string): Promise<Viewer> {
    const data = await this.client.request(UpdateProfileDocument, { input: { displayName } });
    this.state.set(data.updateProfile);
    return data.updateProfile;
  }

  async setShowPresence(show: boolean): Promise<Viewer> {
    const data = await this.client.request(SetShowPresenceDocument, { show });
    this.state.set(data.setShowPresence);
    return data.setShowPresence;
  }

  /** Saves the viewer's reading mode; the new viewer state applies it to the page at once. */
  async updateReadingPreferences(input: ReadingPreferences): Promise<Viewer> {
    const data = await this.client.request(UpdateReadingPreferencesDocument, { input });
    this.state.set(data.updateReadingPreferences);
    return data.updateReadingPreferences;
  }

  async signOut(): Promise<void> {
    this.endingState.set(true);
    try {
      await this.client.request(LogoutDocument);
    } finally {
      this.state.set(null);
      this.endingState.set(false);
    }
  }

  async signOutEverywhere(): Promise<void> {
    this.endingState.set(true);
    try {
      await this.client.request(SignOutEverywhereDocument);
      this.state.set(null);
    } finally {
      this.endingState.set(false);
    }
  }

  /** Forget the viewer (the server said the session has ended). */
  clear(): void {
    this.state.set(null);
  }
}
