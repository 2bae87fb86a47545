import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SITE_MATCHES } from './lib/sites';
import { AO3_TAG_PAGE_PERMISSION } from './lib/sites/ao3-tag-page';

// Firefox reads `data_collection_permissions` from version 140 on desktop and 142 on Android.
const FIREFOX_MIN = '140.0';
const FIREFOX_ANDROID_MIN = '142.0';
const SOURCE_MAPPED = process.env.LAMPLIGHT_SOURCEMAP === 'hidden';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // `npm run bench`'s profile maps sampled frames back to source files: it builds a copy with
    // source maps beside the code (no sourceMappingURL comment) in its own folder.
    build: { sourcemap: SOURCE_MAPPED ? 'hidden' : false },
  }),
  outDirTemplate: SOURCE_MAPPED ? '{{browser}}-mv{{manifestVersion}}-sourcemapped' : undefined,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus'],
    // Asked for only when the reader clicks Find synonyms on AO3 (options page), to read that tag's page.
    ...(browser === 'firefox'
      ? { optional_permissions: [AO3_TAG_PAGE_PERMISSION] }
      : { optional_host_permissions: [AO3_TAG_PAGE_PERMISSION] }),
    // Chrome: the reader's content script may fetch its dyslexia-friendly font only if it is
    // web-accessible to the page's site, so it is, to the supported sites alone. Firefox's MV2 list
    // cannot be limited to sites, and its content scripts read the add-on's files without it: none.
    ...(browser === 'firefox' ? {} : { web_accessible_resources: [{ resources: ['fonts/*.woff2'], matches: SITE_MATCHES }] }),
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
