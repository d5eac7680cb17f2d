/**
 * 50 demo customers, generated deterministically (a fixed-seed PRNG): the same list on every load
 * and in every test. The first few have fixed numbers so demos and e2e tests can ring them.
 */
import type { Customer } from './customer';

export const CUSTOMER_COUNT = 50;

/** mulberry32: a tiny, well-distributed 32-bit PRNG. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Wei', 'Fang', 'Li', 'Min', 'Jing', 'Lei', 'Yan', 'Hao', 'Xin', 'Tao', 'Ying', 'Jun', 'Lan', 'Bo', 'Hui', 'Qiang'];
const FAMILY = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo'];
const COMPANY = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adventure Works', 'Proseware', 'Wide World', 'Fourth Coffee', 'Lucerne'];
const SUFFIX = ['Trading', 'Logistics', 'Retail', 'Foods', 'Tech', 'Travel', 'Health', 'Media'];
const CITY = ['Shanghai', 'Beijing', 'Shenzhen', 'Guangzhou', 'Hangzhou', 'Chengdu', 'Wuhan', 'Nanjing', "Xi'an", 'Suzhou'];
const PREFIX = ['138', '139', '136', '150', '151', '158', '186', '187', '131', '177'];
const TIERS: Customer['tier'][] = ['Gold', 'Silver', 'Silver', 'Bronze', 'Bronze', 'Bronze'];

/** Numbers the demos and e2e tests use: ring one of these and the screen pop finds the customer. */
export const DEMO_CALLERS = {
  first: '+8613800138000',
  second: '+8613912345678',
  officeOfThird: '+862161234567',
} as const;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function digits(random: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += Math.floor(random() * 10);
  return out;
}

export function generateCustomers(count = CUSTOMER_COUNT, seed = 20_240_601): Customer[] {
  const random = prng(seed);
  const customers: Customer[] = [];
  const usedNumbers = new Set<string>(Object.values(DEMO_CALLERS));
  for (let i = 0; i < count; i += 1) {
    const given = pick(random, GIVEN);
    const family = pick(random, FAMILY);
    const company = `${pick(random, COMPANY)} ${pick(random, SUFFIX)}`;
    let mobile = `+86${pick(random, PREFIX)}${digits(random, 8)}`;
    while (usedNumbers.has(mobile)) mobile = `+86${pick(random, PREFIX)}${digits(random, 8)}`;
    usedNumbers.add(mobile);
    const hasOffice = random() < 0.5;
    const office = hasOffice ? `+8621${digits(random, 8)}` : undefined;
    customers.push({
      id: `c${String(i + 1).padStart(3, '0')}`,
      name: `${given} ${family}`,
      company,
      city: pick(random, CITY),
      mobile,
      ...(office ? { office } : {}),
      tier: pick(random, TIERS),
      email: `${given}.${family}${i + 1}@${company.split(' ')[0]!.toLowerCase()}.example.com`.toLowerCase(),
    });
  }
  // Fixed demo numbers (overriding the generated ones) for the first three customers.
  customers[0] = { ...customers[0]!, mobile: DEMO_CALLERS.first };
  customers[1] = { ...customers[1]!, mobile: DEMO_CALLERS.second };
  customers[2] = { ...customers[2]!, office: DEMO_CALLERS.officeOfThird };
  // One customer who asked not to be called: the do-not-call demo (compliance/do-not-call.ts).
  customers[3] = { ...customers[3]!, doNotCall: true };
  return customers;
}

export const CUSTOMERS: readonly Customer[] = Object.freeze(generateCustomers());
