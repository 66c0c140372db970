/**
 * A minimal API client for fixtures and for checking what the server refuses, independent of
 * the browser: logs in, keeps the session cookie and sends the CSRF token on writes.
 */
export class ApiClient {
  private cookie = "";
  private csrf = "";

  private constructor(private readonly baseUrl: string) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const res = await fetch(`${baseUrl}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
    client.cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
    client.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return client;
  }

  async request(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (method !== "GET") headers["x-csrf-token"] = this.csrf;
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }

  get = (url: string) => this.request("GET", url);
  post = (url: string, body: unknown) => this.request("POST", url, body);
}
