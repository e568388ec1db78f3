// `woocommerce-orders`: WooCommerce order exports with one row per order item, as written by the
// common export plugins: "Advanced Order Export For WooCommerce" (labels such as Order Number,
// Order Status, Order Date, Paid Date, Customer User ID, Billing Email, SKU, Item #, Item Name,
// Quantity, Item Cost, Order Line Total, State Code (Shipping)) and "Export Order Items for
// WooCommerce" (Order ID, Product SKU, Product Name, Line Total …), plus WooCommerce's own field
// names (order_id, date_paid, line_total …) used by REST-based exports.
//
// Statuses are WooCommerce's (pending, processing, on-hold, completed, cancelled, refunded,
// failed, checkout-draft), as slugs (optionally with the wc- prefix) or as the admin labels
// ("Pending payment", "On hold"). Without a paid-date column the order date stands in for it
// (processing/completed orders are paid at checkout). A refund may be written as a row of its
// own with a negative quantity; ingest counts it as a refund of that order.
import type { OrderStatus } from '../../canonical.js';
import type { OrderStatusRule, Preset } from './types.js';
import { refundStatus } from './types.js';

const STATUSES: Record<string, OrderStatus | OrderStatusRule> = {
  pending: 'pending',
  'pending payment': 'pending',
  'on-hold': 'pending',
  'on hold': 'pending',
  'checkout-draft': 'pending',
  draft: 'pending',
  processing: (c) => refundStatus(c, 'paid'),
  completed: (c) => refundStatus(c, 'completed'),
  refunded: (c) => (c.refundMinor > 0 && c.refundMinor < c.paidMinor ? 'partially_refunded' : 'refunded'),
  cancelled: 'cancelled',
  failed: 'cancelled',
};

function withPrefixes(statuses: Record<string, OrderStatus | OrderStatusRule>): Record<string, OrderStatus | OrderStatusRule> {
  const out: Record<string, OrderStatus | OrderStatusRule> = {};
  for (const [name, rule] of Object.entries(statuses)) {
    out[name] = rule;
    if (!name.includes(' ')) out[`wc-${name}`] = rule;
  }
  return out;
}

export const woocommerceOrders: Preset = {
  name: 'woocommerce-orders',
  table: 'order_lines',
  columns: {
    order_id: ['Order Number', 'Order ID', 'order_number', 'order_id', 'Order #'],
    line_id: ['Order Item ID', 'Item ID', 'item_id', 'Item #'],
    created_at: ['Order Date', 'Date Created', 'order_date', 'date_created', 'Date'],
    paid_at: ['Paid Date', 'Date Paid', 'paid_date', 'date_paid', 'Order Date', 'order_date', 'date_created', 'Date'],
    customer_id: ['Customer User ID', 'Customer ID', 'customer_id', 'Billing Email', 'billing_email', 'Customer Email', 'Email (Billing)'],
    sku: ['SKU', 'Product SKU', 'Item SKU', 'sku'],
    product_name: ['Item Name', 'Product Name', 'item_name', 'name'],
    category: ['Category', 'Product Categories', 'Categories'],
    quantity: ['Quantity', 'Qty', 'Item Quantity', 'quantity'],
    unit_price: ['Item Cost', 'Item Price', 'Product Price', 'price'],
    paid_amount: ['Order Line Total', 'Line Total', 'Item Total', 'Order Line (w/o tax)', 'line_total', 'total'],
    discount: ['Item Discount', 'Line Discount'],
    status: ['Order Status', 'Status', 'status'],
    refund_amount: ['Item Refunded', 'Line Refunded', 'Refunded', 'item_refunded'],
    channel: ['Origin', 'Attribution', 'Order Source', 'created_via'],
    region: ['State Code (Shipping)', 'State Name (Shipping)', 'Shipping State', 'shipping_state', 'State Code (Billing)', 'Billing State', 'billing_state'],
  },
  statuses: withPrefixes(STATUSES),
};
