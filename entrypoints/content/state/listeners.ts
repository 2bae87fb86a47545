/** A set of change listeners; a listener that throws never stops the others. */
export function listeners(): { add(listener: () => void): () => void; notify(): void } {
  const set = new Set<() => void>();
  return {
    add(listener) {
      set.add(listener);
      return () => set.delete(listener);
    },
    notify() {
      for (const listener of Array.from(set)) {
        try {
          listener();
        } catch (error) {
          console.warn('Lamplight: a listener failed.', error);
        }
      }
    },
  };
}
