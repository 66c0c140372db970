import { sql } from "kysely";
import type { Database } from "./database.ts";
import type { ChannelListener } from "./notifications.ts";

/** Something that keeps what a notification topic can make stale. */
export interface ChangeSubscriber {
  /** A notification's payload (see the migration that sends it). */
  message(payload: string): void;
  /** Notifications may have been missed (the connection dropped or came back): drop everything. */
  reset(): void;
}

export type Topic = "auth" | "data";

export interface Log {
  warn(message: string): void;
  info(message: string): void;
}

/**
 * The process's one LISTEN subscription, to the two channels the database's triggers notify
 * (migration 0011: sessions, users, grants → `auth`; migration 0012: programme reference data
 * → `data`), shared by the per-process caches that depend on them. One connection, one barrier
 * per request whatever the number of caches it reads (see notifications.ts).
 */
export interface ChangeFeed {
  readonly listener: ChannelListener;
  subscribe(topic: Topic, subscriber: ChangeSubscriber): void;
  close(): Promise<void>;
}

export async function openChangeFeed(database: Database, log: Log): Promise<ChangeFeed> {
  const { rows } = await sql<{ auth: string; data: string }>`
    select praxis_auth_channel(current_schema()) as auth, praxis_data_channel(current_schema()) as data`.execute(
    database.db,
  );
  const channels = { auth: rows[0]!.auth, data: rows[0]!.data };
  const subscribers: Record<Topic, ChangeSubscriber[]> = { auth: [], data: [] };
  const all = () => [...subscribers.auth, ...subscribers.data];
  const listener = await database.listen([channels.auth, channels.data], {
    message(channel, payload) {
      const topic: Topic = channel === channels.auth ? "auth" : "data";
      for (const s of subscribers[topic]) s.message(payload);
    },
    lost(reason) {
      for (const s of all()) s.reset();
      log.warn(`caches off (every request asks the database): change notifications lost: ${reason}`);
    },
    restored() {
      for (const s of all()) s.reset();
      log.info("caches on again: listening for change notifications");
    },
  });
  return {
    listener,
    subscribe(topic, subscriber) {
      subscribers[topic].push(subscriber);
    },
    close: () => listener.close(),
  };
}
