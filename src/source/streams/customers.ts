import { singleListStream } from './single-list';

export const customersStream = singleListStream(
  'customers',
  '/customers',
  'customers',
  'Customers (GET /customers), keyed by email. Groove gives customers no update time, so every read lists them all.',
);
