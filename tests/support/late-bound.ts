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
