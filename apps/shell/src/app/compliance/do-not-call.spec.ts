import type { Customer } from '../customers/customer';
import { CUSTOMERS } from '../customers/customers.data';
import { fakeDesk } from '../../testing/fake-desk';
import { doNotCallInterceptor, installCrmPolicies } from './do-not-call';

const customer = (overrides: Partial<Customer>): Customer => ({
  id: 'x1',
  name: 'Ann Li',
  company: 'Contoso',
  city: 'Shanghai',
  mobile: '+8613800000001',
  tier: 'Gold',
  email: 'ann@example.com',
  ...overrides,
});

describe('the do-not-call interceptor', () => {
  const list = [customer({ doNotCall: true }), customer({ id: 'x2', name: 'Bo Wu', mobile: '+8613800000002' })];
  const before = doNotCallInterceptor(list).before!;

  it.each(['+8613800000001', '13800000001', '0086 138-0000-0001'])('blocks a listed customer’s number spelled %s, naming them', (phoneNumber) => {
    expect(before({ command: 'call.dial', args: [{ phoneNumber }] })).toEqual({ block: 'Ann Li is on the do-not-call list: their number may not be dialled.' });
  });

  it('lets other customers and unknown numbers through', () => {
    expect(before({ command: 'call.dial', args: [{ phoneNumber: '+8613800000002' }] })).toBeUndefined();
    expect(before({ command: 'call.dial', args: [{ phoneNumber: '10086' }] })).toBeUndefined();
  });

  it('the demo data lists exactly one customer (c004)', () => {
    expect(CUSTOMERS.filter((c) => c.doNotCall).map((c) => c.id)).toEqual(['c004']);
  });

  it('is installed once per desk', () => {
    const { desk, asDesk } = fakeDesk();
    installCrmPolicies(asDesk, list);
    installCrmPolicies(asDesk, list);
    expect(desk.intercept).toHaveBeenCalledTimes(1);
    expect(desk.intercept).toHaveBeenCalledWith('call.dial', expect.objectContaining({ before: expect.any(Function) }));
  });
});
