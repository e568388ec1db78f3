// The canonical tables every export is mapped into (DESIGN.md, "Canonical tables").
// Money is integer minor units (fen/cents) in the report currency; instants are epoch
// milliseconds (absolute, so the configured time zone only matters when bucketing);
// identifiers are strings so long numeric ids never pass through a float.

export const ORDER_STATUSES = [
  'pending',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunded',
  'partially_refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderLine {
  platform: string;
  orderId: string;
  lineId: string;
  /**
   * Dense numbers of the line's order (platform, order_id) and buyer (platform, customer_id;
   * -1 without a customer id) within one ingest run, 0, 1, 2 … in order of first sight: equal
   * numbers are the same order or buyer. The accumulators count distinct orders and buyers by
   * them instead of hashing id strings.
   */
  orderKey: number;
  buyerKey: number;
  createdAt: number | null;
  paidAt: number | null;
  customerId: string | null;
  sku: string | null;
  productName: string | null;
  category: string | null;
  quantity: number;
  unitPriceMinor: number | null;
  /** After discounts. */
  paidAmountMinor: number;
  discountMinor: number;
  shippingMinor: number;
  status: OrderStatus;
  refundAmountMinor: number;
  refundReason: string | null;
  channel: string | null;
  campaign: string | null;
  region: string | null;
  shippedAt: number | null;
  deliveredAt: number | null;
  promisedAt: number | null;
  isLive: boolean | null;
}

/** The canonical table names a source may feed. */
export const TABLE_NAMES = [
  'order_lines',
  'traffic_daily',
  'service_tickets',
  'inventory_snapshots',
  'purchase_orders',
  'reviews',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** One day × platform × channel of traffic. Money in minor units. */
export interface TrafficDay {
  /** Local calendar day, YYYY-MM-DD. */
  date: string;
  platform: string;
  channel: string | null;
  visitors: number;
  pageViews: number | null;
  productViews: number | null;
  addToCart: number | null;
  checkouts: number | null;
  buyers: number | null;
  orders: number | null;
  adSpendMinor: number | null;
}

export type TicketKind = 'presale' | 'aftersale' | 'complaint';

export interface ServiceTicket {
  ticketId: string;
  platform: string | null;
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  kind: TicketKind | null;
  reason: string | null;
  /** 1–5 */
  satisfaction: number | null;
  escalated: boolean | null;
}

export interface InventorySnapshot {
  date: string;
  sku: string;
  category: string | null;
  onHand: number;
  unitCostMinor: number | null;
}

export interface PurchaseOrder {
  poId: string;
  supplier: string | null;
  sku: string | null;
  orderedAt: number;
  receivedAt: number | null;
  quantity: number | null;
}

export interface Review {
  platform: string | null;
  orderId: string | null;
  createdAt: number;
  /** 1–5 */
  rating: number;
}

/** The small tables, held whole in memory (they grow with days and SKUs, not with orders). */
export interface SideTables {
  traffic: TrafficDay[];
  tickets: ServiceTicket[];
  inventory: InventorySnapshot[];
  purchaseOrders: PurchaseOrder[];
  reviews: Review[];
}
