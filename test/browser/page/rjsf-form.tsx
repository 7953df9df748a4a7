import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import type { FormPayload, JsonObject } from './payload';

type Props = { payload: FormPayload; onSubmit: (data: JsonObject) => void };

/**
 * The form as react-jsonschema-form renders it from the shipped schema and UI hints. The host's
 * own parts are only the Save button (the seed overlay's) and showing errors in the page rather
 * than in the browser's validation bubbles, so a test can read them.
 */
export function RjsfForm({ payload, onSubmit }: Props) {
  const uiSchema: UiSchema = {
    ...payload.hints.rjsf,
    'ui:submitButtonOptions': { submitText: 'Save' },
  };

  return (
    <Form
      schema={payload.schema as RJSFSchema}
      uiSchema={uiSchema}
      validator={validator}
      noHtml5Validate
      onSubmit={({ formData }) => onSubmit(formData as JsonObject)}
      // rjsf shows the errors in the form; without a handler it also logs them as console errors.
      onError={() => undefined}
    />
  );
}
