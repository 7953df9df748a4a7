import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';
import { REPO_ROOT } from './built-cli';

// The protocol's own definition lives beside the repository (CI checks out ../shared with it).
const PROTOCOL_PATH = path.resolve(REPO_ROOT, '..', 'shared/reference/airbyte_protocol_v0.yaml');

// Where each message type carries its payload: the schema leaves the pairing to prose.
const PAYLOAD_OF: Record<string, string> = {
  SPEC: 'spec',
  CONNECTION_STATUS: 'connectionStatus',
  CATALOG: 'catalog',
  RECORD: 'record',
  STATE: 'state',
  LOG: 'log',
  TRACE: 'trace',
};

export interface ProtocolMessage {
  type: string;
  [payload: string]: unknown;
}

let validate: ValidateFunction | undefined;

function protocolValidator(): ValidateFunction {
  if (validate !== undefined) return validate;
  const protocol = YAML.parse(fs.readFileSync(PROTOCOL_PATH, 'utf8')) as Record<string, unknown>;
  // A separate instance: the protocol is third-party, so its own keywords are registered here
  // (strict mode stays on) rather than in the connector's ajv.
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'existingJavaType', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'version', schemaType: 'string' });
  ajv.addSchema(protocol, 'airbyte_protocol');
  validate = ajv.compile({ $ref: 'airbyte_protocol#/definitions/AirbyteMessage' });
  return validate;
}

/**
 * Parses stdout as protocol lines: each must be one JSON AirbyteMessage, valid against the
 * protocol's schema, carrying the payload its type names. Throws naming the first bad line.
 */
export function protocolMessages(stdout: string): ProtocolMessage[] {
  const check = protocolValidator();
  const lines = stdout.split('\n');
  if (lines.at(-1) === '') lines.pop();

  return lines.map((line, index) => {
    let message: ProtocolMessage;
    try {
      message = JSON.parse(line) as ProtocolMessage;
    } catch {
      throw new Error(`stdout line ${index + 1} is not JSON: ${line.slice(0, 200)}`);
    }
    if (!check(message)) {
      throw new Error(
        `stdout line ${index + 1} breaks the protocol: ${JSON.stringify(check.errors)}`,
      );
    }
    const payload = PAYLOAD_OF[message.type];
    if (payload === undefined || message[payload] === undefined) {
      throw new Error(`stdout line ${index + 1} is a ${message.type} without its payload`);
    }
    return message;
  });
}

export function ofType(messages: readonly ProtocolMessage[], type: string): ProtocolMessage[] {
  return messages.filter((message) => message.type === type);
}
