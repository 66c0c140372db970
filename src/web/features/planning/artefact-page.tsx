import type { ComponentType } from "react";
import { QueryView } from "../../app/page.tsx";
import { useArtefact } from "./api.ts";
import type { ArtefactPlace } from "./artefact-frame.tsx";
import { PlanningRoute } from "./artefact-route.tsx";
import { artefactPath, REGION, type Scope } from "./scope.ts";
import type { ArtefactDocument } from "./types.ts";
import type { PlanningProgramme } from "./use-planning-programme.ts";

/** What an artefact's editor is given once its page has loaded the artefact. */
export interface ArtefactEditorProps<C, X = null> {
  programme: PlanningProgramme;
  scope: Scope;
  /** API path of the artefact. */
  path: string;
  doc: ArtefactDocument<C>;
  /** The same for the page's frame. */
  place: ArtefactPlace;
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
          place={{ programme, artefact: segment, scope, path: artefactPath(segment, scope) }}
          companion={companion}
          editor={editor}
        />
      )}
    </PlanningRoute>
  );
}

/** The page of a programme-wide artefact at a fixed path (the SANA template, the SWOT vocabulary). */
export function ProgrammeArtefactPage<C>({
  artefact,
  path,
  editor,
}: {
  /** Address segment: `sana-template`, `swot-tags`. */
  artefact: string;
  path: string;
  editor: Editor<C, null>;
}) {
  return (
    <PlanningRoute>
      {(programme) => <ArtefactLoader place={{ programme, artefact, scope: null, path }} editor={editor} />}
    </PlanningRoute>
  );
}

function ArtefactLoader<C, X>({
  place,
  companion,
  editor: Editor,
}: {
  place: ArtefactPlace;
  companion?: string;
  editor: Editor<C, X>;
}) {
  const { programme, path } = place;
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
          scope={place.scope ?? REGION}
          path={path}
          place={place}
          doc={d.doc}
          companion={d.companion}
        />
      )}
    </QueryView>
  );
}
