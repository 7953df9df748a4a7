import { parseArgs } from 'node:util';
import { InvalidInputError } from '../errors';

/** One command-line flag: how it parses and how `--help` describes it. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Shown after the flag in help, e.g. FILE or N. */
  valueName?: string;
  required?: boolean;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export type FlagValues = Readonly<Record<string, string | boolean | undefined>>;

/** Flags people reach for that would put the key in process lists and shell history. */
const SECRET_FLAGS = new Set(['api-key', 'api_key', 'key', 'token', 'apikey']);

/** A bad command line, named by its flag; never echoes a value (it could be a key). */
export function flagError(flag: string, message: string): InvalidInputError {
  return new InvalidInputError('command line', [{ field: flag, label: flag, message }]);
}

/** Parses `argv` strictly against `specs`: unknown flags, missing values and strays are errors. */
export function parseFlags(specs: FlagSpecs, argv: readonly string[]): FlagValues {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, { type: spec.type }]),
  );

  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw describeParseError(error);
  }

  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required === true && values[name] === undefined) {
      const value = spec.valueName === undefined ? '' : ` ${spec.valueName}`;
      throw flagError(`--${name}`, `missing: give it as --${name}${value}.`);
    }
  }
  return values;
}

function describeParseError(error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  const text = error instanceof Error ? error.message : '';
  // Node's messages quote the offending argument; keep only a flag's name, never a value.
  const quoted = /'([^']*)'/.exec(text)?.[1] ?? '';
  const flag = quoted.startsWith('-') ? (quoted.split(/[=\s]/)[0] ?? quoted) : '';

  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    if (SECRET_FLAGS.has(flag.replace(/^-+/, ''))) {
      return flagError(
        flag,
        `not accepted: a key on the command line shows in process lists and shell history. Put it in the credential file (api_key) or the GROOVE_API_KEY environment variable.`,
      );
    }
    return flagError(flag, 'not a flag of this command; see --help.');
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return flagError(flag, 'needs a value, or takes none; see --help.');
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return flagError('arguments', 'this command takes only flags; see --help.');
  }
  return flagError('arguments', 'they could not be read; see --help.');
}

/** A whole number within bounds, or an error naming the flag. */
export function integerFlag(
  values: FlagValues,
  name: string,
  bounds: { min: number; max: number },
): number | undefined {
  const raw = values[name];
  if (raw === undefined || typeof raw === 'boolean') return undefined;

  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || value < bounds.min || value > bounds.max) {
    throw flagError(`--${name}`, `must be a whole number from ${bounds.min} to ${bounds.max}.`);
  }
  return value;
}

export function stringFlag(values: FlagValues, name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : undefined;
}

/** The FLAGS section of a command's help. */
export function describeFlags(specs: FlagSpecs): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const value = spec.valueName === undefined ? '' : ` ${spec.valueName}`;
    const required = spec.required === true ? ' (required)' : '';
    return [`  --${name}${value}`, `${spec.description}${required}`] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => left.padEnd(width) + right).join('\n');
}
