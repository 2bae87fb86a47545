/** WXT's fake browser has no `i18n`: give it the English messages, so unit tests see the text the extension shows. */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from '../../support/english-messages';

function install(): void {
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
}

install();
beforeEach(install);
