// `pdd-orders`: Pinduoduo 拼多多商家后台 order export (订单查询 → 批量导出), one row per order line.
// Header spellings follow that export as commonly seen in sellers' own processing scripts:
// 商品, 订单号, 订单状态, 商品总价(元), 店铺优惠折扣(元), 平台优惠折扣(元), 用户实付金额(元),
// 商家实收金额(元), 商品数量(件), 订单成交时间, 发货时间, 确认收货时间, 商品id, 商品规格, 样式ID,
// 商家编码-SKU维度, 售后状态, 省, 市, 区. Ids are written with a leading tab so that Excel keeps
// them as text; cells are trimmed, so that tab does not matter.
//
// The export has no refund amount column: a line whose 订单状态 says 退款成功 (refunded before
// or after shipping), or whose 售后状态 says 退款成功 (an after-sale refund on a signed-for
// order, while 订单状态 stays 已签收), was refunded, and the export gives no smaller amount, so
// its refund is its paid amount. 售后处理中 and the like are not refunds yet.
import type { Cells, Preset } from './types.js';
import { refundStatus } from './types.js';

const says = (cell: Cells[string] | undefined, text: string): boolean => typeof cell === 'string' && cell.includes(text);

const refundedInFull = (cells: Readonly<Cells>): number | null => {
  const paid = cells['paid_amount'];
  const refunded = says(cells['status'], '退款成功') || says(cells['after_sale_status'], '退款成功');
  return refunded && typeof paid === 'number' ? paid : null;
};

export const pddOrders: Preset = {
  name: 'pdd-orders',
  table: 'order_lines',
  columns: {
    order_id: ['订单号', '订单编号'],
    // A SKU id, not a line id (the export has none): see lineIdIsProductId below.
    line_id: ['样式ID', 'SKU ID', 'skuID'],
    sku: ['商家编码-SKU维度', '商家编码-商品维度', '商家编码', '样式ID'],
    product_name: ['商品', '商品名称'],
    category: ['商品类目', '类目'],
    quantity: ['商品数量(件)', '商品数量'],
    unit_price: ['商品单价(元)', '商品单价'],
    paid_amount: ['用户实付金额(元)', '用户实付金额', '实付金额'],
    discount: ['店铺优惠折扣(元)', '店铺优惠折扣'],
    shipping: ['邮费(元)', '邮费'],
    created_at: ['订单创建时间', '下单时间', '成团时间'],
    paid_at: ['支付时间', '订单成交时间', '成团时间'],
    shipped_at: ['发货时间'],
    delivered_at: ['确认收货时间', '签收时间'],
    status: ['订单状态'],
    refund_amount: ['退款金额(元)', '退款金额'],
    after_sale_status: ['售后状态'],
    customer_id: ['用户ID', '买家ID', '收货人'],
    region: ['省', '省份'],
    channel: ['订单来源', '流量来源'],
  },
  lineIdIsProductId: true,
  statuses: {
    待支付: 'pending',
    待付款: 'pending',
    待发货: (c) => refundStatus(c, 'paid'),
    '已发货，待签收': (c) => refundStatus(c, 'shipped'),
    '已发货,待签收': (c) => refundStatus(c, 'shipped'),
    已发货: (c) => refundStatus(c, 'shipped'),
    已签收: (c) => refundStatus(c, 'delivered'),
    已收货: (c) => refundStatus(c, 'delivered'),
    '未发货，退款成功': (c) => refundStatus(c, 'refunded'),
    '未发货,退款成功': (c) => refundStatus(c, 'refunded'),
    '已发货，退款成功': (c) => refundStatus(c, 'refunded'),
    '已发货,退款成功': (c) => refundStatus(c, 'refunded'),
    '已签收，退款成功': (c) => refundStatus(c, 'refunded'),
    '已签收,退款成功': (c) => refundStatus(c, 'refunded'),
    已取消: 'cancelled',
    交易关闭: (c) => (c.paid && c.refundMinor > 0 ? 'refunded' : 'cancelled'),
  },
  derive: [{ field: 'refund_amount', needs: ['status', 'paid_amount'], compute: refundedInFull }],
};
