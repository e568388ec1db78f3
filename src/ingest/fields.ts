// What each canonical column holds and how its cells are parsed. Presets map platform
// headers onto these names; the `generic` preset uses them as headers directly.
import type { TableName } from '../canonical.js';

export type FieldKind = 'id' | 'text' | 'instant' | 'date' | 'money' | 'quantity' | 'count' | 'rating' | 'boolean' | 'status';

export interface FieldSpec {
  kind: FieldKind;
  required?: boolean;
}

export const ORDER_LINE_FIELDS = {
  order_id: { kind: 'id', required: true },
  line_id: { kind: 'id' },
  created_at: { kind: 'instant' },
  paid_at: { kind: 'instant' },
  customer_id: { kind: 'id' },
  sku: { kind: 'id' },
  product_name: { kind: 'text' },
  category: { kind: 'text' },
  quantity: { kind: 'quantity' },
  unit_price: { kind: 'money' },
  paid_amount: { kind: 'money', required: true },
  discount: { kind: 'money' },
  shipping: { kind: 'money' },
  status: { kind: 'status' },
  refund_amount: { kind: 'money' },
  refund_reason: { kind: 'text' },
  // The export's after-sale state as written (PDD 售后状态): read by presets whose export has no
  // refund amount, to tell a line refunded after delivery.
  after_sale_status: { kind: 'text' },
  channel: { kind: 'text' },
  campaign: { kind: 'text' },
  region: { kind: 'text' },
  shipped_at: { kind: 'instant' },
  delivered_at: { kind: 'instant' },
  promised_at: { kind: 'instant' },
  is_live: { kind: 'boolean' },
} as const satisfies Record<string, FieldSpec>;

export type OrderLineField = keyof typeof ORDER_LINE_FIELDS;

export const TABLE_FIELDS: Record<TableName, Record<string, FieldSpec>> = {
  order_lines: ORDER_LINE_FIELDS,
  traffic_daily: {
    date: { kind: 'date', required: true },
    platform: { kind: 'text' },
    channel: { kind: 'text' },
    visitors: { kind: 'count', required: true },
    page_views: { kind: 'count' },
    product_views: { kind: 'count' },
    add_to_cart: { kind: 'count' },
    checkouts: { kind: 'count' },
    buyers: { kind: 'count' },
    orders: { kind: 'count' },
    ad_spend: { kind: 'money' },
  },
  service_tickets: {
    ticket_id: { kind: 'id', required: true },
    platform: { kind: 'text' },
    created_at: { kind: 'instant', required: true },
    first_response_at: { kind: 'instant' },
    resolved_at: { kind: 'instant' },
    kind: { kind: 'text' },
    reason: { kind: 'text' },
    satisfaction: { kind: 'rating' },
    escalated: { kind: 'boolean' },
  },
  inventory_snapshots: {
    date: { kind: 'date', required: true },
    sku: { kind: 'id', required: true },
    category: { kind: 'text' },
    on_hand: { kind: 'quantity', required: true },
    unit_cost: { kind: 'money' },
  },
  purchase_orders: {
    po_id: { kind: 'id', required: true },
    supplier: { kind: 'text' },
    sku: { kind: 'id' },
    ordered_at: { kind: 'instant', required: true },
    received_at: { kind: 'instant' },
    quantity: { kind: 'quantity' },
  },
  reviews: {
    platform: { kind: 'text' },
    order_id: { kind: 'id' },
    created_at: { kind: 'instant', required: true },
    rating: { kind: 'rating', required: true },
  },
};
