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
    "strategi": {"purpose", "changes", "starting_point", "needs", "principles", "focus_areas", "group_plans", "roles", "year_wheel",
                 "follow_up", "appendix"},
    "grus": {"purpose", "tasks", "competences", "plan", "mus", "su", "follow_up", "appendix"},
}
REQUIRED_COLUMNS = {"strategi": {"focus_areas": 5, "year_wheel": 2}, "grus": {"plan": 8}}


class MusTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    subtitle: str = Field(min_length=1)
    intro: str = Field(min_length=1)
    themes_heading: str = Field(min_length=1)
    priorities_heading: str = Field(min_length=1)
    guide_heading: str = Field(min_length=1)
    leader: list[str] = Field(min_length=1)
    employee: list[str] = Field(min_length=1)
    empty: str = Field(min_length=1)


class EvaluationTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    subtitle: str = Field(min_length=1)
    intro: str = Field(min_length=1)
    table_heading: str = Field(min_length=1)
    columns: list[str] = Field(min_length=7, max_length=7)
    groups_heading: str = Field(min_length=1)
    mus_label: str = Field(min_length=1)
    su_label: str = Field(min_length=1)
    activities_label: str = Field(min_length=1)
    conclusions_heading: str = Field(min_length=1)
    no_groups: str = Field(min_length=1)
    no_feedback: str = Field(min_length=1)
    no_mus: str = Field(min_length=1)
    no_conclusions: str = Field(min_length=1)


class LoopTemplates(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mus: MusTemplate
    evaluation: EvaluationTemplate
