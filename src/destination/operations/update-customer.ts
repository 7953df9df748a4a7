import type { UpdateCustomerInput } from '../../generated/operations/update_customer';
import { defineOperation } from './operation';
import { customerPath } from './paths';

/** `PUT /customers/:customer_email` (reference/groove-api.md §4.3). */
export const updateCustomer = defineOperation<UpdateCustomerInput>({
  name: 'update_customer',
  creates: false,
  schemaFile: 'operations/update_customer.schema.json',
  objectInputs: ['custom'],

  toRequest(input) {
    // The path finds the customer by its current email; a different `email` in the body
    // changes it (§4.3), which is what `new_email` asks for.
    const { email, new_email: newEmail, ...fields } = input;
    return {
      method: 'PUT',
      path: customerPath(email),
      body: { email: newEmail ?? email, ...fields },
      subject: `customer ${email}`,
      // A rename moves the customer away from this path: sent again after it took effect, it
      // finds no customer (404), so it is not safe to repeat.
      ...(newEmail === undefined || newEmail === email ? {} : { repeatable: false }),
    };
  },

  howToCheck(input) {
    return `Look the customer up in Groove by ${input.new_email ?? input.email}: if found, the update took effect.`;
  },

  toOutcome(input) {
    return { status: 'updated', customer_email: input.new_email ?? input.email };
  },
});
