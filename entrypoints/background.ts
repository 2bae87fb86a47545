import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Keyboard commands, context menus and the badge arrive with the features that need them.
});
