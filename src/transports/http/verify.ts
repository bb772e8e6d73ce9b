import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The DER SubjectPublicKeyInfo header of an Ed25519 key; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** How far a request's timestamp may be from our clock, either way, before it is refused as a replay. */
export const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Builds the Ed25519 key object from Discord's public key (64 hex characters, Developer Portal →
 * General Information). Done once at start, not per request.
 *
 * @throws {Error} when the text is not 32 bytes of hex.
 */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('An Ed25519 public key must be 64 hex characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/** Why a request was refused (for the metrics and the debug log; never told to the caller). */
export type SignatureFailure = 'missing' | 'malformed' | 'stale' | 'invalid';

export type SignatureResult = { ok: true } | { ok: false; reason: SignatureFailure };

export interface VerifierOptions {
  /** Allowed distance between the signed timestamp and now, in seconds (default 300). */
  maxSkewSeconds?: number;
  /** The clock, in milliseconds (for tests). */
  now?: () => number;
}

/** Checks one request: the two signature headers and the raw body, exactly as received. */
export type Verifier = (
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
) => SignatureResult;

/**
 * A verifier of Discord's request signatures: `X-Signature-Ed25519` is the hex Ed25519 signature of
 * `X-Signature-Timestamp` followed by the raw body. A timestamp more than `maxSkewSeconds` old or
 * ahead is refused even when the signature is good, so a captured request cannot be replayed later.
 */
export function createVerifier(publicKeyHex: string, options: VerifierOptions = {}): Verifier {
  const key = publicKeyFromHex(publicKeyHex);
  const maxSkew = options.maxSkewSeconds ?? MAX_SKEW_SECONDS;
  const now = options.now ?? Date.now;
  return (signature, timestamp, body) => {
    if (!signature || !timestamp) return { ok: false, reason: 'missing' };
    if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,15}$/.test(timestamp))
      return { ok: false, reason: 'malformed' };
    if (Math.abs(now() / 1000 - Number(timestamp)) > maxSkew) return { ok: false, reason: 'stale' };
    const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
    return verify(null, message, key, Buffer.from(signature, 'hex'))
      ? { ok: true }
      : { ok: false, reason: 'invalid' };
  };
}
