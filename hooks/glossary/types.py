"""The entity types: the one table of ids, Indonesian labels, colours and underline styles.

Everything else reads this table: validation (`entries`), the mentions and cards the extension
emits (`data-entity-type` plus the colours and the underline style as CSS custom properties), the
highlighting switches and the register. The CSS and the script never name a type.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityType:
    id: str
    #: What readers see (Indonesian), singular.
    label: str
    #: Underline and card colour in the light scheme, and in the dark (slate) scheme.
    colour: str
    colour_dark: str
    #: The underline's `text-decoration-style` (solid, dashed, dotted, double, wavy): the cue that
    #: tells the types apart without colour (WCAG 1.4.1), on mentions, switches and cards alike.
    underline: str = "solid"

    @property
    def style(self) -> str:
        """Inline CSS custom properties that carry the colours and the underline to the stylesheet."""
        return (f"--glossary-colour:{self.colour};--glossary-colour-dark:{self.colour_dark};"
                f"--glossary-underline:{self.underline}")


ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("person", "Tokoh", "#8a3ffc", "#c6a0ff", "solid"),
    EntityType("institution", "Lembaga", "#0f62fe", "#8ab4ff", "dashed"),
    EntityType("place", "Tempat", "#198038", "#6fdc8c", "dotted"),
)

TYPES_BY_ID: dict[str, EntityType] = {entity_type.id: entity_type for entity_type in ENTITY_TYPES}
