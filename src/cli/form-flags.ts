import type { FlagSpec } from './flags';

/** `--credential FILE`, which check, read and write all require. */
export const CREDENTIAL_FLAG: FlagSpec = {
  type: 'string',
  valueName: 'FILE',
  required: true,
  description: 'The credential form as JSON.',
};

/** `--config FILE`: the source form for read, the destination form for write. */
export function configFlag(form: 'source' | 'destination'): FlagSpec {
  return {
    type: 'string',
    valueName: 'FILE',
    required: true,
    description: `The ${form} form as JSON.`,
  };
}
