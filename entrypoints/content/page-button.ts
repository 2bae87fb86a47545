/** Where Lamplight's page-level buttons (Reader mode, Bookmark) sit on a site's page. */

/** Marks the page's Reader mode button (and its `li`); other page buttons line up after it. */
export const READER_TOGGLE = 'data-lamplight-reader-toggle';

export interface Placement {
  /** The attribute that marks the placed element (the `li` wrapper, like the button itself). */
  marker: string;
  /** A direct child of the navigation bar to follow, when it is there; else the button goes first. */
  after?: string;
  /** Distance from the bottom of the window when there is no bar and the button floats, in px. */
  bottom: number;
}

const FLOATING: Partial<CSSStyleDeclaration> = {
  position: 'fixed',
  right: '16px',
  zIndex: '2147483000',
  font: '600 14px/1.2 system-ui, sans-serif',
  padding: '10px 14px',
  borderRadius: '999px',
  border: '1px solid #6b5b3e',
  background: '#fbfaf7',
  color: '#1f1d1a',
  boxShadow: '0 2px 10px rgb(0 0 0 / 0.2)',
  cursor: 'pointer',
};

/**
 * Puts a button in the work's navigation bar (as an `li` in a list, where it takes the site's own
 * button style), or floating in the corner when the page has no bar. Returns the element to remove.
 */
export function placePageButton(
  doc: Document,
  navigation: HTMLElement | null,
  button: HTMLElement,
  placement: Placement,
): HTMLElement {
  if (!navigation) {
    Object.assign(button.style, FLOATING, { bottom: `${placement.bottom}px` });
    (doc.body ?? doc.documentElement).append(button);
    return button;
  }
  let container = button;
  if (navigation.tagName === 'UL' || navigation.tagName === 'OL') {
    container = doc.createElement('li');
    container.setAttribute(placement.marker, '');
    container.append(button);
  }
  const anchor = placement.after ? navigation.querySelector(`:scope > ${placement.after}`) : null;
  if (anchor) anchor.after(container);
  else navigation.prepend(container);
  return container;
}
