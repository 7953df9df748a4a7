// Groove's error body format is undocumented (reference/groove-api.md §8, §13.2): it may be
// {error}, {errors} as a string, a list or a Rails-style {field: [messages]} map, {message},
// plain text, HTML or nothing. Every shape yields a short list of readable messages.
const MAX_MESSAGES = 10;
const MAX_MESSAGE_CHARS = 300;
const MESSAGE_KEYS = ['errors', 'error', 'message', 'messages', 'error_description'];

export function grooveMessages(body: string): string[] {
  const text = body.trim();
  if (text === '') return [];

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // An HTML error page says nothing useful and may be long: leave it out.
    return text.startsWith('<') ? [] : [clip(text)];
  }

  return messagesIn(parsed, '', 0)
    .map((message) => clip(message))
    .filter((message) => message !== '')
    .slice(0, MAX_MESSAGES);
}

function messagesIn(value: unknown, field: string, depth: number): string[] {
  if (depth > 3) return [];
  const prefix = field === '' ? '' : `${field} `;

  if (typeof value === 'string') return [`${prefix}${value}`];
  if (typeof value === 'number' || typeof value === 'boolean') return [`${prefix}${value}`];
  if (Array.isArray(value)) return value.flatMap((item) => messagesIn(item, field, depth + 1));
  if (typeof value !== 'object' || value === null) return [];

  const record = value as Record<string, unknown>;
  const key = MESSAGE_KEYS.find((name) => record[name] !== undefined && record[name] !== null);
  if (key !== undefined) return messagesIn(record[key], field, depth + 1);

  // A map of field name to messages, e.g. {"email": ["is invalid"]} -> "email is invalid".
  return Object.entries(record).flatMap(([name, item]) =>
    messagesIn(item, field === '' ? name : `${field}.${name}`, depth + 1),
  );
}

function clip(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length <= MAX_MESSAGE_CHARS ? single : `${single.slice(0, MAX_MESSAGE_CHARS - 1)}…`;
}
