import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "../support/server.ts";

/** The sign-in page. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/login");
    await this.page.getByRole("heading", { name: "Sign in" }).waitFor();
  }

  /** Sign in as a demo user and wait for the home page. */
  async signInAs(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.open();
    await this.page.getByLabel("Username").fill(username);
    await this.page.getByLabel(/^Password/).fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    // the first page after signing in loads the user's programmes and worklists: on a CI machine
    // running the API suites beside the browser, that has taken longer than the default 15 s
    await this.page.getByRole("heading", { level: 1, name: /^Welcome/ }).waitFor({ timeout: 45_000 });
  }
}
