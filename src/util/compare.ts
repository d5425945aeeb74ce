/**
 * Orders strings by UTF-16 code unit: deterministic in every locale and much cheaper than
 * String.prototype.localeCompare, whose first call initializes ICU (~10 ms of CLI start-up).
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
