import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    layout: 'padded',
    // The sidebar: the guides in reading order (the backend overview before
    // its dialects), then the elements in the order Getting started lists
    // them. Storybook reads this literal statically: keep it a literal.
    options: {
      storySort: {
        method: 'alphabetical',
        order: [
          'Guides',
          [
            'Getting started',
            'Connect your backend',
            ['Overview', 'Switchbord', 'Qlara', 'Cloove', 'SuperWaba', 'Vobiz', '*'],
            'Theming',
            'Localization',
            'Accessibility',
            'Events',
            'Examples',
            '*',
          ],
          'Elements',
          [
            'inbox-provider',
            'inbox-list',
            'conversation-thread',
            'message-composer',
            'assignee-picker',
            'inbox-conversation-actions',
            '*',
          ],
          'Inbox',
          '*',
        ],
      },
    },
  },
};
export default preview;
