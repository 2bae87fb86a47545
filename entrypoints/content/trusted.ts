/**
 * Clicks that may change what Lamplight stores. A page script can call `button.click()` or
 * dispatch a synthetic event on any element it finds, Lamplight's own buttons included; only
 * the browser's events from a real person are `isTrusted`.
 */
export function onTrustedClick(target: EventTarget, handler: (event: Event) => void): void {
  target.addEventListener('click', (event) => {
    if (!event.isTrusted) {
      event.preventDefault();
      return;
    }
    handler(event);
  });
}
