import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import { ErrorCode, Role } from '@lantern/shared-domain';
import { LoginDocument } from '@lantern/web-graphql';
import { apiError, FakeGraphqlClient, provideFakeClient, viewer } from '../../testing/fake-client';
import { GlobalErrors } from './global-errors';
import { Session } from './session';

describe('GlobalErrors', () => {
  let open: ReturnType<typeof vi.fn>;
  let errors: GlobalErrors;
  let router: Router;
  const client = new FakeGraphqlClient().on(LoginDocument, {
    login: viewer([], [{ role: Role.Staff, schoolId: 's-hf' }]),
  });

  beforeEach(() => {
    open = vi.fn();
    TestBed.configureTestingModule({
      providers: [provideFakeClient(client), provideRouter([]), { provide: MatSnackBar, useValue: { open } }],
    });
    errors = TestBed.inject(GlobalErrors);
    router = TestBed.inject(Router);
  });

  it('shows network and server failures once, in plain English, until dismissed', async () => {
    errors.handle(apiError('NETWORK_ERROR', 'Lantern could not be reached.'));
    errors.handle(apiError('NETWORK_ERROR', 'Lantern could not be reached.'));
    await vi.waitFor(() => expect(open).toHaveBeenCalled());
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0][0]).toBe('Lantern could not be reached.');
    expect(open.mock.calls[0][1]).toBe('Dismiss');
    expect(open.mock.calls[0][2]).toMatchObject({ politeness: 'assertive', duration: 0 });
    errors.handle(apiError(ErrorCode.Internal, 'Something went wrong on our side.'));
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(2));
  });

  it('leaves errors about what the person typed to the page', async () => {
    errors.handle(apiError(ErrorCode.BadInput, 'Check the email.'));
    errors.handle(apiError(ErrorCode.Forbidden, 'You cannot do that.'));
    await new Promise((r) => setTimeout(r, 20));
    expect(open).not.toHaveBeenCalled();
  });

  it('sends a person whose session ended to sign in, with where they were', async () => {
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    const session = TestBed.inject(Session);
    await session.signIn('a@b.test', 'pw');
    errors.handle(apiError(ErrorCode.Unauthenticated, 'Please sign in.'));
    expect(session.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/', reason: 'ended' } });
  });
});
