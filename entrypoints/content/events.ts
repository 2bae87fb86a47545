/**
 * The page's event hub: how content-script features tell each other what happened without importing
 * each other. Every event and its payload is declared here, in PageEventMap.
 */
import type { OpenReaderView } from './state/reader';

export interface PageEventMap {
  /** Reader mode opened (what it shows, where its toolbar slot is) or closed (null). Sent by the reader. */
  'reader:change': OpenReaderView | null;
  /** The filters judged the work again, or started or stopped judging: ask ./state/verdicts.ts. */
  'filter:verdicts': void;
}

export type PageEventName = keyof PageEventMap;
type Payload<K extends PageEventName> = PageEventMap[K] extends void ? [] : [PageEventMap[K]];

export interface PageEvents {
  /** Calls `listener` on each `name` until `signal` aborts or the returned function is called. */
  on<K extends PageEventName>(name: K, listener: (payload: PageEventMap[K]) => void, signal: AbortSignal): () => void;
  /** Tells every listener of `name`, in the order they came; one that throws never stops the others. */
  emit<K extends PageEventName>(name: K, ...payload: Payload<K>): void;
}

export function createEventHub(): PageEvents {
  const listeners = new Map<PageEventName, Set<(payload: unknown) => void>>();
  return {
    on(name, listener, signal) {
      const call = (payload: unknown) => listener(payload as never);
      const off = () => {
        listeners.get(name)?.delete(call);
        signal.removeEventListener('abort', off);
      };
      if (signal.aborted) return off;
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(call);
      signal.addEventListener('abort', off, { once: true });
      return off;
    },
    emit(name, ...payload) {
      for (const listener of Array.from(listeners.get(name) ?? [])) {
        try {
          listener(payload[0]);
        } catch (error) {
          console.warn('Lamplight: a listener failed.', error);
        }
      }
    },
  };
}
