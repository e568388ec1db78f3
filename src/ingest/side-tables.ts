// Typed canonical rows for the small tables, from the cells ingest read. A source's
// `platform:` fills rows whose file has no platform column (a per-platform traffic export).
import type { SideTables, TableName, TicketKind } from '../canonical.js';
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

type Row = TableRow;

const toTraffic = (r: Row): SideTables['traffic'][number] => ({
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
});

const toTicket = (r: Row): SideTables['tickets'][number] => {
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
};

const toSnapshot = (r: Row): SideTables['inventory'][number] => ({
  date: str(r['date'] ?? null) ?? '',
  sku: str(r['sku'] ?? null) ?? '',
  category: str(r['category'] ?? null),
  onHand: num(r['on_hand'] ?? null) ?? 0,
  unitCostMinor: num(r['unit_cost'] ?? null),
});

const toPurchaseOrder = (r: Row): SideTables['purchaseOrders'][number] => ({
  poId: str(r['po_id'] ?? null) ?? '',
  supplier: str(r['supplier'] ?? null),
  sku: str(r['sku'] ?? null),
  orderedAt: num(r['ordered_at'] ?? null) ?? 0,
  receivedAt: num(r['received_at'] ?? null),
  quantity: num(r['quantity'] ?? null),
});

const toReview = (r: Row): SideTables['reviews'][number] => ({
  platform: str(r['platform'] ?? null) ?? str(r['__platform'] ?? null),
  orderId: str(r['order_id'] ?? null),
  createdAt: num(r['created_at'] ?? null) ?? 0,
  rating: num(r['rating'] ?? null) ?? 0,
});

export function sideTables(tables: IngestResult['tables']): SideTables {
  return {
    traffic: (tables.traffic_daily ?? []).map(toTraffic),
    tickets: (tables.service_tickets ?? []).map(toTicket),
    inventory: (tables.inventory_snapshots ?? []).map(toSnapshot),
    purchaseOrders: (tables.purchase_orders ?? []).map(toPurchaseOrder),
    reviews: (tables.reviews ?? []).map(toReview),
  };
}

/**
 * The same tables built row by row as ingest reads them (`IngestOptions.onTableRow`), so the
 * cell records are never held: a typed row is a fraction of its record.
 */
export class SideTableCollector {
  private readonly side: SideTables = { traffic: [], tickets: [], inventory: [], purchaseOrders: [], reviews: [] };

  add(table: Exclude<TableName, 'order_lines'>, row: TableRow): void {
    switch (table) {
      case 'traffic_daily':
        this.side.traffic.push(toTraffic(row));
        break;
      case 'service_tickets':
        this.side.tickets.push(toTicket(row));
        break;
      case 'inventory_snapshots':
        this.side.inventory.push(toSnapshot(row));
        break;
      case 'purchase_orders':
        this.side.purchaseOrders.push(toPurchaseOrder(row));
        break;
      case 'reviews':
        this.side.reviews.push(toReview(row));
        break;
    }
  }

  get tables(): SideTables {
    return this.side;
  }
}
