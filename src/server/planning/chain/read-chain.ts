import type { z } from "zod";
import type { Executor } from "../../infra/db/executor.ts";
import { invalid } from "../../infra/http/errors.ts";
import { loadChainElements } from "./elements.ts";
import { buildChain, CHAIN_KINDS, follow, ref } from "./graph.ts";
import { storedLinks } from "./repository.ts";
import type { ChainView } from "./schemas.ts";

/** A scope's chain: elements, links (artefact and stored), flags, and the followed focus. */
export async function readChain(
  db: Executor,
  programmeId: number,
  siteId: number | null,
  canEdit: boolean,
  focus: string | undefined,
): Promise<ChainView> {
  const [{ elements, links }, stored] = await Promise.all([
    loadChainElements(db, programmeId, siteId),
    storedLinks(db, programmeId, siteId),
  ]);
  const graph = buildChain(elements, [...links, ...stored]);
  let followed: z.infer<typeof ChainView>["focus"] = null;
  if (focus) {
    const [kind, ...rest] = focus.split(":");
    const key = rest.join(":");
    if (
      !(CHAIN_KINDS as readonly string[]).includes(kind!) ||
      !graph.nodes.some((n) => ref(n.kind, n.key) === focus)
    )
      throw invalid("querystring.focus", "reference", `no element ${focus} in this chain`);
    followed = { ref: focus, ...follow(graph, { kind: kind!, key }) };
  }
  return { programmeId, siteId, canEdit, ...graph, focus: followed };
}
