/** "2 av 3" and whether the veileder is over capacity. */
export function loadText(currentLoad: number, capacity: number): { text: string; over: boolean } {
  return { text: `${currentLoad} av ${capacity} ALIS`, over: currentLoad > capacity };
}
