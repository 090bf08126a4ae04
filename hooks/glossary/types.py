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
    #: The schema.org type of an entry of this type (JSON-LD).
    schema_type: str = "Thing"

    @property
    def style(self) -> str:
        """Inline CSS custom properties that carry the colours and the underline to the stylesheet."""
        return (f"--glossary-colour:{self.colour};--glossary-colour-dark:{self.colour_dark};"
                f"--glossary-underline:{self.underline}")


ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("person", "Tokoh", "#8a3ffc", "#c6a0ff", "solid", "Person"),
    EntityType("institution", "Lembaga", "#0f62fe", "#8ab4ff", "dashed", "Organization"),
    EntityType("place", "Tempat", "#198038", "#6fdc8c", "dotted", "Place"),
)

TYPES_BY_ID: dict[str, EntityType] = {entity_type.id: entity_type for entity_type in ENTITY_TYPES}


def css_rules() -> str:
    """The types' colours and underlines as a stylesheet, for a host that serves one: then mentions
    need no inline style each (one per mention was a large share of a page's markup)."""
    return "".join(f'[data-entity-type="{entity_type.id}"]{{{entity_type.style}}}\n' for entity_type in ENTITY_TYPES)
