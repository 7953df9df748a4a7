/** JSON as the test server sends it to the page: plain data, no functions. */
export type JsonObject = { [key: string]: unknown };

/** The renderers a host may use, named as `connector.json`'s `ui_hints` names them. */
export const RENDERERS = ['rjsf', 'jsonforms'] as const;

export type Renderer = (typeof RENDERERS)[number];

/** One form the connector ships: its schema and the UI hints for each renderer. */
export type FormPayload = {
  form: string;
  schema: JsonObject;
  hints: Record<Renderer, JsonObject>;
};
