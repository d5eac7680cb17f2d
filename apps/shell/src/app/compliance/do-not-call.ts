/**
 * The CRM's do-not-call list as a desk interceptor: `call.dial` to a number of a customer who
 * asked not to be called is refused before it reaches the contact center (the desk rejects with
 * `command_blocked` and this reason; the platform never sees the call). Whoever dials, the CRM's
 * click-to-dial or the desk panel's own dialer, goes through the same rule.
 */
import type { CommandInterceptor, Desk } from 'tccc_remote/desk';
import type { Customer } from '../customers/customer';
import { customerNumbers, findCustomerByPhone } from '../customers/phone-match';

export function doNotCallInterceptor(customers: readonly Customer[]): CommandInterceptor<'call.dial'> {
  const listed = customers.filter((customer) => customer.doNotCall);
  return {
    before({ args: [options] }) {
      const customer = findCustomerByPhone(listed, options.phoneNumber);
      if (!customer) return undefined;
      const number = customerNumbers(customer).length > 1 ? 'this number' : 'their number';
      return { block: `${customer.name} is on the do-not-call list: ${number} may not be dialled.` };
    },
  };
}

// Each desk once (the shell may hand the same page desk over again after a reload of the remote).
const guarded = new WeakSet<Desk>();

/** Puts the CRM's rules on a desk (once per desk instance). */
export function installCrmPolicies(desk: Desk, customers: readonly Customer[]): void {
  if (guarded.has(desk)) return;
  guarded.add(desk);
  desk.intercept('call.dial', doNotCallInterceptor(customers));
}
