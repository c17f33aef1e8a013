import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../packages/ui/src/**/*.stories.@(ts|tsx)', '../packages/ui/src/**/*.mdx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  async viteFinal(viteConfig) {
    // Workspace packages resolve to their sources, as in the tests.
    viteConfig.resolve ??= {};
    viteConfig.resolve.conditions = [
      'rill-source',
      ...(viteConfig.resolve.conditions ?? ['module', 'browser', 'development|production']),
    ];
    return viteConfig;
  },
};
export default config;
