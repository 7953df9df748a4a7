import { CUSTOMER_TEXT_FIELDS, serializeCustomer, type Customer } from './customers';
import type { Agent } from './directory';
import {
  invalid,
  isEmail,
  isRecord,
  notFound,
  ok,
  pageEnvelope,
  pageRequest,
  type Reply,
  type RequestContext,
} from './http-kit';
import type { Json, JsonObject } from './types';

// Customers and agents. Both are addressed by e-mail in paths, URL-encoded by the client
// (reference/groove-api.md §13.12); the router decodes path segments before they get here.

export function listCustomers(context: RequestContext): Reply {
  const { customers } = context.account;
  const request = pageRequest(context.query);
  const items: Json[] = [];
  const end = Math.min(customers.count, request.offset + request.perPage);
  for (let index = request.offset; index < end; index++) {
    const customer = customers.get(index);
    if (customer !== undefined) items.push(serializeCustomer(customer, context.origin));
  }
  return pageEnvelope(context, 'customers', items, customers.count, request);
}

export function getCustomer(context: RequestContext, key: string): Reply {
  const customer = context.account.customers.find(key);
  if (customer === undefined) return notFound('Customer');
  return ok({ customer: serializeCustomer(customer, context.origin) });
}

/** PUT /customers/:email (§4.3): `email` is required; a different one changes it. */
export function updateCustomer(context: RequestContext, key: string): Reply {
  const { customers } = context.account;
  const customer = customers.find(key);
  if (customer === undefined) return notFound('Customer');

  const body = isRecord(context.body) ? context.body : {};
  const errors: string[] = [];
  if (!isEmail(body.email)) errors.push('email must be an e-mail address');
  const text = { ...customer.text };
  for (const field of CUSTOMER_TEXT_FIELDS) {
    const value = body[field];
    if (typeof value === 'string' || value === null) text[field] = value;
    else if (value !== undefined) errors.push(`${field} must be text`);
  }
  if (body.custom !== undefined && !isRecord(body.custom)) errors.push('custom must be an object');
  const email = isEmail(body.email) ? body.email : customer.email;
  const holder = customers.find(email);
  if (holder !== undefined && holder.index !== customer.index) {
    errors.push('email has already been taken');
  }
  if (errors.length > 0) return invalid(errors);

  // Custom attributes merge into the existing ones; a key sent as null stays, as null.
  const custom = isRecord(body.custom)
    ? { ...customer.custom, ...(body.custom as JsonObject) }
    : customer.custom;
  const changes: Partial<Customer> = { email, text, custom };
  if (typeof body.name === 'string') {
    const [first, ...rest] = body.name.split(' ');
    changes.firstName = first ?? null;
    changes.lastName = rest.join(' ') || null;
  }
  const updated = customers.update(customer, changes);
  return ok({ customer: serializeCustomer(updated, context.origin) });
}

/** Agents: no id in the body and no pagination (reference/groove-samples/agents-list.json). */
export function serializeAgent(agent: Agent, origin: string): JsonObject {
  return {
    email: agent.email,
    first_name: agent.firstName,
    last_name: agent.lastName,
    href: `${origin}/v1/agents/${agent.email}`,
    links: {
      tickets: { href: `${origin}/v1/tickets?assignee=${encodeURIComponent(agent.email)}` },
    },
  };
}

export function listAgents(context: RequestContext): Reply {
  const { directory } = context.account;
  const groupId = context.query.get('group');
  const groupPosition = directory.groups.findIndex((group) => group.id === groupId);
  const agents =
    groupId === null
      ? directory.agents
      : directory.agents.filter((agent) => agent.groupIndexes.includes(groupPosition + 1));
  return ok({ agents: agents.map((agent) => serializeAgent(agent, context.origin)) });
}

export function getAgent(context: RequestContext, email: string): Reply {
  const agent = context.account.directory.agents.find(
    (candidate) => candidate.email.toLowerCase() === email.toLowerCase(),
  );
  if (agent === undefined) return notFound('Agent');
  return ok({ agent: serializeAgent(agent, context.origin) });
}
