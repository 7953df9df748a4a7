import {
  and,
  isStringControl,
  optionIs,
  rankWith,
  type CellProps,
  type JsonFormsCellRendererRegistryEntry,
} from '@jsonforms/core';
import { withJsonFormsCellProps } from '@jsonforms/react';
import { withVanillaCellProps, type VanillaRendererProps } from '@jsonforms/vanilla-renderers';

/**
 * JSON Forms' vanilla text cell masks a field whose UI schema says `format: "password"`, but it
 * cannot set `autocomplete`, so the browser would offer to fill a saved password into the API
 * key. This cell is that text cell plus the UI schema's `autocomplete` option.
 */
function SecretCell(props: CellProps & VanillaRendererProps) {
  const { data, className, id, enabled, uischema, path, handleChange } = props;
  const options = (uischema.options ?? {}) as { autocomplete?: string; placeholder?: string };

  return (
    <input
      type="password"
      autoComplete={options.autocomplete}
      value={typeof data === 'string' ? data : ''}
      onChange={(event) => handleChange(path, event.target.value || undefined)}
      className={className}
      id={id}
      disabled={!enabled}
      placeholder={options.placeholder}
    />
  );
}

/** Outranks the vanilla text cell (rank 1) and text-area cell (rank 2) for masked fields. */
export const secretCellEntry: JsonFormsCellRendererRegistryEntry = {
  tester: rankWith(3, and(isStringControl, optionIs('format', 'password'))),
  cell: withJsonFormsCellProps(withVanillaCellProps(SecretCell)),
};
