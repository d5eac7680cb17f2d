/**
 * Matching a caller's number to a customer. Numbers arrive in many spellings (+86 138…, 0086…,
 * 138-0013-8000, 021 6123 4567 for a Shanghai landline…): compare the national number, digits only.
 */
import type { Customer } from './customer';

const CHINA = '86';

/** Digits of the national significant number: no +, no 00/86 prefix, no trunk 0. */
export function nationalNumber(raw: string | undefined | null): string {
  if (!raw) return '';
  let digits = raw.replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  // A country code is only there if the number is longer than a national one (11 digits max in China).
  if (digits.startsWith(CHINA) && digits.length > 11) digits = digits.slice(2);
  if (digits.startsWith('0')) digits = digits.slice(1);
  return digits;
}

export function samePhoneNumber(a: string | undefined, b: string | undefined): boolean {
  const left = nationalNumber(a);
  return left.length >= 5 && left === nationalNumber(b);
}

export function customerNumbers(customer: Customer): string[] {
  return customer.office ? [customer.mobile, customer.office] : [customer.mobile];
}

export function findCustomerByPhone(customers: readonly Customer[], phoneNumber: string | undefined): Customer | null {
  if (nationalNumber(phoneNumber).length < 5) return null;
  return customers.find((customer) => customerNumbers(customer).some((n) => samePhoneNumber(n, phoneNumber))) ?? null;
}
