import { isoSeconds, HISTORY_START } from './dates';
import { ID_KEY, STATE } from './codes';
import { Random, STREAM, tenDigitId } from './random';
import { asciiSlug, FIRST_NAMES, LAST_NAMES } from './vocabulary';

// The small, fixed part of an account: agents, groups, mailboxes and folders. It is built
// once per sandbox; tickets refer to these by their index (0 = none, n = entry n-1).

export interface Agent {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  groupIndexes: number[];
}

export interface Group {
  id: string;
  name: string;
  description: string | null;
}

export interface Mailbox {
  /** A JSON number, unlike every other id (reference/groove-api.md §5.6). */
  id: number;
  name: string;
  email: string;
}

/** Which tickets a folder holds, over the compact per-ticket codes. */
export interface FolderRule {
  states: readonly number[];
  unassignedOnly?: boolean;
  urgentOnly?: boolean;
}

export interface Folder {
  id: string;
  name: string;
  rule: FolderRule;
}

export interface Directory {
  agents: Agent[];
  groups: Group[];
  mailboxes: Mailbox[];
  folders: Folder[];
  /** The account owner: the admin whose token the sandbox hands out. */
  owner: Agent;
}

const GROUPS: ReadonlyArray<[string, string | null]> = [
  ['Support', 'Support Team'],
  ['Billing', 'Invoices, refunds & plan changes'],
  ['Engineering', null],
  ['Ventes & Marketing', 'Équipe commerciale 🇫🇷'],
];

const MAILBOXES: ReadonlyArray<[string, string]> = [
  ['Inbox', 'support@example.com'],
  ['Billing', 'billing@example.com'],
  ['Ventes 🇫🇷', 'ventes@example.fr'],
];

const FOLDERS: ReadonlyArray<[string, FolderRule]> = [
  ['All New & Open', { states: [STATE.unread, STATE.opened] }],
  ['Unread', { states: [STATE.unread] }],
  ['Pending', { states: [STATE.pending] }],
  ['Closed', { states: [STATE.closed] }],
  ['Spam', { states: [STATE.spam] }],
  ['Unassigned', { states: [STATE.unread, STATE.opened], unassignedOnly: true }],
  ['Urgent 🔥', { states: [STATE.unread, STATE.opened, STATE.pending], urgentOnly: true }],
];

const AGENT_COUNT = 8;

/** Folder ids are 7-digit strings in Groove's own fixture (reference/groove-api.md §5.6). */
function sevenDigitId(index: number, key: number): string {
  return String(1_000_000 + (Number(tenDigitId(index, key)) % 9_000_000));
}

export function buildDirectory(seed: number): Directory {
  const random = new Random(seed, STREAM.world);

  const groups = GROUPS.map(([name, description], index) => ({
    id: tenDigitId(index + 1, ID_KEY.group ^ seed),
    name,
    description,
  }));

  const agents: Agent[] = [];
  for (let index = 0; index < AGENT_COUNT; index++) {
    const firstName = index === 0 ? 'Alex' : random.pick(FIRST_NAMES);
    const lastName = index === 0 ? 'Agent' : random.pick(LAST_NAMES);
    agents.push({
      id: tenDigitId(index + 1, ID_KEY.agent ^ seed),
      email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}${index === 0 ? '' : index}@example.com`,
      firstName,
      lastName,
      groupIndexes: [1 + (index % groups.length), ...(index % 3 === 0 ? [1] : [])].filter(
        (value, position, all) => all.indexOf(value) === position,
      ),
    });
  }

  const mailboxes = MAILBOXES.map(([name, email], index) => ({
    id: Number(sevenDigitId(index + 1, ID_KEY.mailbox ^ seed)),
    name,
    email,
  }));

  const folders = FOLDERS.map(([name, rule], index) => ({
    id: sevenDigitId(index + 1, ID_KEY.folder ^ seed),
    name,
    rule,
  }));

  const owner = agents[0];
  if (owner === undefined) throw new RangeError('the directory needs at least one agent');
  return { agents, groups, mailboxes, folders, owner };
}

export function folderHolds(
  rule: FolderRule,
  state: number,
  assignee: number,
  priority: number,
): boolean {
  if (!rule.states.includes(state)) return false;
  if (rule.unassignedOnly === true && assignee !== 0) return false;
  if (rule.urgentOnly === true && priority !== 4) return false;
  return true;
}

/** When the directory entries were created, for fields that want a date. */
export const DIRECTORY_CREATED_AT = isoSeconds(HISTORY_START - 86_400 * 30);
