// `shopify-orders`: Shopify admin order export (Orders → Export → CSV for Excel/Numbers or plain
// CSV). Header set as documented in Shopify's help centre ("Exporting orders") and seen in
// every export: Name, Email, Financial Status, Paid at, Fulfillment Status, Fulfilled at,
// Currency, Subtotal, Shipping, Taxes, Total, Discount Code, Discount Amount, Created at,
// Lineitem quantity, Lineitem name, Lineitem price, Lineitem sku, Lineitem discount, Billing …,
// Shipping Province, Cancelled at, Refunded Amount, Source, Id, Tags.
//
// Layout: one row per line item; the order-level fields (Email, Financial Status, Paid at,
// Created at, Total, Refunded Amount, addresses …) are filled on an order's first row only and
// left blank on the rows after it, so the statuses, times and buyer are carried forward within
// an order. Money columns at order level (Shipping, Refunded Amount) are deliberately NOT
// carried: they stay on the first line, so each order's amount is counted once. There is no
// line amount column: a line's paid amount is Lineitem price × Lineitem quantity − Lineitem
// discount. Timestamps carry their UTC offset (2026-07-03 14:22:05 +0800).
import type { Cells, Preset } from './types.js';
import { refundStatus } from './types.js';

const lineAmount = (cells: Readonly<Cells>): number | null => {
  const price = cells['unit_price'];
  const quantity = cells['quantity'];
  if (typeof price !== 'number' || typeof quantity !== 'number') return null;
  const discount = typeof cells['discount'] === 'number' ? cells['discount'] : 0;
  return price * quantity - discount;
};

export const shopifyOrders: Preset = {
  name: 'shopify-orders',
  refundMayExceedPaid: true,
  table: 'order_lines',
  columns: {
    order_id: ['Name', 'Order Name'],
    customer_id: ['Email', 'Customer Email', 'Customer ID'],
    status: ['Financial Status'],
    paid_at: ['Paid at'],
    created_at: ['Created at'],
    shipped_at: ['Fulfilled at'],
    quantity: ['Lineitem quantity'],
    product_name: ['Lineitem name'],
    unit_price: ['Lineitem price'],
    sku: ['Lineitem sku'],
    discount: ['Lineitem discount'],
    shipping: ['Shipping'],
    refund_amount: ['Refunded Amount'],
    channel: ['Source'],
    region: ['Shipping Province', 'Shipping Province Name', 'Billing Province'],
    category: ['Vendor', 'Product Type'],
  },
  statuses: {
    pending: 'pending',
    authorized: (c) => refundStatus(c, 'paid'),
    paid: (c) => refundStatus(c, 'paid'),
    partially_paid: (c) => refundStatus(c, 'paid'),
    partially_refunded: 'partially_refunded',
    refunded: 'refunded',
    voided: 'cancelled',
    expired: 'cancelled',
    // The admin shows the same statuses with words ("Partially refunded").
    'partially paid': (c) => refundStatus(c, 'paid'),
    'partially refunded': 'partially_refunded',
  },
  carryForward: ['status', 'paid_at', 'created_at', 'shipped_at', 'customer_id', 'channel', 'region'],
  derive: [{ field: 'paid_amount', needs: ['unit_price', 'quantity'], compute: lineAmount }],
};
