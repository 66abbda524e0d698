import { beforeEach, type vi } from 'vitest';
import { session } from '../lib/session';
import { loginBody } from './fixtures';

/** Signs a user in before each test of the describe block it is called in, and out after it. */
export function signInForEachTest() {
  beforeEach(() => {
    session.start(loginBody('tok'));
    return () => session.clear();
  });
}

/** The error text a field is described by (its last `aria-describedby`), as a screen reader reads it. */
export const fieldErrorOf = (field: HTMLElement) =>
  document.getElementById(field.getAttribute('aria-describedby')?.split(' ').pop() ?? '')?.textContent;

/** The URL a mocked `fetch` was called with. */
export const requestUrl = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());

/** The JSON body of a call to a mocked `fetch` (the first by default). */
export const requestBody = (fetchMock: ReturnType<typeof vi.fn<typeof fetch>>, call = 0) =>
  JSON.parse(fetchMock.mock.calls[call]?.[1]?.body as string) as unknown;
