import type { FieldIssue } from '../errors';
import { validatorFor } from '../validation/ajv';
import type { DestinationSettings } from './config';
import { isPlainObject, mapRecord } from './mapping';
import type { PlannedRequest } from './operations';
import { recordIssues } from './record-issues';

/** A record ready to send, or the reasons it cannot be. Nothing here touches the network. */
export type PreparedRecord =
  | { ok: true; input: Record<string, unknown>; request: PlannedRequest }
  | { ok: false; issues: FieldIssue[] };

/** Maps one record to its operation's input, validates it, and builds its request. */
export function prepareRecord(record: unknown, settings: DestinationSettings): PreparedRecord {
  const { operation, mapping } = settings;
  if (!isPlainObject(record)) {
    const message = 'The record must be an object of fields.';
    return { ok: false, issues: [{ field: '(root)', label: 'Record', message }] };
  }

  const input = mapRecord(record, operation, mapping);
  const validate = validatorFor(operation.schemaFile);
  if (!validate(input)) {
    return { ok: false, issues: recordIssues(validate.errors ?? [], operation, mapping) };
  }

  const switches = {
    send_copy_to_customer: settings.send_copy_to_customer,
    skip_notifications: settings.skip_notifications,
  };
  return { ok: true, input, request: operation.toRequest(input, switches) };
}
