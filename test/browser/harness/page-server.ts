import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readManifestForm } from './manifest-forms';

export type PageServer = { origin: string; close: () => Promise<void> };

// Just enough styling for a readable page and screenshot: one field per row, full-width inputs.
const STYLE = `
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1f2328; }
  main { max-width: 560px; margin: 24px auto; padding: 24px 28px; background: #fff;
         border: 1px solid #d0d7de; border-radius: 8px; }
  h1 { font-size: 20px; margin: 0 0 2px; }
  .renderer { margin: 0 0 16px; color: #57606a; font-size: 13px; }
  legend, #root__title { font-weight: 600; font-size: 16px; }
  fieldset { border: 0; padding: 0; margin: 0; }
  .form-group, .control { margin: 0 0 14px; }
  label { display: block; font-weight: 600; margin-bottom: 4px; }
  input:not([type=checkbox]):not([type=radio]), textarea, select { box-sizing: border-box;
         width: 100%; padding: 7px 9px; border: 1px solid #afb8c1; border-radius: 6px; font: inherit; }
  textarea { min-height: 4.5em; }
  .field-description, .input-description, .help-block { color: #57606a; font-size: 13px; margin: 3px 0; }
  .error-detail, .validation_error, .errors { color: #cf222e; font-size: 13px; }
  .group-layout > legend, .group-layout { border: 0; padding: 0; margin-top: 6px; }
  button[type=submit] { margin-top: 8px; padding: 8px 20px; font: inherit; font-weight: 600;
         color: #fff; background: #1f6feb; border: 0; border-radius: 6px; }
  .radio label, .radio-option label { display: inline; font-weight: normal; margin: 0 14px 0 4px; }
  .rjsf button[title]::after { content: attr(title); }
  .string-map-row { display: flex; gap: 6px; margin-bottom: 6px; }
  output { display: block; margin-top: 16px; font: 12px monospace; white-space: pre-wrap; }
`;

const HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Groove connector forms</title><style>${STYLE}</style></head>
  <body><div id="root"></div><script src="/main.js"></script></body>
</html>`;

function answer(response: http.ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/**
 * Serves the test page on 127.0.0.1: the page, its bundle, and each form the manifest ships
 * (`/forms/<name>.json`), read from disk on every request so the page shows the files as they are.
 */
export async function startPageServer(bundleFile: string): Promise<PageServer> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const formMatch = /^\/forms\/([a-z_]+)\.json$/.exec(url.pathname);
    try {
      if (url.pathname === '/') return answer(response, 200, 'text/html', HTML);
      if (url.pathname === '/main.js') {
        return answer(response, 200, 'text/javascript', fs.readFileSync(bundleFile, 'utf8'));
      }
      if (formMatch?.[1] !== undefined) {
        const payload = JSON.stringify(readManifestForm(formMatch[1]));
        return answer(response, 200, 'application/json', payload);
      }
      return answer(response, 404, 'text/plain', 'not found');
    } catch (error) {
      return answer(response, 500, 'text/plain', String(error));
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
