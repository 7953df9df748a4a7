import type { ServerResponse } from 'node:http';
import type { Reply } from './http-kit';

// Writing answers to the socket, including the deliberately broken ones the faults need.

const JSON_TYPE = 'application/json; charset=utf-8';

export function send(
  response: ServerResponse,
  reply: Reply,
  extraHeaders: Record<string, string>,
): void {
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  const headers: Record<string, string> = { ...extraHeaders, ...reply.headers };
  if (reply.status !== 204) headers['Content-Type'] = JSON_TYPE;
  headers['Content-Length'] = String(Buffer.byteLength(text));
  response.writeHead(reply.status, headers);
  response.end(text);
}

/** The answer cut in half: a JSON parser must fail on it (the 'malformed' fault). */
export function sendTruncated(response: ServerResponse, reply: Reply): void {
  const text = reply.body === undefined ? '{"' : JSON.stringify(reply.body);
  const cut = text.slice(0, Math.max(2, Math.floor(text.length / 2)));
  const status = reply.status === 204 ? 200 : reply.status;
  response.writeHead(status, {
    'Content-Type': JSON_TYPE,
    'Content-Length': String(Buffer.byteLength(cut)),
  });
  response.end(cut);
}

/** What a proxy in front of an API sends when the API is down (the 'html' fault). */
export function sendHtml(response: ServerResponse, status: 200 | 502): void {
  const title = status === 502 ? '502 Bad Gateway' : 'Please wait…';
  const text = `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>\n`;
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}

export const SERVER_ERRORS: Record<'500' | '502' | '503', string> = {
  '500': 'Internal Server Error',
  '502': 'Bad Gateway',
  '503': 'Service Unavailable',
};
