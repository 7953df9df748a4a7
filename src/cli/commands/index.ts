import type { Command } from '../command';
import { checkCommand } from './check';
import { demoCommand } from './demo';
import { discoverCommand } from './discover';
import { readCommand } from './read';
import { sandboxCommand } from './sandbox';
import { specCommand } from './spec';
import { writeCommand } from './write';

/** Every command of `groove-connector`, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  specCommand,
  checkCommand,
  discoverCommand,
  readCommand,
  writeCommand,
  sandboxCommand,
  demoCommand,
];
