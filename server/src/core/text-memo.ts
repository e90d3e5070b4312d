/**
 * Performance: what a pure function of a paragraph's text gives, kept by the text. Two generations
 * of at most `size` entries each (or, with `weigh`, of at most `size` in total weight, e.g. characters):
 * memory stays bounded, while the paragraphs of the drafts in use stay warm. The engine hands an unchanged paragraph the same string object on every analysis, so
 * a look-up finds it by identity. Values must be treated as immutable and must not be undefined.
 */
export class TextMemo<T> {
  private current = new Map<string, T>();
  private old = new Map<string, T>();
  private weight = 0;

  constructor(
    private readonly size: number,
    private readonly weigh: (text: string) => number = () => 1,
  ) {}

  get(text: string, compute: (text: string) => T): T {
    const value = this.current.get(text);
    if (value !== undefined) return value;
    return this.set(text, this.old.get(text) ?? compute(text));
  }

  /** Remembers `value` for `text` (replacing what was kept) and returns it. */
  set(text: string, value: T): T {
    if (this.weight >= this.size) {
      this.old = this.current;
      this.current = new Map();
      this.weight = 0;
    }
    if (!this.current.has(text)) this.weight += this.weigh(text);
    this.current.set(text, value);
    return value;
  }
}
