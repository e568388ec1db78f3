// `amazon-orders`: Amazon Seller Central "All Orders Report" (Reports → Fulfillment → All Orders,
// flat file, tab-separated .txt), one row per order item. Header set as documented for that
// report: amazon-order-id, merchant-order-id, purchase-date, last-updated-date, order-status,
// fulfillment-channel, sales-channel, order-channel, ship-service-level, product-name, sku,
// asin, item-status, quantity, currency, item-price, item-tax, shipping-price, shipping-tax,
// gift-wrap-price, gift-wrap-tax, item-promotion-discount, ship-promotion-discount, ship-city,
// ship-state, ship-postal-code, ship-country, promotion-ids, is-business-order.
//
// purchase-date is the payment time too (Amazon charges at order time; Pending orders, not yet
// charged, have no paid time). item-price is quantity × unit price before promotions, so the
// line's paid amount is item-price less the size of item-promotion-discount. The report carries no buyer and
// no refund amount: returned orders (Shipped - Returned to Seller …) are refunded in full.
import type { Cells, OrderStatusRule, Preset } from './types.js';
import { refundStatus } from './types.js';

const RETURNED = /returned to seller|returning to seller|rejected by buyer/i;

const afterPromotion = (cells: Readonly<Cells>): number | null => {
  const price = cells['paid_amount'];
  if (typeof price !== 'number') return null;
  // The report writes promotions as negative amounts (-2.50); some tools re-save them positive.
  return price - (typeof cells['discount'] === 'number' ? Math.abs(cells['discount']) : 0);
};

const returnedInFull = (cells: Readonly<Cells>): number | null => {
  const status = cells['status'];
  const paid = cells['paid_amount'];
  return typeof status === 'string' && RETURNED.test(status) && typeof paid === 'number' ? paid : null;
};

const shipped: OrderStatusRule = (c) => refundStatus(c, 'shipped');
const returned: OrderStatusRule = (c) => refundStatus(c, 'refunded');

export const amazonOrders: Preset = {
  name: 'amazon-orders',
  table: 'order_lines',
  columns: {
    order_id: ['amazon-order-id', 'order-id'],
    line_id: ['order-item-id'],
    created_at: ['purchase-date'],
    paid_at: ['purchase-date', 'payments-date'],
    status: ['order-status'],
    product_name: ['product-name'],
    sku: ['sku'],
    quantity: ['quantity', 'quantity-purchased'],
    paid_amount: ['item-price'],
    discount: ['item-promotion-discount'],
    shipping: ['shipping-price'],
    channel: ['sales-channel', 'fulfillment-channel'],
    region: ['ship-state'],
    customer_id: ['buyer-email', 'buyer-name'],
  },
  statuses: {
    Pending: 'pending',
    PendingAvailability: 'pending',
    'Pending - Waiting for Pick Up': (c) => refundStatus(c, 'paid'),
    Unshipped: (c) => refundStatus(c, 'paid'),
    InvoiceUnconfirmed: (c) => refundStatus(c, 'paid'),
    PartiallyShipped: shipped,
    Shipping: shipped,
    Shipped: shipped,
    'Shipped - Picked Up': shipped,
    'Shipped - Out for Delivery': shipped,
    'Shipped - Lost in Transit': shipped,
    'Shipped - Damaged': shipped,
    'Shipped - Delivered to Buyer': (c) => refundStatus(c, 'delivered'),
    'Shipped - Returned to Seller': returned,
    'Shipped - Returning to Seller': returned,
    'Shipped - Rejected by Buyer': returned,
    Cancelled: 'cancelled',
    Canceled: 'cancelled',
    Unfulfillable: 'cancelled',
  },
  derive: [
    { field: 'paid_amount', needs: ['paid_amount'], compute: afterPromotion, always: true },
    { field: 'refund_amount', needs: ['status', 'paid_amount'], compute: returnedInFull },
  ],
};
