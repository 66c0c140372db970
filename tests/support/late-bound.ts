import { afterAll, beforeAll } from "vitest";

/**
 * An object that stands for one created later (in a `beforeAll`): each property read goes to
 * `current()`, so a test file can hold its world in a `const` at the top and use it in its tests.
 */
export function lateBound<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const value = current();
      if (value === undefined) throw new Error(`${what} is used before its beforeAll created it`);
      return Reflect.get(value, key);
    },
  });
}

/**
 * One `T` per test file (a world, a database): opened before the file's tests — then `ready` may
 * add what the file needs, reading it through the returned object — and closed after them.
 */
export function perTestFile<T extends { close(): Promise<void> }>(
  open: () => Promise<T>,
  ready: () => Promise<void>,
  what: string,
): T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await open();
    await ready();
  });
  afterAll(async () => {
    await value?.close();
  });
  return lateBound(() => value, what);
}
