// Moving bytes between threads without copying them twice. postMessage clones a typed array together with its whole
// ArrayBuffer (a Buffer from Node's pool drags the 8 KB slab along; a subarray drags its parent); a transferred
// ArrayBuffer moves for free but is gone from the sender.

/** A deep copy of `value` for sending: every Uint8Array (Buffers included) becomes a fresh one that owns exactly its
 * bytes, listed in `transfer` so it moves instead of being cloned again. The caller's own arrays stay usable. The same
 * array met twice (a screenshot that is also the original) is copied once and arrives as one array. Plain objects,
 * arrays and everything structured clone accepts (Dates, strings) go through as they are. */
export function copyForTransfer<T>(value: T): { value: T; transfer: ArrayBuffer[] } {
  const copies = new Map<Uint8Array, Uint8Array>();
  const transfer: ArrayBuffer[] = [];
  const walk = (v: unknown): unknown => {
    if (v instanceof Uint8Array) {
      let copy = copies.get(v);
      if (!copy) {
        const buf = new ArrayBuffer(v.length);
        copy = new Uint8Array(buf);
        copy.set(v);
        copies.set(v, copy);
        transfer.push(buf);
      }
      return copy;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return { value: walk(value) as T, transfer };
}

/** The ArrayBuffer to transfer for `bytes`, if `bytes` is all of it (otherwise moving it would move other data, or
 * fail for a pooled Buffer): the answer then goes without a copy. */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer[] {
  const buf = bytes.buffer;
  return buf instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buf.byteLength ? [buf] : [];
}
