// A canonical order line for literal test tables: every field defaults to "absent", so a test
// states only what its hand-worked sum depends on.
import type { OrderLine } from '../../src/canonical.js';

// Order and buyer keys as ingest gives them: one dense number per distinct (platform, id),
// shared by every table a test file builds.
const orderKeys = new Map<string, number>();
const buyerKeys = new Map<string, number>();

export function keyOf(keys: Map<string, number>, platform: string, id: string): number {
  const k = `${platform}\u0000${id}`;
  let n = keys.get(k);
  if (n === undefined) {
    n = keys.size;
    keys.set(k, n);
  }
  return n;
}

export function line(p: Partial<OrderLine> & Pick<OrderLine, 'platform' | 'orderId'>): OrderLine {
  const customerId = p.customerId ?? null;
  return {
    lineId: '1',
    orderKey: keyOf(orderKeys, p.platform, p.orderId),
    buyerKey: customerId === null ? -1 : keyOf(buyerKeys, p.platform, customerId),
    createdAt: p.paidAt ?? null,
    paidAt: null,
    customerId: null,
    sku: null,
    productName: null,
    category: null,
    quantity: 1,
    unitPriceMinor: null,
    paidAmountMinor: 0,
    discountMinor: 0,
    shippingMinor: 0,
    status: 'completed',
    refundAmountMinor: 0,
    refundReason: null,
    channel: null,
    campaign: null,
    region: null,
    shippedAt: null,
    deliveredAt: null,
    promisedAt: null,
    isLive: null,
    ...p,
  };
}
