import type { GrooveResponse, HttpMethod } from '../../client/types';
import type { GrooveDestinationConfig } from '../../generated/destination';

export type OperationName = GrooveDestinationConfig['operation'];

/** The form's emailing switches, which win over any value a record carries. */
export interface EmailSwitches {
  send_copy_to_customer: boolean;
  skip_notifications: boolean;
}

/** A request as a dry run shows it and the client sends it: never a header, never the key. */
export interface PlannedRequest {
  method: HttpMethod;
  /** Path under `/v1`, segments encoded. */
  path: string;
  body: Record<string, unknown>;
  /** What the request is about, for error messages, e.g. "ticket 12". */
  subject: string;
  /** False for an update that must not be sent twice (see GrooveRequest.repeatable). */
  repeatable?: boolean;
}

/** What a record became in Groove once the request succeeded. */
export type Outcome =
  | { status: 'created'; ticket_number: number; message_id?: string }
  | { status: 'updated'; ticket_number: number }
  | { status: 'updated'; customer_email: string };

/**
 * One write operation: its input schema, the request an input becomes, and how Groove's answer
 * reads. `Input` is the generated type of the schema; inputs reach these functions only after
 * they passed that schema.
 */
export interface OperationSpec<Input> {
  name: OperationName;
  /** Creates something in Groove: never sent twice, its failures may leave the outcome unknown. */
  creates: boolean;
  /** Path of the input schema under schemas/, as the ajv registry names it. */
  schemaFile: string;
  /** Inputs that hold objects, so a mapping may fill `input.field` from a record field. */
  objectInputs: readonly string[];
  toRequest(input: Input, switches: EmailSwitches): PlannedRequest;
  /** Reads Groove's answer; throws UnexpectedResponseError when it says too little. */
  toOutcome(input: Input, response: GrooveResponse<unknown>): Outcome;
  /** Creates only: how a person checks whether an `unknown` create happened, before resending. */
  howToCheck?(input: Input): string;
}

export type Operation = OperationSpec<Record<string, unknown>>;

/**
 * Erases an operation's input type for the registry. Sound because the destination validates
 * every input against `schemaFile`, whose generated type `Input` is, before calling the spec.
 */
export function defineOperation<Input>(spec: OperationSpec<Input>): Operation {
  return spec as unknown as Operation;
}
