/** The last `limit` items, oldest first: a fixed-size buffer, O(1) per push. */
export class Ring<T> {
  private readonly items: T[] = [];
  private next = 0;

  constructor(private readonly limit: number) {}

  push(item: T): void {
    if (this.limit <= 0) return;
    if (this.items.length < this.limit) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.limit;
  }

  toArray(): T[] {
    return this.items.length < this.limit ? [...this.items] : [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }
}
