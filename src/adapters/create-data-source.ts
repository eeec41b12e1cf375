/**
 * `createDataSource(config)`: the data source for one of the documented
 * dialects. Each adapter is loaded with a dynamic `import()`, so a host pays
 * only for the dialect it uses.
 */
import type { DataSourceConfig, InboxDataSource } from '../data/data-source.js';
import { InboxError } from '../data/errors.js';

type AdapterModule = { createAdapter(config: DataSourceConfig): InboxDataSource };

const LOADERS: Record<string, () => Promise<AdapterModule>> = {
  memory: () => import('./memory/memory-adapter.js'),
  switchbord: () => import('./switchbord/switchbord-adapter.js'),
  superwaba: () => import('./superwaba/superwaba-adapter.js'),
  cloove: () => import('./cloove/cloove-adapter.js'),
  vobiz: () => import('./vobiz/vobiz-adapter.js'),
  qlara: () => import('./qlara/qlara-adapter.js'),
};

/** Dialect ids `createDataSource` can load. */
export const SUPPORTED_BACKENDS = Object.keys(LOADERS);

export async function createDataSource(config: DataSourceConfig): Promise<InboxDataSource> {
  const load = LOADERS[config.backend];
  if (!load) {
    throw new InboxError({
      kind: 'unsupported',
      message: `Unknown backend "${config.backend}". Use one of: ${SUPPORTED_BACKENDS.join(', ')}.`,
      dialect: config.backend,
    });
  }
  const module = await load();
  return module.createAdapter(config);
}
