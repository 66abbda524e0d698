import { type LookupAddress, lookup } from 'node:dns';
import { lookup as lookupAll } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';

/** Where the API may send requests of its own (webhooks). */
export interface OutboundPolicy {
  /** Loopback addresses, and plain http to them: a receiver on a developer's machine. */
  allowLoopback: boolean;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Why the API will not connect to `address`, or null. Only public unicast addresses are allowed:
 * never private networks, link-local (cloud metadata at 169.254.169.254 among them), carrier-grade
 * NAT, multicast, reserved ranges, or loopback unless the policy allows it.
 */
export function refusedAddress(address: string, policy: OutboundPolicy): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const parsed = ipaddr.parse(address);
  const ip = parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? parsed.toIPv4Address() : parsed;
  const range = ip.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && policy.allowLoopback) return null;
  return `${address} is a ${range} address`;
}

/**
 * Why `url` cannot be a target, or null: HTTPS only (plain http only to loopback, when allowed),
 * no credentials in it, and every address its name resolves to allowed now.
 */
export async function refusedTarget(url: string, policy: OutboundPolicy): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.username || parsed.password) return 'must not hold credentials';
  const loopbackName = LOOPBACK_NAMES.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && policy.allowLoopback && loopbackName)) {
    return policy.allowLoopback ? 'must be https (or http to loopback)' : 'must be https';
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  try {
    addresses = ipaddr.isValid(host) ? [{ address: host, family: host.includes(':') ? 6 : 4 }] : await lookupAll(host, { all: true });
  } catch {
    return `${host} does not resolve`;
  }
  for (const { address } of addresses) {
    const refused = refusedAddress(address, policy);
    if (refused) return `resolves to a refused address (${refused})`;
  }
  return null;
}

/**
 * An HTTP agent whose every connection checks the addresses it resolves to, so that a name which
 * pointed somewhere public when the webhook was made cannot be pointed at the internal network
 * later (DNS rebinding): the check is made again on every connection.
 */
export function guardedAgent(policy: OutboundPolicy, timeoutMs: number): Agent {
  return new Agent({
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: {
      lookup(hostname, options, callback) {
        lookup(hostname, { ...options, all: true }, (error, addresses) => {
          if (error) {
            callback(error, '', 0);
            return;
          }
          const list = addresses;
          const refused = list.map((entry) => refusedAddress(entry.address, policy)).find((reason) => reason !== null);
          if (refused || list.length === 0) {
            callback(Object.assign(new Error(`refused target: ${refused ?? 'no address'}`), { code: 'EREFUSEDTARGET' }), '', 0);
            return;
          }
          if ((options as { all?: boolean }).all) (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, list);
          else callback(null, list[0]?.address ?? '', list[0]?.family ?? 4);
        });
      },
    },
  });
}
