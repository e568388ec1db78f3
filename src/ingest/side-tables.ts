// Typed canonical rows for the small tables, from the cells ingest read. A source's
// `platform:` fills rows whose file has no platform column (a per-platform traffic export).
import type { SideTables, TicketKind } from '../canonical.js';
import type { IngestResult, TableRow } from './workspace.js';

const str = (v: TableRow[string]): string | null => (typeof v === 'string' ? v : null);
const num = (v: TableRow[string]): number | null => (typeof v === 'number' ? v : null);
const bool = (v: TableRow[string]): boolean | null => (typeof v === 'boolean' ? v : null);

const TICKET_KINDS: Record<string, TicketKind> = {
  presale: 'presale',
  aftersale: 'aftersale',
  complaint: 'complaint',
  售前: 'presale',
  售后: 'aftersale',
  投诉: 'complaint',
};

export function sideTables(tables: IngestResult['tables']): SideTables {
  return {
    traffic: (tables.traffic_daily ?? []).map((r) => ({
      date: str(r['date'] ?? null) ?? '',
      platform: str(r['platform'] ?? null) ?? str(r['__platform'] ?? null) ?? 'all',
      channel: str(r['channel'] ?? null),
      visitors: num(r['visitors'] ?? null) ?? 0,
      pageViews: num(r['page_views'] ?? null),
      productViews: num(r['product_views'] ?? null),
      addToCart: num(r['add_to_cart'] ?? null),
      checkouts: num(r['checkouts'] ?? null),
      buyers: num(r['buyers'] ?? null),
      orders: num(r['orders'] ?? null),
      adSpendMinor: num(r['ad_spend'] ?? null),
    })),
    tickets: (tables.service_tickets ?? []).map((r) => {
      const kind = str(r['kind'] ?? null);
      return {
        ticketId: str(r['ticket_id'] ?? null) ?? '',
        platform: str(r['platform'] ?? null) ?? str(r['__platform'] ?? null),
        createdAt: num(r['created_at'] ?? null) ?? 0,
        firstResponseAt: num(r['first_response_at'] ?? null),
        resolvedAt: num(r['resolved_at'] ?? null),
        kind: kind === null ? null : (TICKET_KINDS[kind.toLowerCase()] ?? null),
        reason: str(r['reason'] ?? null),
        satisfaction: num(r['satisfaction'] ?? null),
        escalated: bool(r['escalated'] ?? null),
      };
    }),
    inventory: (tables.inventory_snapshots ?? []).map((r) => ({
      date: str(r['date'] ?? null) ?? '',
      sku: str(r['sku'] ?? null) ?? '',
      category: str(r['category'] ?? null),
      onHand: num(r['on_hand'] ?? null) ?? 0,
      unitCostMinor: num(r['unit_cost'] ?? null),
    })),
    purchaseOrders: (tables.purchase_orders ?? []).map((r) => ({
      poId: str(r['po_id'] ?? null) ?? '',
      supplier: str(r['supplier'] ?? null),
      sku: str(r['sku'] ?? null),
      orderedAt: num(r['ordered_at'] ?? null) ?? 0,
      receivedAt: num(r['received_at'] ?? null),
      quantity: num(r['quantity'] ?? null),
    })),
    reviews: (tables.reviews ?? []).map((r) => ({
      platform: str(r['platform'] ?? null) ?? str(r['__platform'] ?? null),
      orderId: str(r['order_id'] ?? null),
      createdAt: num(r['created_at'] ?? null) ?? 0,
      rating: num(r['rating'] ?? null) ?? 0,
    })),
  };
}
