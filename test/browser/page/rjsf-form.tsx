import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import type { FormPayload, JsonObject } from './payload';

type Props = { payload: FormPayload; onSubmit: (data: JsonObject) => void };

/**
 * The form as react-jsonschema-form renders it from the shipped schema and UI hints. The host's
 * own parts: the Save button (the seed overlay's), errors shown in the page rather than in the
 * browser's validation bubbles (so a test can read them), and no pre-filled optional lists.
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
      // By default rjsf pre-fills every optional list that has minItems with one empty item,
      // hidden or not (the source form's Ticket Numbers), and that empty item fails validation.
      experimental_defaultFormStateBehavior={{ arrayMinItems: { populate: 'requiredOnly' } }}
      onSubmit={({ formData }) => onSubmit(formData as JsonObject)}
      // rjsf shows the errors in the form; without a handler it also logs them as console errors.
      onError={() => undefined}
    />
  );
}
