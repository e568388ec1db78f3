// The preset registry: name → mapping.
import type { TableName } from '../../canonical.js';
import type { PresetName } from '../../config/schema.js';
import { amazonOrders } from './amazon.js';
import { douyinOrders } from './douyin.js';
import { genericPreset } from './generic.js';
import { jdOrders } from './jd.js';
import { pddOrders } from './pdd.js';
import { shopifyOrders } from './shopify.js';
import { tmallOrders } from './tmall.js';
import type { Preset } from './types.js';
import { woocommerceOrders } from './woocommerce.js';

const ORDER_PRESETS: Record<Exclude<PresetName, 'generic'>, Preset> = {
  'tmall-orders': tmallOrders,
  'jd-orders': jdOrders,
  'douyin-orders': douyinOrders,
  'pdd-orders': pddOrders,
  'shopify-orders': shopifyOrders,
  'amazon-orders': amazonOrders,
  'woocommerce-orders': woocommerceOrders,
};

/** The preset for a source, or undefined when this version has no mapping for that name. */
export function presetFor(name: PresetName, table: TableName): Preset | undefined {
  if (name === 'generic') return genericPreset(table);
  const preset = ORDER_PRESETS[name];
  return preset && preset.table === table ? preset : undefined;
}

export type { Preset } from './types.js';
