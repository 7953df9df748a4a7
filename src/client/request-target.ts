import { InvalidInputError } from '../errors';
import type { GrooveRequest } from './types';

// A path under /v1 made of already-encoded segments: no scheme, no host, no query or fragment,
// no backslash, no whitespace. `//host` and `http:` can never turn it into another origin.
const ENCODED_PATH = /^\/(?!\/)[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*$/;
// `.` and `..` segments (also percent-encoded) would climb out of /v1 once normalized.
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;

/**
 * The request target relative to `<origin>/v1`: the path checked, then the query appended.
 * The resulting URL is checked once more to sit on the configured origin.
 */
export function requestTarget(request: GrooveRequest, origin: string): string {
  const { path } = request;
  if (typeof path !== 'string' || !ENCODED_PATH.test(path) || DOT_SEGMENT.test(path)) {
    throw new InvalidInputError('Groove request', [
      {
        field: 'path',
        label: 'Request path',
        message:
          'must be a path under /v1 starting with a single "/", with encoded segments and no host, scheme, query or "..".',
      },
    ]);
  }

  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) search.append(name, String(value));
  }
  const query = search.toString();
  const target = query === '' ? path : `${path}?${query}`;

  if (new URL(`${origin}/v1${target}`).origin !== origin) {
    throw new InvalidInputError('Groove request', [
      {
        field: 'path',
        label: 'Request path',
        message: 'must stay on the configured Groove origin.',
      },
    ]);
  }
  return target;
}
