import type { ComponentType } from "react";
import { QueryView } from "../../app/page.tsx";
import { useArtefact } from "./api.ts";
import { PlanningRoute } from "./artefact-route.tsx";
import { artefactPath, type Scope } from "./scope.ts";
import type { ArtefactDocument } from "./types.ts";
import type { PlanningProgramme } from "./use-planning-programme.ts";

/** What an artefact's editor is given once its page has loaded the artefact. */
export interface ArtefactEditorProps<C, X = null> {
  programme: PlanningProgramme;
  scope: Scope;
  /** API path of the artefact. */
  path: string;
  doc: ArtefactDocument<C>;
  /** The content of the artefact the editor reads beside its own (SWOT: the tags; SANA: the template); null when none. */
  companion: X;
}

type Editor<C, X> = ComponentType<ArtefactEditorProps<C, X>>;

/**
 * The page of an artefact kept per scope (`swot`, `toc`, `action-plan`, `roadmap`, `sana`): the
 * programme and scope from the address, the artefact's current version there (and the companion
 * artefact when named), then its editor, remade when the scope changes.
 */
export function ScopedArtefactPage<C, X = null>({
  segment,
  companion,
  editor,
}: {
  /** Address and API segment of the artefact kind. */
  segment: string;
  /** API path of a programme-wide artefact the editor also needs. */
  companion?: string;
  editor: Editor<C, X>;
}) {
  return (
    <PlanningRoute>
      {(programme, scope) => (
        <ArtefactLoader
          programme={programme}
          scope={scope}
          path={artefactPath(segment, scope)}
          companion={companion}
          editor={editor}
        />
      )}
    </PlanningRoute>
  );
}

/** The page of a programme-wide artefact at a fixed path (the SANA template, the SWOT vocabulary). */
export function ProgrammeArtefactPage<C>({ path, editor }: { path: string; editor: Editor<C, null> }) {
  return (
    <PlanningRoute>
      {(programme, scope) => (
        <ArtefactLoader programme={programme} scope={scope} path={path} editor={editor} />
      )}
    </PlanningRoute>
  );
}

function ArtefactLoader<C, X>({
  programme,
  scope,
  path,
  companion,
  editor: Editor,
}: {
  programme: PlanningProgramme;
  scope: Scope;
  path: string;
  companion?: string;
  editor: Editor<C, X>;
}) {
  const doc = useArtefact<C>(programme.id, path);
  const other = useArtefact<X>(programme.id, companion ?? path, companion !== undefined);
  const needsOther = companion !== undefined;
  const both = {
    data:
      doc.data && (!needsOther || other.data)
        ? { doc: doc.data, companion: (needsOther ? other.data!.content : null) as X }
        : undefined,
    error: doc.error ?? (needsOther ? other.error : null),
    isPending: doc.isPending || (needsOther && other.isPending),
  };
  return (
    <QueryView query={both}>
      {(d) => (
        <Editor
          key={path}
          programme={programme}
          scope={scope}
          path={path}
          doc={d.doc}
          companion={d.companion}
        />
      )}
    </QueryView>
  );
}
