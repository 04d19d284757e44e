/**
 * The integration tests drive real processes, sockets and PostgreSQL on a shared 2-core machine.
 * A test that fails is run once more, and its first failure is printed in full either way, so a
 * timing-sensitive failure is visible in the log without failing the whole run; a test that fails
 * twice fails the run.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });
