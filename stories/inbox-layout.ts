/**
 * The page layout the composed-inbox stories share: list | conversation | side
 * pane. Sizes come from `--story-columns` and `--story-height` on the container.
 */
import { html } from 'lit';

export const inboxLayout = html`<style>
  .story-inbox {
    display: grid;
    grid-template-columns: var(--story-columns, minmax(260px, 340px) 1fr 240px);
    block-size: var(--story-height, 640px);
    border: 1px solid #d9dee3;
  }
  .story-inbox .conversation {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    border-inline: 1px solid #d9dee3;
  }
  .story-inbox conversation-thread {
    flex: 1;
    min-block-size: 0;
  }
  .story-inbox aside {
    padding: 12px;
  }
</style>`;
