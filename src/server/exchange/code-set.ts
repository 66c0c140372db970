import { detach } from "./fields.ts";

/**
 * Uniqueness of codes within a file in bounded memory: a set of 64-bit hashes of the codes (8 bytes
 * per code in typed arrays, instead of a JavaScript string and a Set entry — ~10× less for a file
 * of ten million interventions). A hash seen twice makes the code a *suspect*; the caller then
 * re-reads the file once, collecting the lines of the suspects only, so a true duplicate is
 * reported with both lines and a hash collision (about one in 10¹² for ten million codes) costs
 * a re-read but never a false report.
 */
export class CodeSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private mask: number;
  private count = 0;
  /** Codes whose hash was already present. */
  readonly suspects = new Set<string>();

  constructor(initialCapacity = 1024) {
    let cap = 1024;
    while (cap < initialCapacity * 2) cap *= 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Add a code; false (and the code becomes a suspect) when its hash is already present. */
  add(code: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < code.length; i++) {
      const c = code.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 13;
    }
    h1 = fmix(h1 ^ code.length);
    h2 = fmix(h2) | 1; // never 0: 0/0 marks an empty slot
    if (!this.insert(h1 >>> 0, h2 >>> 0)) {
      this.suspects.add(detach(code));
      return false;
    }
    if (++this.count * 4 > (this.mask + 1) * 3) this.grow();
    return true;
  }

  private insert(h1: number, h2: number): boolean {
    const { hi, lo, mask } = this;
    let i = h1 & mask;
    for (;;) {
      const l = lo[i]!;
      if (l === 0) {
        hi[i] = h1;
        lo[i] = h2;
        return true;
      }
      if (l === h2 && hi[i] === h1) return false;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    const cap = (this.mask + 1) * 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < hi.length; i++) if (lo[i] !== 0) this.insert(hi[i]!, lo[i]!);
  }
}

/** MurmurHash3's finaliser: spreads every input bit over the whole word. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
