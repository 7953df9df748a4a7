import {
  and,
  isObjectControl,
  rankWith,
  schemaMatches,
  type ControlProps,
  type JsonFormsRendererRegistryEntry,
} from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useState } from 'react';

type Row = { name: string; value: string };

function toMap(rows: Row[]): Record<string, string> | undefined {
  const named = rows.filter((row) => row.name !== '');
  return named.length === 0 ? undefined : Object.fromEntries(named.map((r) => [r.name, r.value]));
}

/**
 * JSON Forms' vanilla renderers draw nothing for an object that has only `additionalProperties`
 * (a free-form map such as the destination's Field Mapping). This control edits such a map as
 * rows of name and value; rows live in local state so renaming a name keeps its place.
 */
function StringMapControl(props: ControlProps) {
  const { data, path, handleChange, label, description, id, visible, errors, required } = props;
  const initial = Object.entries((data ?? {}) as Record<string, string>);
  const [rows, setRows] = useState<Row[]>(initial.map(([name, value]) => ({ name, value })));

  const update = (next: Row[]) => {
    setRows(next);
    handleChange(path, toMap(next));
  };
  const edit = (index: number, change: Partial<Row>) =>
    update(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <div
      className="control string-map"
      id={id}
      hidden={!visible}
      role="group"
      aria-labelledby={`${id}-label`}
    >
      <label id={`${id}-label`}>{`${label}${required ? '*' : ''}`}</label>
      {rows.map((row, index) => (
        <div className="string-map-row" key={index}>
          <input
            aria-label={`${label} ${index + 1}: input name`}
            value={row.name}
            onChange={(event) => edit(index, { name: event.target.value })}
          />
          <input
            aria-label={`${label} ${index + 1}: record field`}
            value={row.value}
            onChange={(event) => edit(index, { value: event.target.value })}
          />
          <button type="button" onClick={() => update(rows.filter((_, i) => i !== index))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => update([...rows, { name: '', value: '' }])}>
        Add to {label}
      </button>
      <div className="validation input-description">{errors === '' ? description : errors}</div>
    </div>
  );
}

const isStringMap = schemaMatches(
  (schema) =>
    schema.properties === undefined &&
    typeof schema.additionalProperties === 'object' &&
    schema.additionalProperties.type === 'string',
);

export const stringMapEntry: JsonFormsRendererRegistryEntry = {
  tester: rankWith(5, and(isObjectControl, isStringMap)),
  renderer: withJsonFormsControlProps(StringMapControl),
};
