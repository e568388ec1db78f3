// `douyin-orders`: 抖店 (Douyin shop) order export, one row per 子订单. Header spellings follow
// the 抖店 订单管理 → 批量导出 file (主订单编号, 子订单编号, 选购商品, 商品数量, 订单应付金额,
// 订单提交时间, 支付完成时间, 订单状态, 售后状态, 达人昵称, 流量来源).
import { refundStatus, type Preset } from './types.js';

export const douyinOrders: Preset = {
  name: 'douyin-orders',
  table: 'order_lines',
  columns: {
    order_id: ['主订单编号'],
    line_id: ['子订单编号'],
    product_name: ['选购商品', '商品名称'],
    sku: ['商家编码', '商品ID'],
    category: ['商品类目', '类目'],
    quantity: ['商品数量'],
    unit_price: ['商品单价'],
    paid_amount: ['订单应付金额', '实付金额'],
    created_at: ['订单提交时间', '下单时间'],
    paid_at: ['支付完成时间', '支付时间'],
    status: ['订单状态'],
    refund_amount: ['退款金额'],
    refund_reason: ['售后原因', '退款原因'],
    channel: ['流量来源'],
    region: ['省', '省份'],
    customer_id: ['用户ID', '买家ID', '用户昵称'],
  },
  statuses: {
    待支付: 'pending',
    备货中: (c) => refundStatus(c, 'paid'),
    待发货: (c) => refundStatus(c, 'paid'),
    已发货: (c) => refundStatus(c, 'shipped'),
    已完成: (c) => refundStatus(c, 'completed'),
    已关闭: (c) => (c.paid && c.refundMinor > 0 ? 'refunded' : 'cancelled'),
    已取消: 'cancelled',
  },
  // A line sold through a creator (达人) or a live room is live commerce.
  presentMeans: { is_live: ['达人昵称', '直播间', '直播间名称'] },
};
