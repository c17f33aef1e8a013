import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../packages/ui/src/styles.css';

const preview: Preview = {
  loaders: [mswLoader()],
  parameters: {
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i } },
    layout: 'padded',
  },
  // `parameters: { theme: 'dark' }` renders a story on the dark theme (screenshots included).
  decorators: [
    (Story, { parameters }) => {
      const theme = parameters['theme'] === 'dark' ? 'dark' : 'light';
      return (
        <div
          data-theme={theme}
          style={{ background: 'var(--rill-bg)', color: 'var(--rill-fg)', padding: '1rem', maxWidth: 720 }}
        >
          <Story />
        </div>
      );
    },
  ],
  tags: ['autodocs'],
};
export default preview;
