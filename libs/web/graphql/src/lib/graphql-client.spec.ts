import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ErrorCode } from '@lantern/shared-domain';
import { LoginDocument, MeDocument } from '../generated/graphql';
import { ApiError, ClientErrorCode } from './api-error';
import { GraphqlClient, SECOND_FACTOR_PROMPT } from './graphql-client';

describe('GraphqlClient', () => {
  let client: GraphqlClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    client = TestBed.inject(GraphqlClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function failure(promise: Promise<unknown>): Promise<ApiError> {
    try {
      await promise;
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      return e as ApiError;
    }
    throw new Error('expected the request to fail');
  }

  it('posts the operation with credentials and returns typed data', async () => {
    const result = client.request(LoginDocument, { input: { email: 'a@b.test', password: 'secret' } });
    const req = http.expectOne('/graphql');
    expect(req.request.method).toBe('POST');
    expect(req.request.withCredentials).toBe(true);
    expect(req.request.headers.get('Content-Type')).toBe('application/json');
    expect(req.request.body.operationName).toBe('Login');
    expect(req.request.body.query).toContain('mutation Login');
    expect(req.request.body.query).toContain('fragment ViewerParts');
    expect(req.request.body.variables).toEqual({ input: { email: 'a@b.test', password: 'secret' } });
    req.flush({ data: { login: { permissions: ['directory.read'], user: { id: '1' }, memberships: [] } } });
    const data = await result;
    expect(data.login.permissions).toEqual(['directory.read']);
  });

  it('maps a GraphQL error to its code and plain-English message', async () => {
    const result = failure(client.request(MeDocument));
    http.expectOne('/graphql').flush({
      data: null,
      errors: [{ message: 'Please sign in.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const error = await result;
    expect(error.code).toBe(ErrorCode.Unauthenticated);
    expect(error.message).toBe('Please sign in.');
    expect(error.isGlobal).toBe(false);
  });

  it('keeps field messages for BAD_USER_INPUT, also on an HTTP 400', async () => {
    const result = failure(client.request(MeDocument));
    http.expectOne('/graphql').flush(
      {
        errors: [
          {
            message: 'Check the highlighted fields.',
            extensions: { code: 'BAD_USER_INPUT', fields: { email: 'Enter a valid email address.', n: 3 } },
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    const error = await result;
    expect(error.code).toBe(ErrorCode.BadInput);
    expect(error.fields).toEqual({ email: 'Enter a valid email address.' });
    expect(error.status).toBe(400);
  });

  it('never shows technical text from internal errors', async () => {
    const result = failure(client.request(MeDocument));
    http.expectOne('/graphql').flush({
      errors: [
        { message: 'TypeError: cannot read x of undefined', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ],
    });
    const error = await result;
    expect(error.code).toBe(ErrorCode.Internal);
    expect(error.message).not.toContain('TypeError');
    expect(error.isGlobal).toBe(true);
  });

  it('turns a network failure into a NETWORK_ERROR and reports it on errors$', async () => {
    const seen: ApiError[] = [];
    const sub = client.errors$.subscribe((e) => seen.push(e));
    const result = failure(client.request(MeDocument));
    http.expectOne('/graphql').error(new ProgressEvent('error'), { status: 0 });
    const error = await result;
    expect(error.code).toBe(ClientErrorCode.Network);
    expect(error.message).toMatch(/could not be reached/);
    expect(seen.map((e) => e.code)).toEqual([ClientErrorCode.Network]);
    sub.unsubscribe();
  });

  it('maps a 503 without a GraphQL body to SERVICE_UNAVAILABLE', async () => {
    const result = failure(client.request(MeDocument));
    http.expectOne('/graphql').flush('busy', { status: 503, statusText: 'Service Unavailable' });
    expect(((await result) as ApiError).code).toBe(ErrorCode.Unavailable);
  });

  it('treats a response without data as unreadable', async () => {
    const result = failure(client.request(MeDocument));
    http.expectOne('/graphql').flush({});
    expect(((await result) as ApiError).code).toBe(ClientErrorCode.BadResponse);
  });
});

describe('GraphqlClient and the second factor', () => {
  let client: GraphqlClient;
  let http: HttpTestingController;
  const prompt = { elevate: vi.fn<() => Promise<boolean>>(), enrol: vi.fn<() => void>() };
  const refused = (code: string) => ({
    data: null,
    errors: [{ message: 'Needs a code', extensions: { code } }],
  });
  const settle = () => new Promise((r) => setTimeout(r));

  beforeEach(() => {
    prompt.elevate.mockReset();
    prompt.enrol.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SECOND_FACTOR_PROMPT, useValue: prompt },
      ],
    });
    client = TestBed.inject(GraphqlClient);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('asks for a code when case data needs one, then sends the refused request again', async () => {
    prompt.elevate.mockResolvedValue(true);
    const result = client.request(MeDocument);
    http.expectOne('/graphql').flush(refused(ErrorCode.SecondFactorRequired));
    await settle();
    expect(prompt.elevate).toHaveBeenCalledTimes(1);
    const retry = http.expectOne('/graphql');
    expect(retry.request.body.operationName).toBe('Me');
    retry.flush({ data: { me: { user: { id: '1' } } } });
    expect((await result).me.user.id).toBe('1');
  });

  it('passes the refusal on when the person gives up', async () => {
    prompt.elevate.mockResolvedValue(false);
    const result = client.request(MeDocument).catch((e: unknown) => e as ApiError);
    http.expectOne('/graphql').flush(refused(ErrorCode.SecondFactorRequired));
    expect(((await result) as ApiError).code).toBe(ErrorCode.SecondFactorRequired);
  });

  it('starts enrolment when the person has no second factor yet', async () => {
    const result = client.request(MeDocument).catch((e: unknown) => e as ApiError);
    http.expectOne('/graphql').flush(refused(ErrorCode.SecondFactorEnrolmentRequired));
    expect(((await result) as ApiError).code).toBe(ErrorCode.SecondFactorEnrolmentRequired);
    expect(prompt.enrol).toHaveBeenCalledTimes(1);
    expect(prompt.elevate).not.toHaveBeenCalled();
  });
});
