import type { Locator, Page } from "playwright-core";
import { settle } from "./axe.ts";
import { choose, field } from "./registry.ts";

/** The planning toolkit's pages: the plan's home, artefact editors, cross-site views, history. */
export class PlanningPages {
  constructor(private readonly page: Page) {}

  url(programmeId: number, ...rest: Array<string | number>): string {
    return ["", "programmes", programmeId, "planning", ...rest].join("/");
  }

  async open(programmeId: number, heading: string | RegExp, ...rest: Array<string | number>): Promise<void> {
    await this.page.goto(this.url(programmeId, ...rest));
    await settle(this.page, heading);
  }

  /** The save button of the artefact on the page ("Save as version N"). */
  get saveButton(): Locator {
    return this.page.getByRole("button", { name: /^Save as version \d+$/ });
  }

  /** Save the artefact and wait for the server's confirmation. */
  async save(): Promise<number> {
    const name = (await this.saveButton.textContent()) ?? "";
    const version = Number(/(\d+)$/.exec(name.trim())?.[1]);
    await this.saveButton.click();
    await this.page.getByText(`Version ${version} saved`).first().waitFor();
    return version;
  }

  /** Pick options of a Mantine MultiSelect by their labels, then close it. */
  async pickMany(scope: Page | Locator, label: string, options: string[]): Promise<void> {
    const input = field(scope, label);
    for (const option of options) {
      await input.click();
      await input.fill(option);
      await this.page.getByRole("option", { name: option, exact: true }).click();
    }
    await this.page.keyboard.press("Escape");
  }

  // SWOT

  quadrant(name: "Strengths" | "Weaknesses" | "Opportunities" | "Threats"): Locator {
    return this.page.getByRole("region", { name });
  }

  async addSwotItem(
    quadrant: "Strengths" | "Weaknesses" | "Opportunities" | "Threats",
    text: string,
    tags: string[],
  ): Promise<void> {
    await this.quadrant(quadrant)
      .getByRole("button", { name: `Add to ${quadrant}` })
      .click();
    const dialog = this.page.getByRole("dialog", { name: `Add to ${quadrant}` });
    await field(dialog, "What it is").fill(text);
    await this.pickMany(dialog, "Tags", tags);
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
  }

  /** A row of the common-factor table: the tag's label in a quadrant. */
  commonFactor(label: string, quadrant: string): Locator {
    return this.page
      .getByRole("table", { name: "Common factors" })
      .getByRole("row")
      .filter({ hasText: label })
      .filter({ has: this.page.getByText(quadrant, { exact: true }) });
  }

  // Theory of Change

  get addBoxForm(): Locator {
    return this.page.getByRole("form", { name: "Add a box" });
  }

  /** The panel of the selected box ("Selected: Output"). */
  selectedBox(type: string): Locator {
    return this.page.getByRole("region", { name: `Selected: ${type}` });
  }

  /** A box of the diagram by (part of) its text. */
  box(text: string): Locator {
    return this.page.locator(".react-flow__node").filter({ hasText: text });
  }

  /** Add a box through the form; it is then the selected one. */
  async addBox(type: string, text: string): Promise<void> {
    await choose(this.addBoxForm, "Type", type);
    await field(this.addBoxForm, "What it says").fill(text);
    await this.addBoxForm.getByRole("button", { name: "Add box" }).click();
    await this.box(text).waitFor();
    await this.selectedBox(type).waitFor();
  }

  /** From the selected box, draw an arrow to the box whose text starts with `to`. */
  async arrowTo(fromType: string, to: string, rationale = ""): Promise<void> {
    const panel = this.selectedBox(fromType);
    await choose(panel, "Draw an arrow to", new RegExp(`: ${to.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    if (rationale) await field(panel, "Rationale").fill(rationale);
    await panel.getByRole("button", { name: "Add arrow" }).click();
  }

  async selectBox(text: string): Promise<void> {
    await this.box(text).click();
  }
}
