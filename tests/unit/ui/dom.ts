/**
 * A small testing kit for the extension pages: render with Preact into a container, find
 * controls the way people and screen readers do (role + accessible name), act, and wait.
 */
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';

let mounted: HTMLElement[] = [];

export async function mount(vnode: VNode): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  await act(() => {
    render(vnode, container);
  });
  await settle();
  return container;
}

export async function unmountAll(): Promise<void> {
  for (const container of mounted) {
    await act(() => {
      render(null, container);
    });
    container.remove();
  }
  mounted = [];
}

/** Let storage promises, watchers and re-renders run. */
export async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The accessible name, as far as these pages need it. */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => text(el.ownerDocument.getElementById(id)))
      .join(' ');
  }
  if (el.id) {
    const forLabel = el.ownerDocument.querySelector(`label[for="${el.id}"]`);
    if (forLabel) return text(forLabel);
  }
  const wrapping = el.closest('label');
  if (wrapping && wrapping !== el) return text(wrapping);
  if (el.tagName === 'FIELDSET') return text(el.querySelector('legend'));
  return text(el);
}

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button:not([role]), [role="button"]',
  switch: '[role="switch"]',
  checkbox: 'input[type="checkbox"]:not([role]), [role="checkbox"]',
  textbox: 'input[type="text"]:not([role]), input:not([type]):not([role]), textarea',
  searchbox: 'input[type="search"]',
  combobox: 'select',
  heading: 'h1, h2, h3, h4, h5, h6',
  status: '[role="status"]',
  alert: '[role="alert"]',
  group: 'fieldset, [role="group"]',
  form: 'form[aria-label], form[aria-labelledby]',
  region: 'section[aria-label], section[aria-labelledby]',
  link: 'a[href]',
  table: 'table',
  slider: 'input[type="range"]',
};

export function allByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  const selector = ROLE_SELECTORS[role] ?? `[role="${role}"]`;
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => {
    if (name === undefined) return true;
    const n = accessibleName(el);
    return typeof name === 'string' ? n === name : name.test(n);
  });
}

export function byRole<T extends HTMLElement = HTMLElement>(root: ParentNode, role: string, name?: string | RegExp): T {
  const found = allByRole(root, role, name);
  if (found.length !== 1) {
    const names = allByRole(root, role).map((el) => JSON.stringify(accessibleName(el)));
    throw new Error(`Expected one ${role} named ${String(name)}, found ${found.length}. ${role}s: ${names.join(', ')}`);
  }
  return found[0] as T;
}

export const queryByRole = (root: ParentNode, role: string, name?: string | RegExp): HTMLElement | null =>
  allByRole(root, role, name)[0] ?? null;

export async function click(el: HTMLElement): Promise<void> {
  await act(() => {
    el.click();
  });
  await settle();
}

export async function type(el: HTMLInputElement, value: string): Promise<void> {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle(2);
}

export async function choose(el: HTMLSelectElement, value: string): Promise<void> {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

export async function submit(form: HTMLFormElement): Promise<void> {
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

/** The raw stored value of a local key. */
export const local = async (key: string): Promise<unknown> => (await fakeBrowser.storage.local.get(key))[key];
export const sync = async (key: string): Promise<unknown> => (await fakeBrowser.storage.sync.get(key))[key];

/** Every storage area, as text: equal text means byte-for-byte equal storage. */
export async function storageText(): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const area of ['local', 'sync', 'session'] as const) out[area] = await fakeBrowser.storage[area].get();
  return JSON.stringify(out);
}

export { text };
