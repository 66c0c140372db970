import type { Locator, Page } from "playwright-core";

/** The signed-in layout: navigation and the user menu. */
export class Shell {
  constructor(private readonly page: Page) {}

  get navigation(): Locator {
    return this.page.getByRole("navigation", { name: /Main navigation|Navigazione principale/ });
  }

  navLink(name: string | RegExp): Locator {
    return this.navigation.getByRole("link", { name });
  }

  async go(name: string | RegExp): Promise<void> {
    await this.navLink(name).click();
  }

  /** Open the user menu (its button carries the display name) and choose a language. */
  async switchLanguage(displayName: string, language: "English" | "Italiano"): Promise<void> {
    await this.page.getByRole("banner").getByRole("button", { name: displayName }).click();
    await this.page.getByRole("menuitem", { name: language }).click();
    // the menu closes with a transition: wait until it is gone, so that what follows (an axe
    // check, a screenshot) sees the page and not a menu half-way out
    await this.page.getByRole("menu").waitFor({ state: "detached" });
  }

  async signOut(displayName: string): Promise<void> {
    await this.page.getByRole("banner").getByRole("button", { name: displayName }).click();
    await this.page.getByRole("menuitem", { name: /Sign out|Esci/ }).click();
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }
}

/** The error Mantine shows under an input, found through the input's aria-describedby. */
export async function errorOf(field: Locator): Promise<string | null> {
  if ((await field.getAttribute("aria-invalid")) !== "true") return null;
  const ids = (await field.getAttribute("aria-describedby"))?.split(/\s+/) ?? [];
  for (const id of ids) {
    if (!id.includes("error")) continue;
    const text = await field.page().locator(`[id="${id}"]`).textContent();
    if (text) return text;
  }
  return null;
}

/** A label as Playwright reads it: the text, then " *" when the field is required. */
export function labelled(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\*)?$`);
}
