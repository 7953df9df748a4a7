import type { Command } from '../command';
import { sandboxCommand } from './sandbox';
import { specCommand } from './spec';

/** Every command of `groove-connector`, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [specCommand, sandboxCommand];
