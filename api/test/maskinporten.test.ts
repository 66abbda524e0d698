import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as contract from '@alis/shared';
import { type CryptoKey, type JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';
import { admin, t, useCast } from './support/cast.js';
import { bodyOf } from './support/expect.js';
import { auditTrail, expectProblem, http } from './support/factories.js';

/**
 * Tokens as Maskinporten issues them, signed with key pairs made here, verified against a key set
 * this file serves itself on 127.0.0.1 (plain http to loopback is allowed by a flag for this).
 */
const ISSUER = 'https://test.maskinporten.example/';
const AUDIENCE = 'https://alis.example/api';
const PREFIX = 'helsedir:alis';
const HEROY_ORG = '889640782';
const VENDOR_ORG = '983887457';

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(kid: string, alg: 'RS256' | 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** What the key set endpoint serves now, and how often it was asked. */
const jwks = { keys: [] as JWK[], status: 200, fetches: 0 };
let server: Server;
const env: Record<string, string> = {};
let rsa: SigningKey;
let ec: SigningKey;

beforeAll(async () => {
  [rsa, ec] = await Promise.all([signingKey('rsa-1', 'RS256'), signingKey('ec-1', 'ES256')]);
  jwks.keys = [rsa.jwk, ec.jwk];
  server = createServer((request, response) => {
    jwks.fetches += 1;
    if (request.url !== '/jwks') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(jwks.status, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: jwks.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(env, {
    MASKINPORTEN_ISSUER: ISSUER,
    MASKINPORTEN_JWKS_URL: `http://127.0.0.1:${port}/jwks`,
    MASKINPORTEN_AUDIENCE: AUDIENCE,
    MASKINPORTEN_SCOPE_PREFIX: PREFIX,
    MASKINPORTEN_ALLOW_HTTP_LOOPBACK: 'true',
    // A token naming a key id the cached set lacks fetches the set again at once.
    MASKINPORTEN_JWKS_COOLDOWN_SECONDS: '0',
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

useCast(env);

beforeAll(async () => {
  await http(t).patch('/api/v1/municipalities/1818').set(admin.auth).send({ organisationNumber: HEROY_ORG }).expect(200);
});

const now = () => Math.floor(Date.now() / 1000);

interface TokenOptions {
  key?: SigningKey;
  alg?: string;
  kid?: string;
  iss?: string;
  aud?: string;
  exp?: number;
  nbf?: number;
  scope?: string;
  consumer?: string;
  supplier?: string;
  claims?: Record<string, unknown>;
}

async function token(options: TokenOptions = {}): Promise<string> {
  const key = options.key ?? rsa;
  const payload: Record<string, unknown> = {
    scope: options.scope ?? `${PREFIX}:write`,
    consumer: { authority: 'iso6523-actorid-upis', ID: options.consumer ?? `0192:${HEROY_ORG}` },
    client_id: 'heroy-hr-system',
    ...(options.supplier ? { supplier: { authority: 'iso6523-actorid-upis', ID: options.supplier } } : {}),
    ...options.claims,
  };
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? key.alg, kid: options.kid ?? key.kid })
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? now() + 120)
    .setJti(crypto.randomUUID());
  if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
  return jwt.sign(key.privateKey);
}

const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });
const getMunicipalities = (jwt: string) => http(t).get('/api/v1/municipalities').set(bearer(jwt));

describe('Maskinporten access tokens', () => {
  it('makes a token for a municipality\'s organisation number a client of that municipality', async () => {
    const jwt = await token();
    const page = bodyOf(await getMunicipalities(jwt).expect(200), contract.pageOf(contract.municipality));
    expect(page.items.map((m) => m.kommunenummer)).toEqual(['1818']);
    await http(t).get('/api/v1/municipalities/1804').set(bearer(jwt)).expect(404);
    const me = bodyOf(await http(t).get('/api/v1/me').set(bearer(jwt)).expect(200), contract.me);
    expect(me).toMatchObject({ kind: 'client', id: 'maskinporten:heroy-hr-system', role: 'municipality', kommunenummer: '1818', scopes: ['read', 'write'] });
  });

  it('accepts ES256 as well as RS256', async () => {
    await getMunicipalities(await token({ key: ec })).expect(200);
  });

  it('refuses a token from another issuer, for another audience, or signed with an algorithm not allowed', async () => {
    // Another issuer is not ours to trust: the token is read as one of the API's own, and fails.
    expectProblem(await getMunicipalities(await token({ iss: 'https://evil.example/' })), 401, 'unauthorized');
    const audience = expectProblem(await getMunicipalities(await token({ aud: 'https://other.example/api' })), 401, 'unauthorized');
    expect(audience.detail).toContain('"aud"');
    const rs384 = await generateKeyPair('RS384');
    const algorithm = expectProblem(
      await getMunicipalities(await token({ key: { ...rsa, privateKey: rs384.privateKey }, alg: 'RS384' })),
      401,
      'unauthorized',
    );
    expect(algorithm.detail).toContain('RS256 or ES256');
  });

  it('refuses a token signed by a key the issuer did not publish, even under a published key id', async () => {
    const impostor = await signingKey('rsa-1', 'RS256');
    expectProblem(await getMunicipalities(await token({ key: impostor })), 401, 'unauthorized');
  });

  it('checks exp and nbf with a small clock skew', async () => {
    const expired = expectProblem(await getMunicipalities(await token({ exp: now() - 120 })), 401, 'unauthorized');
    expect(expired.detail).toContain('expired');
    await getMunicipalities(await token({ exp: now() - 10 })).expect(200);
    const early = expectProblem(await getMunicipalities(await token({ nbf: now() + 120 })), 401, 'unauthorized');
    expect(early.detail).toContain('"nbf"');
    await getMunicipalities(await token({ nbf: now() + 10 })).expect(200);
  });

  it('fetches the key set again for a key id it has not seen (key rotation)', async () => {
    await getMunicipalities(await token()).expect(200);
    const rotated = await signingKey('rsa-2', 'RS256');
    jwks.keys = [...jwks.keys, rotated.jwk];
    const before = jwks.fetches;
    await getMunicipalities(await token({ key: rotated })).expect(200);
    expect(jwks.fetches).toBe(before + 1);
    // Cached from then on.
    await getMunicipalities(await token({ key: rotated })).expect(200);
    expect(jwks.fetches).toBe(before + 1);

    const unpublished = await signingKey('rsa-never', 'RS256');
    const unknown = expectProblem(await getMunicipalities(await token({ key: unpublished })), 401, 'unauthorized');
    expect(unknown.detail).toContain('key id');
  });

  it('answers 503 when the key set cannot be fetched', async () => {
    jwks.status = 500;
    try {
      const unseen = await signingKey('rsa-3', 'RS256');
      const response = await getMunicipalities(await token({ key: unseen }));
      expectProblem(response, 503, 'service_unavailable');
      expect(response.headers['retry-after']).toBe('5');
    } finally {
      jwks.status = 200;
    }
  });

  it('refuses a token without the registry\'s scope', async () => {
    const problem = expectProblem(await getMunicipalities(await token({ scope: 'helsedir:other:write other:read' })), 403, 'forbidden');
    expect(problem.detail).toContain(`${PREFIX}:read`);
  });

  it('refuses a consumer that is no municipality, or no organisation number', async () => {
    const unknown = expectProblem(await getMunicipalities(await token({ consumer: '0192:974760673' })), 403, 'forbidden');
    expect(unknown.detail).toContain('974760673');
    expectProblem(await getMunicipalities(await token({ consumer: '0192:123456789' })), 401, 'unauthorized');
    expectProblem(await getMunicipalities(await token({ claims: { consumer: undefined } })), 401, 'unauthorized');
  });

  it('gives read-only access with <prefix>:read and read-write with <prefix>:write', async () => {
    const read = await token({ scope: `${PREFIX}:read` });
    await http(t).get('/api/v1/municipalities/1818').set(bearer(read)).expect(200);
    const refused = expectProblem(
      await http(t).patch('/api/v1/municipalities/1818').set(bearer(read)).send({ contactName: 'Kari Lesevik' }),
      403,
      'forbidden',
    );
    expect(refused.detail).toContain('"write"');
    const write = await token({ scope: `${PREFIX}:read ${PREFIX}:write` });
    await http(t).patch('/api/v1/municipalities/1818').set(bearer(write)).send({ contactName: 'Kari Skrivevik' }).expect(200);
  });

  it('records the supplier in the audit log when a vendor acts for the municipality', async () => {
    const jwt = await token({ supplier: `0192:${VENDOR_ORG}` });
    await http(t).patch('/api/v1/municipalities/1818').set(bearer(jwt)).send({ contactName: 'Per Leverandørsen' }).expect(200);
    const [latest] = await auditTrail(t, admin, { entityType: 'municipality', entityId: '1818', limit: 1 });
    expect(latest).toMatchObject({
      actorType: 'client',
      actorId: 'maskinporten:heroy-hr-system',
      actorRole: 'municipality',
      supplier: `0192:${VENDOR_ORG}`,
      after: { contactName: 'Per Leverandørsen' },
    });
    // Without a supplier, none is recorded.
    await http(t).patch('/api/v1/municipalities/1818').set(bearer(await token())).send({ contactName: 'Kari Direkte' }).expect(200);
    const [direct] = await auditTrail(t, admin, { entityType: 'municipality', entityId: '1818', limit: 1 });
    expect(direct).toMatchObject({ supplier: null, after: { contactName: 'Kari Direkte' } });
  });

  it('still accepts the API\'s own tokens', async () => {
    await http(t).get('/api/v1/municipalities').set(admin.auth).expect(200);
  });

  it('keeps organisation numbers unique among municipalities', async () => {
    const taken = expectProblem(
      await http(t).patch('/api/v1/municipalities/1804').set(admin.auth).send({ organisationNumber: HEROY_ORG }),
      409,
      'already_exists',
    );
    expect(taken.existingId).toBe('1818');
  });
});

describe('Maskinporten configuration', () => {
  const base = { MASKINPORTEN_ISSUER: ISSUER, MASKINPORTEN_AUDIENCE: AUDIENCE, MASKINPORTEN_SCOPE_PREFIX: PREFIX };

  it('needs all four settings together', () => {
    expect(() => parseConfig({ MASKINPORTEN_ISSUER: ISSUER })).toThrow(ConfigError);
    expect(parseConfig({ ...base, MASKINPORTEN_JWKS_URL: 'https://maskinporten.no/jwk' }).MASKINPORTEN_ISSUER).toBe(ISSUER);
  });

  it('takes the key set over https, plain http only to loopback with the flag', () => {
    expect(() => parseConfig({ ...base, MASKINPORTEN_JWKS_URL: 'http://127.0.0.1:8080/jwks' })).toThrow(/https/);
    expect(() => parseConfig({ ...base, MASKINPORTEN_JWKS_URL: 'http://keys.example/jwks', MASKINPORTEN_ALLOW_HTTP_LOOPBACK: 'true' })).toThrow(/https/);
    expect(parseConfig({ ...base, MASKINPORTEN_JWKS_URL: 'http://localhost:8080/jwks', MASKINPORTEN_ALLOW_HTTP_LOOPBACK: 'true' }).MASKINPORTEN_ALLOW_HTTP_LOOPBACK).toBe(true);
  });
});
