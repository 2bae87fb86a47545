import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SITE_MATCHES } from './lib/sites';

// Firefox reads `data_collection_permissions` from version 140 on desktop and 142 on Android.
const FIREFOX_MIN = '140.0';
const FIREFOX_ANDROID_MIN = '142.0';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus'],
    // The reader's dyslexia-friendly font is loaded by pages of the supported sites.
    web_accessible_resources: [{ resources: ['fonts/*.woff2'], matches: SITE_MATCHES }],
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandToggleReader__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'lamplight@lamplight.invalid',
              strict_min_version: FIREFOX_MIN,
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN },
          },
        }
      : {}),
  }),
});
