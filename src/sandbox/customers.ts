import { ID_KEY } from './codes';
import { isoSeconds, HISTORY_START } from './dates';
import { parseTenDigitId, Random, STREAM, tenDigitId } from './random';
import type { Json, JsonObject } from './types';
import {
  asciiSlug,
  COMPANIES,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  LOCATIONS,
  PLANS,
} from './vocabulary';

/** The writable profile fields of a customer (reference/groove-api.md §4.3). */
export const CUSTOMER_TEXT_FIELDS = [
  'name',
  'about',
  'twitter_username',
  'title',
  'company_name',
  'phone_number',
  'location',
  'website_url',
  'linkedin_username',
] as const;
export type CustomerTextField = (typeof CUSTOMER_TEXT_FIELDS)[number];

export interface Customer {
  index: number;
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  text: Record<CustomerTextField, string | null>;
  custom: JsonObject;
}

const AVATAR_MISSING = 'https://groovehq.com/avatars/original/missing.png';

/** Seeded customers generated on demand, plus the ones written since start. */
export class CustomerBook {
  private readonly written = new Map<number, Customer>();
  private readonly writtenByEmail = new Map<string, number>();
  private created = 0;

  constructor(
    private readonly seed: number,
    private readonly seededCount: number,
  ) {}

  get count(): number {
    return this.seededCount + this.created;
  }

  get(index: number): Customer | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.written.get(index) ?? this.generate(index);
  }

  /** By e-mail (any case) or by 10-digit id, as Groove accepts both (§13.12). */
  find(key: string): Customer | undefined {
    const email = key.toLowerCase();
    const writtenIndex = this.writtenByEmail.get(email);
    if (writtenIndex !== undefined) return this.get(writtenIndex);

    const idValue = parseTenDigitId(key, ID_KEY.customer ^ this.seed);
    const candidate =
      idValue !== undefined ? idValue - 1 : Number(/\.(\d+)@/.exec(email)?.[1] ?? NaN);
    if (!Number.isInteger(candidate)) return undefined;

    const customer = this.get(candidate);
    if (customer === undefined) return undefined;
    const matches = idValue !== undefined || customer.email.toLowerCase() === email;
    return matches ? customer : undefined;
  }

  create(email: string, text: Partial<Record<CustomerTextField, string | null>>): Customer {
    const index = this.count;
    this.created++;
    const name = text.name ?? null;
    const customer: Customer = {
      index,
      id: tenDigitId(index + 1, ID_KEY.customer ^ this.seed),
      email,
      firstName: name?.split(' ')[0] ?? null,
      lastName: name?.split(' ').slice(1).join(' ') || null,
      text: { ...emptyText(), ...text },
      custom: {},
    };
    this.save(customer, undefined);
    return customer;
  }

  update(customer: Customer, changes: Partial<Customer>): Customer {
    const updated = { ...customer, ...changes };
    this.save(updated, customer.email);
    return updated;
  }

  private save(customer: Customer, previousEmail: string | undefined): void {
    if (previousEmail !== undefined) this.writtenByEmail.delete(previousEmail.toLowerCase());
    this.written.set(customer.index, customer);
    this.writtenByEmail.set(customer.email.toLowerCase(), customer.index);
  }

  private generate(index: number): Customer {
    const random = new Random(this.seed, STREAM.customer, index);
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const rich = random.chance(0.6);
    const text = emptyText();
    text.name = random.chance(0.05)
      ? `${firstName} ${lastName}`.toLowerCase()
      : `${firstName} ${lastName}`;
    if (rich) {
      text.company_name = random.pick(COMPANIES);
      text.title = random.chance(0.5) ? random.pick(JOB_TITLES) : null;
      text.location = random.pick(LOCATIONS);
      text.phone_number = random.chance(0.5)
        ? `+1 555 ${String(random.int(0, 9999)).padStart(4, '0')}`
        : null;
      text.about = random.chance(0.3) ? 'Prefers e-mail.\nSpeaks 🇬🇧 & 🇩🇪.' : null;
      text.twitter_username = random.chance(0.2) ? asciiSlug(firstName) : null;
      text.website_url = random.chance(0.3) ? `https://${asciiSlug(lastName)}.example.org` : null;
      text.linkedin_username = random.chance(0.2) ? `${asciiSlug(firstName)}-${index}` : null;
    }
    return {
      index,
      id: tenDigitId(index + 1, ID_KEY.customer ^ this.seed),
      email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}.${index}@example.net`,
      firstName,
      lastName,
      text,
      custom: rich ? customFields(random, index) : {},
    };
  }
}

function emptyText(): Record<CustomerTextField, string | null> {
  return Object.fromEntries(CUSTOMER_TEXT_FIELDS.map((field) => [field, null])) as Record<
    CustomerTextField,
    string | null
  >;
}

/** Free attributes of mixed types, as accounts really fill them in. */
function customFields(random: Random, index: number): JsonObject {
  const custom: Record<string, Json> = {};
  if (random.chance(0.8)) custom.plan = random.pick(PLANS);
  if (random.chance(0.6)) custom.seats = random.int(1, 500);
  if (random.chance(0.5)) custom.vip = random.chance(0.2);
  if (random.chance(0.4)) custom.mrr = Math.round(random.next() * 500000) / 100;
  if (random.chance(0.4)) custom.signed_up_at = isoSeconds(HISTORY_START - random.int(0, 9e7));
  if (random.chance(0.3)) custom['Account ID'] = String(index).padStart(8, '0');
  if (random.chance(0.2)) custom.notes = null;
  if (random.chance(0.2)) custom.regions = random.some(['EU', 'US', 'APAC', 'LATAM'], 3);
  if (random.chance(0.1)) custom.billing = { currency: 'EUR', net_days: random.int(7, 60) };
  return custom;
}

export function serializeCustomer(customer: Customer, origin: string): JsonObject {
  return {
    href: `${origin}/v1/customers/${customer.email}`,
    links: {
      tickets: { href: `${origin}/v1/tickets?customer=${encodeURIComponent(customer.email)}` },
    },
    id: customer.id,
    type: 'Customer',
    email: customer.email,
    name: customer.text.name,
    first_name: customer.firstName,
    last_name: customer.lastName,
    about: customer.text.about,
    twitter_username: customer.text.twitter_username,
    title: customer.text.title,
    company_name: customer.text.company_name,
    phone_number: customer.text.phone_number,
    location: customer.text.location,
    website_url: customer.text.website_url,
    linkedin_username: customer.text.linkedin_username,
    custom: customer.custom,
    avatar_url: AVATAR_MISSING,
  };
}
