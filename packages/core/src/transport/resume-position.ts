/**
 * Where a stream stands, for skipping what a resumed connection replays, in O(1) memory: the first
 * and last event ids yielded, how many yielded events in a row carry the last id, and how many were
 * yielded in all. Ids need not be unique (some servers send one id per message).
 *
 * On a new connection its first event decides: the first id (and not only a last-id run, which looks
 * the same) means a replay from the start, so `count` events are skipped; the last id means a replay
 * from that id's first event, so the `lastIdRun` events already yielded are skipped; any other id is
 * new (the server honoured `Last-Event-ID`) and nothing is skipped.
 *
 * @example
 * const position = new ResumePosition();
 * position.take('1'); position.take('2'); // true, true: yield both
 * position.reconnect();
 * position.take('2'); position.take('3'); // false (a replay of '2'), true
 */
export class ResumePosition {
  firstId = '';
  lastId = '';
  /** Yielded events in a row, at the end, that carry `lastId`. */
  lastIdRun = 0;
  /** Yielded events in all. */
  count = 0;
  /** The next event is the first of a resumed connection. */
  deciding = false;
  /** Events still to skip on this connection. */
  skipping = 0;

  /** A resumed connection begins. */
  reconnect(): void {
    this.deciding = this.count > 0;
    this.skipping = 0;
  }

  /** Whether the event with this id is new (to be yielded, and recorded as such) rather than a replay. */
  take(id: string): boolean {
    if (this.deciding) {
      this.deciding = false;
      const fromStart = id === this.firstId && (id !== this.lastId || this.lastIdRun === this.count);
      this.skipping = fromStart ? this.count : id === this.lastId ? this.lastIdRun : 0;
    }
    if (this.skipping > 0) {
      this.skipping--;
      return false;
    }
    if (this.count === 0) this.firstId = id;
    this.count++;
    this.lastIdRun = id === this.lastId ? this.lastIdRun + 1 : 1;
    this.lastId = id;
    return true;
  }
}
