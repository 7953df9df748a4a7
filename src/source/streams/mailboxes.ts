import { singleListStream } from './single-list';

export const mailboxesStream = singleListStream(
  'mailboxes',
  '/mailboxes',
  'mailboxes',
  'Mailboxes (GET /mailboxes).',
);
