// `jd-orders`: JD 京东商家后台 order export (订单查询 → 导出), one row per order line. Header
// spellings follow that export (订单号, 商品ID, 订购数量, 京东价, 应付金额, 下单时间,
// 付款确认时间, 订单状态, 下单帐号, 省份).
import { refundStatus, type Preset } from './types.js';

export const jdOrders: Preset = {
  name: 'jd-orders',
  table: 'order_lines',
  columns: {
    order_id: ['订单号', '订单编号'],
    // A product id, not a line id (the export has none): see lineIdIsProductId below.
    line_id: ['商品ID', '商品编号', 'SKU'],
    sku: ['商品ID', '商品编号', 'SKU'],
    product_name: ['商品名称'],
    category: ['一级类目', '类目'],
    quantity: ['订购数量', '商品数量'],
    unit_price: ['京东价', '商品单价'],
    paid_amount: ['应付金额', '实付金额'],
    created_at: ['下单时间'],
    paid_at: ['付款确认时间', '支付时间'],
    status: ['订单状态'],
    customer_id: ['下单帐号', '下单账号', '客户账号'],
    region: ['省份', '省'],
    refund_amount: ['退款金额'],
    refund_reason: ['退款原因'],
  },
  lineIdIsProductId: true,
  statuses: {
    等待付款: 'pending',
    等待出库: (c) => refundStatus(c, 'paid'),
    等待确认收货: (c) => refundStatus(c, 'shipped'),
    完成: (c) => refundStatus(c, 'completed'),
    已完成: (c) => refundStatus(c, 'completed'),
    已取消: (c) => (c.paid && c.refundMinor > 0 ? 'refunded' : 'cancelled'),
    锁定: (c) => refundStatus(c, 'paid'),
  },
};
