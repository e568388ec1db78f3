// A canonical order line for literal test tables: every field defaults to "absent", so a test
// states only what its hand-worked sum depends on.
import type { OrderLine } from '../../src/canonical.js';

export function line(p: Partial<OrderLine> & Pick<OrderLine, 'platform' | 'orderId'>): OrderLine {
  return {
    lineId: '1',
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
