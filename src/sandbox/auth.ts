import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxTokens, TokenKind } from './types';

// Bearer tokens (reference/groove-api.md §2). Groove also accepts ?access_token=, so the
// sandbox does too, but logs it as auth 'query' so tests can prove the connector never uses it.

export function makeTokens(): SandboxTokens {
  const token = (): string => randomBytes(32).toString('hex');
  return { admin: token(), agent: token(), expired: token(), revoked: token() };
}

export interface Identity {
  auth: 'header' | 'query' | 'none';
  token: TokenKind;
}

export function identify(
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
  tokens: SandboxTokens,
): Identity {
  const header = headers.authorization;
  const fromQuery = query.get('access_token');
  const bearer = header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  const value = header !== undefined ? (bearer ?? '') : fromQuery;

  // 'query' whenever the token rides in the URL, even beside a header: that is the leak to see.
  const auth = fromQuery !== null ? 'query' : header !== undefined ? 'header' : 'none';
  if (value === null) return { auth, token: 'none' };
  const kinds: Array<Exclude<TokenKind, 'unknown' | 'none'>> = [
    'admin',
    'agent',
    'expired',
    'revoked',
  ];
  return { auth, token: kinds.find((kind) => tokens[kind] === value) ?? 'unknown' };
}

/** Why a token kind gets 401, or undefined when it may go on. */
export function rejection(token: TokenKind): string | undefined {
  switch (token) {
    case 'admin':
    case 'agent':
      return undefined;
    case 'expired':
      return 'The access token expired';
    case 'revoked':
      return 'The access token was revoked';
    case 'none':
      return 'Authentication required: send Authorization: Bearer <token>';
    case 'unknown':
      return 'The access token is invalid';
  }
}

/** Replaces every token value in a text by [redacted]. */
export function redactTokens(text: string, tokens: SandboxTokens): string {
  let clean = text;
  for (const value of Object.values(tokens)) clean = clean.split(value).join('[redacted]');
  return clean;
}
