import { describe, expect, it } from 'vitest';
import { customersForWindow, tenantHandlers } from '../../electron/core/app/handlers/tenants';
import type { Services } from '../../electron/core/app/services';
import type { CustomerList, CustomerTenant } from '../../electron/ipc/customers';

const customer = (n: number, name = `Customer ${n}`): CustomerTenant => ({
  tenantId: `${String(n).padStart(8, '0')}-1111-4111-8111-111111111111`,
  name,
  domain: `customer${n}.onmicrosoft.com`,
  inPartnerCenter: true,
  dap: 'unknown',
  relationships: [],
});

describe('the customer list as the window gets it', () => {
  it('makes names safe to show without copying the customers whose names need nothing, once per list', () => {
    const customers = [customer(1), customer(2, 'Evil\u202Egnp.exe Ltd'), customer(3)];

    const shown = customersForWindow(customers);

    expect(shown.map((c) => c.name)).toEqual(['Customer 1', 'Evil gnp.exe Ltd', 'Customer 3']);
    // The same objects where nothing changed: no second copy of 10,000 customers.
    expect(shown[0]).toBe(customers[0]);
    expect(shown[2]).toBe(customers[2]);
    expect(customers[1]!.name).toBe('Evil\u202Egnp.exe Ltd');
    expect(customersForWindow(customers)).toBe(shown);
  });

  it('hands over the first screen with the total when asked for the first N, and the whole list otherwise', async () => {
    const list: CustomerList = { customers: Array.from({ length: 100 }, (_, i) => customer(i)), fetchedAt: '2026-12-01T08:00:00.000Z', fromCache: true };
    // No first-screen file saved: the handler cuts the whole list.
    const handlers = tenantHandlers({ customers: { list: async () => list, firstScreen: async () => undefined } } as unknown as Services, {});

    const first = await handlers['tenants.list']({ profileId: 'p1', refresh: false, first: 30 });
    const whole = await handlers['tenants.list']({ profileId: 'p1', refresh: false });

    expect(first).toMatchObject({ fetchedAt: list.fetchedAt, fromCache: true, total: 100 });
    expect(first.customers).toEqual(list.customers.slice(0, 30));
    expect(whole.total).toBeUndefined();
    expect(whole.customers).toHaveLength(100);
    expect((await handlers['tenants.list']({ profileId: 'p1', refresh: false, first: 500 })).total).toBeUndefined();
  });
});
