import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  viteFinal(config) {
    // the root vite.config.ts is a library build; Storybook builds an app
    if (config.build) {
      delete config.build.lib;
      delete (config.build as Record<string, unknown>).rolldownOptions;
    }
    return config;
  },
};
export default config;
