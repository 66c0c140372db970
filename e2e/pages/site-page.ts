import type { Locator, Page } from "playwright-core";
import { labelled } from "./shell.ts";

export interface NewMember {
  code: string;
  profile: string;
  coordinator?: boolean;
  trained?: boolean;
  hours?: number;
}

/** A site's page with its implementation team. */
export class SitePage {
  constructor(private readonly page: Page) {}

  get team(): Locator {
    return this.page.getByRole("table", { name: /Implementation team|All professionals/ });
  }

  row(code: string): Locator {
    return this.team
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: code, exact: true }) });
  }

  async addMember(m: NewMember): Promise<void> {
    await this.page.getByRole("button", { name: "Add professional" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Add professional" });
    await dialog.getByLabel(labelled("Professional code")).fill(m.code);
    await dialog
      .locator("input")
      .and(dialog.getByLabel(labelled("Profile")))
      .click();
    await this.page.getByRole("option", { name: m.profile, exact: true }).click();
    if (m.coordinator) await dialog.getByLabel("Team coordinator").check();
    if (m.trained) await dialog.getByLabel("Trained").check();
    if (m.hours !== undefined) await dialog.getByLabel("Training hours").fill(String(m.hours));
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
  }
}
