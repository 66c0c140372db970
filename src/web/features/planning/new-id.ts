/** A fresh item id with a readable prefix, e.g. `output-3f9a0c1d` (the server keeps ids it is given). */
export const newId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
