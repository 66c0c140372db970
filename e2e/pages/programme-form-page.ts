import type { Locator, Page } from "playwright-core";
import { labelled } from "./shell.ts";

type Phase = "Pre-implementation" | "Implementation" | "Sustainability";

/** The programme create / edit form. */
export class ProgrammeFormPage {
  constructor(private readonly page: Page) {}

  async openNew(): Promise<void> {
    await this.page.goto("/programmes");
    await this.page.getByRole("link", { name: "New programme" }).click();
    await this.page.getByRole("heading", { level: 1, name: "New programme" }).waitFor();
  }

  field(label: string): Locator {
    return this.page.locator("input, textarea").and(this.page.getByLabel(labelled(label)));
  }

  async fillIdentity(v: { code: string; name: string; practice: string | RegExp }): Promise<void> {
    await this.field("Code").fill(v.code);
    await this.field("Name").fill(v.name);
    await this.choose("Practice", v.practice);
  }

  /** Pick an option of a Mantine Select by (part of) its label. */
  async choose(label: string, option: string | RegExp): Promise<void> {
    await this.field(label).click();
    await this.page.getByRole("option", { name: option }).first().click();
  }

  async setPhase(phase: Phase, start: string, end?: string): Promise<void> {
    const group = this.page.getByRole("group", { name: phase, exact: true });
    await this.typeDate(group.getByLabel("Start date", { exact: true }), start);
    if (end) await this.typeDate(group.getByLabel("End date", { exact: true }), end);
  }

  private async typeDate(input: Locator, value: string): Promise<void> {
    await input.click();
    await input.fill(value);
    // Not Enter: in a form, Enter submits it.
    await this.page.keyboard.press("Escape");
  }

  /** Add sites with the multi-select, typing each code. */
  async addSites(codes: string[]): Promise<void> {
    const input = this.field("Sites");
    for (const code of codes) {
      await input.click();
      await input.fill(code);
      await this.page.getByRole("option", { name: new RegExp(`^${code} —`) }).click();
    }
    await this.page.keyboard.press("Escape");
  }

  async setSiteTarget(code: string, target: number): Promise<void> {
    await this.page.getByLabel(`Enrolment target at ${code}`).fill(String(target));
  }

  async submit(): Promise<void> {
    await this.page.getByRole("button", { name: /^(Create programme|Save)$/ }).click();
  }
}
