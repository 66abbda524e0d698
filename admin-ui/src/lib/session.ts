import { type LoginResponse, type SessionUser, loginResponse } from '@alis/shared';
import { apiErrorFromResponse, invalidResponse, networkError } from './api-error';

export const API_BASE = '/api/v1';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'anonymous'; reason: 'none' | 'expired' | 'logged-out' }
  | { status: 'authenticated'; user: SessionUser };

type Listener = () => void;

/** How long before expiry the access token is renewed. */
export function refreshDelayMs(expiresInSeconds: number): number {
  const lifetime = expiresInSeconds * 1000;
  const margin = Math.min(60_000, lifetime * 0.2);
  return Math.max(1_000, lifetime - margin);
}

/**
 * The signed-in user and their access token. The token lives in memory only; the refresh token
 * is an httpOnly cookie the browser sends to `/auth/refresh`, so a reload restores the session.
 */
export class SessionStore {
  private state: SessionState = { status: 'restoring' };
  private accessToken: string | null = null;
  private listeners = new Set<Listener>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlightRefresh: Promise<boolean> | null = null;

  constructor(private readonly fetchImpl: typeof fetch = (...args) => fetch(...args)) {}

  getState = (): SessionState => this.state;

  getAccessToken = (): string | null => this.accessToken;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(state: SessionState) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  /** Starts a session from a login or refresh answer and schedules the next refresh. */
  start(response: LoginResponse) {
    this.accessToken = response.accessToken;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void this.refresh();
    }, refreshDelayMs(response.expiresIn));
    const current = this.state;
    // Keep the same state object when nothing visible changed, so the UI does not re-render.
    if (current.status === 'authenticated' && JSON.stringify(current.user) === JSON.stringify(response.user)) return;
    this.setState({ status: 'authenticated', user: response.user });
  }

  /** Forgets the session (the cookie is cleared by the API's logout). */
  clear(reason: 'none' | 'expired' | 'logged-out' = 'none') {
    this.accessToken = null;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    const current = this.state;
    if (current.status === 'anonymous' && current.reason === reason) return;
    this.setState({ status: 'anonymous', reason });
  }

  /**
   * Exchanges the refresh cookie for a new access token. Concurrent callers share one request: the
   * refresh token rotates, so a second parallel refresh would present a token already used.
   */
  refresh(): Promise<boolean> {
    this.inFlightRefresh ??= this.doRefresh().finally(() => {
      this.inFlightRefresh = null;
    });
    return this.inFlightRefresh;
  }

  private async doRefresh(): Promise<boolean> {
    const wasRestoring = this.state.status === 'restoring';
    let response: Response;
    try {
      response = await this.fetchImpl(`${API_BASE}/auth/refresh`, {
        method: 'POST',
        credentials: 'include',
        headers: { accept: 'application/json' },
      });
    } catch {
      if (wasRestoring) this.clear('none');
      return false;
    }
    if (response.ok) {
      const parsed = loginResponse.safeParse(await response.json().catch(() => undefined));
      if (parsed.success) {
        this.start(parsed.data);
        return true;
      }
    } else {
      await response.body?.cancel().catch(() => undefined);
    }
    this.clear(wasRestoring ? 'none' : 'expired');
    return false;
  }

  /** On app start: a valid refresh cookie restores the session, otherwise the login page shows. */
  async restore(): Promise<void> {
    if (this.state.status !== 'restoring') return;
    await this.refresh();
  }

  /** `POST /auth/login`; throws ApiError (401 wrong credentials, 429 too many attempts). */
  async login(email: string, password: string): Promise<SessionUser> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${API_BASE}/auth/login`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    } catch (error) {
      throw networkError(error);
    }
    if (!response.ok) throw await apiErrorFromResponse(response);
    const parsed = loginResponse.safeParse(await response.json());
    if (!parsed.success) {
      throw invalidResponse(response.status, 'Uventet svar fra serveren.');
    }
    this.start(parsed.data);
    return parsed.data.user;
  }

  /**
   * `POST /auth/password`: the user's own new password. The API ends every session of the user and
   * answers with a new one for this browser (a new refresh cookie), which the store starts from.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<SessionUser> {
    const token = this.accessToken;
    let response: Response;
    try {
      response = await this.fetchImpl(`${API_BASE}/auth/password`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ currentPassword, newPassword }),
      });
    } catch (error) {
      throw networkError(error);
    }
    if (!response.ok) throw await apiErrorFromResponse(response);
    const parsed = loginResponse.safeParse(await response.json());
    if (!parsed.success) throw invalidResponse(response.status, 'Uventet svar fra serveren.');
    this.start(parsed.data);
    return parsed.data.user;
  }

  /** `POST /auth/logout` revokes the refresh token; the local session ends whatever it answers. */
  async logout(): Promise<void> {
    const token = this.accessToken;
    try {
      await this.fetchImpl(`${API_BASE}/auth/logout`, {
        method: 'POST',
        credentials: 'include',
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    } catch {
      // Nothing to do: the session ends locally anyway.
    } finally {
      this.clear('logged-out');
    }
  }
}

export const session = new SessionStore();
