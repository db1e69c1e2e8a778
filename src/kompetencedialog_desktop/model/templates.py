"""The Word templates' fixed texts (resources/templates/), as data."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .content import WorkshopKind


class SectionText(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    heading: str = Field(min_length=1)
    intro: str = ""
    paragraphs: list[str] = Field(default_factory=list)
    empty: str = ""
    next: str = ""
    none: str = ""


class DocumentTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    workshop: WorkshopKind
    document_title: str = Field(min_length=1)
    subtitle: str = Field(min_length=1)
    sections: dict[str, SectionText]
    columns: dict[str, list[str]]

    def section(self, key: str) -> SectionText:
        return self.sections[key]


REQUIRED_SECTIONS = {
    "strategi": {"purpose", "starting_point", "principles", "focus_areas", "roles", "year_wheel", "follow_up", "appendix"},
    "grus": {"purpose", "tasks", "competences", "plan", "mus", "su", "follow_up", "appendix"},
}
REQUIRED_COLUMNS = {"strategi": {"focus_areas": 5, "year_wheel": 2}, "grus": {"plan": 8}}
