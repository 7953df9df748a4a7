// Past this number a bit per ticket would cost more than it saves; such numbers go in a Set.
const BITMAP_LIMIT = 1 << 27; // 16 MiB of bits at the very most

/**
 * The ticket numbers met so far in one read. Groove numbers an account's tickets from 1 up
 * (reference/groove-api.md §5.1), so one bit per number keeps 200,000 tickets in 25 KB where a
 * Set of numbers would take about 5 MB and grow with every ticket.
 */
export class TicketNumberSet {
  private bits = new Uint8Array(1024);
  private readonly large = new Set<number>();

  /** Adds the number; true when it was not there before. */
  add(number: number): boolean {
    if (number < 0 || number >= BITMAP_LIMIT) {
      if (this.large.has(number)) return false;
      this.large.add(number);
      return true;
    }
    const byte = number >>> 3;
    const mask = 1 << (number & 7);
    if (byte >= this.bits.length) this.grow(byte);
    if ((this.bits[byte]! & mask) !== 0) return false;
    this.bits[byte]! |= mask;
    return true;
  }

  has(number: number): boolean {
    if (number < 0 || number >= BITMAP_LIMIT) return this.large.has(number);
    const byte = number >>> 3;
    return byte < this.bits.length && (this.bits[byte]! & (1 << (number & 7))) !== 0;
  }

  private grow(byte: number): void {
    let size = this.bits.length;
    while (size <= byte) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.bits);
    this.bits = bigger;
  }
}
