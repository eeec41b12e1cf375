/**
 * The dialect handlers the reference backend serves under /ref/<dialect>/.
 * Each dialect file adds one import and one entry here, e.g.
 *   import { qlaraHandler } from './qlara.js';
 *   …  qlara: qlaraHandler,
 */
import type { DialectHandler } from '../router.js';
import { superwabaHandler } from './superwaba.js';
import { switchbordHandler } from './switchbord.js';
import { cloove } from './cloove.js';
import { vobiz } from './vobiz.js';
import { qlara } from './qlara.js';

export const DIALECT_HANDLERS: Record<string, DialectHandler> = {
  switchbord: switchbordHandler,
  superwaba: superwabaHandler,
  cloove,
  vobiz,
  qlara,
};
