import type { ErrorObject } from 'ajv';
import type { JsonSchema, UISchemaElement, ValidationMode } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { useState, type FormEvent } from 'react';
import type { FormPayload, JsonObject } from './payload';
import { secretCellEntry } from './secret-cell';
import { stringMapEntry } from './string-map-renderer';

type Props = { payload: FormPayload; onSubmit: (data: JsonObject) => void };

const cells = [...vanillaCells, secretCellEntry];

const renderers = [...vanillaRenderers, stringMapEntry];

/**
 * The form as JSON Forms (vanilla renderers) renders it from the shipped schema and UI hints.
 * JSON Forms has no submit of its own, so this is the host's part: a Save button that submits
 * valid data, and otherwise turns on the errors JSON Forms keeps hidden until then.
 */
export function JsonFormsForm({ payload, onSubmit }: Props) {
  const [data, setData] = useState<JsonObject>({});
  const [errors, setErrors] = useState<ErrorObject[]>([]);
  const [validationMode, setValidationMode] = useState<ValidationMode>('ValidateAndHide');

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (errors.length > 0) setValidationMode('ValidateAndShow');
    else onSubmit(data);
  };

  return (
    <form className="jsonforms" noValidate onSubmit={save}>
      <JsonForms
        schema={payload.schema as JsonSchema}
        uischema={payload.hints.jsonforms as unknown as UISchemaElement}
        data={data}
        renderers={renderers}
        cells={cells}
        validationMode={validationMode}
        onChange={(state) => {
          setData((state.data ?? {}) as JsonObject);
          setErrors(state.errors ?? []);
        }}
      />
      <button type="submit">Save</button>
    </form>
  );
}
