/**
 * A click as a person makes it. happy-dom marks no event trusted, and Lamplight's controls that
 * change storage ignore untrusted clicks (page scripts can call `click()`), so unit tests that
 * stand for a person clicking use this.
 */
export function trustedClick(target: Element | null | undefined): void {
  if (!target) return;
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}
