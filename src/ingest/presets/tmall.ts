// `tmall-orders`: Tmall/Taobao 千牛 order export (订单报表), one row per order line. Header
// spellings follow the 订单报表 and 宝贝报表 column sets commonly exported from 千牛/卖家中心
// (e.g. 订单编号, 买家实际支付金额, 订单付款时间, 收货地址, 退款金额); several of them carry a
// trailing space in real files, which header matching ignores.
// The 宝贝报表 (one row per item: 订单编号, 标题, 价格, 购买数量, 外部系统编号, 商品属性, 套餐信息,
// 订单状态, 商家编码) is read through the same spellings when a source joins it with
// `join: { kind: items, files: [...] }`: it splits each order into its item lines.
import { firstWord, refundStatus, type Preset } from './types.js';

export const tmallOrders: Preset = {
  name: 'tmall-orders',
  refundMayExceedPaid: true,
  table: 'order_lines',
  columns: {
    order_id: ['订单编号', '订单号'],
    line_id: ['子订单编号', '子订单号'],
    customer_id: ['买家会员名', '买家昵称', '买家ID'],
    created_at: ['订单创建时间', '创建时间'],
    paid_at: ['订单付款时间', '付款时间'],
    product_name: ['宝贝标题', '标题', '商品标题'],
    sku: ['商家编码', '商品编码', '外部系统编号'],
    category: ['类目', '宝贝类目', '商品类目'],
    quantity: ['购买数量', '宝贝总数量', '数量'],
    unit_price: ['价格', '单价'],
    paid_amount: ['买家实际支付金额', '实付金额'],
    shipping: ['买家应付邮费'],
    status: ['订单状态'],
    refund_amount: ['退款金额'],
    refund_reason: ['退款原因'],
    region: ['收货地址', '收货省份'],
    shipped_at: ['发货时间'],
  },
  statuses: {
    等待买家付款: 'pending',
    '买家已付款，等待卖家发货': (c) => refundStatus(c, 'paid'),
    '卖家已发货，等待买家确认': (c) => refundStatus(c, 'shipped'),
    交易成功: (c) => refundStatus(c, 'completed'),
    // Closed after payment means refunded in full; closed before payment is a cancellation.
    交易关闭: (c) => (c.paid && c.refundMinor > 0 ? 'refunded' : 'cancelled'),
    已取消: 'cancelled',
  },
  transforms: { region: firstWord },
};
