"""``/entities/{id}``: one node with all its relations, each with role, date and source document and line."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from govkg.api import graphdata
from govkg.api.deps import IdPath, StoreDep
from govkg.api.models import EntityOut, RelationOut

router = APIRouter(tags=["entities"])

Label = Literal["Agency", "Body", "Person", "Post", "Document", "Task"]


def load_entities(store, entity_id: str, label: str | None) -> list[graphdata.Entity]:
    """The entities with this id, or 404 with a clear message."""
    found = graphdata.entity(store, entity_id, label)
    if not found:
        raise HTTPException(404, f"no {label or 'entity'} with id {entity_id!r}")
    return found


@router.get("/entities/{entity_id:path}", response_model=list[EntityOut],
            summary="An entity and all its relations (one per label when ids coincide)")
def get_entity(
    store: StoreDep,
    entity_id: IdPath,
    label: Annotated[Label | None, Query(description="the node type, when known")] = None,
) -> list[EntityOut]:
    return [EntityOut(label=e.label, id=e.id, name=e.name, props=e.props,
                      relations=[RelationOut(**vars(r)) for r in e.relations])
            for e in load_entities(store, entity_id, label)]
