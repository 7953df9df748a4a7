import fs from 'node:fs';
import type { FieldIssue } from '../errors';
import { MANIFEST_PATH } from '../paths';

export const DEFAULT_API_BASE_URL = 'https://api.groovehq.com';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

let allowedHosts: ReadonlySet<string> | undefined;

/** The hosts the manifest allows the key to be sent to over https (`allowed_hosts`). */
export function grooveApiHosts(): ReadonlySet<string> {
  if (allowedHosts === undefined) {
    const manifest = JSON.parse(fs.readFileSync(MANIFEST_PATH, 'utf8')) as {
      allowed_hosts: string[];
    };
    allowedHosts = new Set(manifest.allowed_hosts);
  }
  return allowedHosts;
}

/** An origin as URL writes it (lower-case host, no default port), or the text as given. */
export function normalizeBaseUrl(text: string): string {
  try {
    const url = new URL(text);
    return url.pathname === '/' && url.search === '' && url.hash === '' && url.username === ''
      ? url.origin
      : text.replace(/\/+$/, '');
  } catch {
    return text;
  }
}

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * The key may go only to Groove's own API over https, or in plain http to this machine (the
 * offline sandbox). Any other origin would hand the key to whoever runs it.
 */
export function checkBaseUrl(value: unknown, label: string): FieldIssue[] {
  if (typeof value !== 'string') return [];
  const hosts = [...grooveApiHosts()].map((host) => `https://${host}`).join(' or ');
  const message = `${label} must be Groove's API origin (${hosts}), or for the offline sandbox plain http on a loopback address, with no path, query or user.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [{ field: 'api_base_url', label, message }];
  }
  const allowed =
    (url.protocol === 'https:' && grooveApiHosts().has(url.hostname)) ||
    (url.protocol === 'http:' && isLoopback(url.hostname));
  const clean = url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  if (allowed && clean && url.pathname === '/') return [];
  return [{ field: 'api_base_url', label, message }];
}
