import { type SubmitEvent, useState } from 'react';
import { Field } from '../../../components/field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useLogin } from '../api/login';

export function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Feil e-post eller passord';
    if (error.status === 429) {
      return error.retryAfterSeconds !== undefined
        ? `For mange forsøk, prøv igjen om ${error.retryAfterSeconds} sekunder`
        : 'For mange forsøk, prøv igjen om litt';
    }
    if (error.status === 400) return 'Skriv inn en gyldig e-postadresse og et passord';
  }
  return errorMessage(error);
}

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const mutation = useLogin();

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = {
      ...(email.trim() ? {} : { email: 'Skriv inn e-postadressen din' }),
      ...(password ? {} : { password: 'Skriv inn passordet ditt' }),
    };
    setMissing(next);
    if (next.email || next.password) return;
    mutation.mutate({ email: email.trim(), password }, { onSuccess });
  };

  return (
    <form className="form login-form" onSubmit={onSubmit} noValidate aria-describedby={mutation.isError ? 'login-error' : undefined}>
      {mutation.isError ? (
        <div id="login-error" role="alert" className="alert alert-error">
          <p>{loginErrorMessage(mutation.error)}</p>
        </div>
      ) : null}
      <Field id="login-email" label="E-post" error={missing.email}>
        {(control) => (
          <input
            {...control}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </Field>
      <Field id="login-password" label="Passord" error={missing.password}>
        {(control) => (
          <input
            {...control}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Logger inn …' : 'Logg inn'}
      </button>
    </form>
  );
}
