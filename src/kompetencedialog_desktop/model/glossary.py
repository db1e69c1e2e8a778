"""Danish words the model's values are shown with, in one place (ui and storage both use them)."""

from __future__ import annotations

DANISH_MONTH_NAMES = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                      "september", "oktober", "november", "december")

# A card that is a method step (content.CardStep) is labelled with what the room does.
CARD_STEP_METHODS = {"samtale": "", "klynge": "saml i klynger", "prioriter": "prioritér med prikker",
                     "vaelg": "vælg de vigtigste", "opsummer": "opsummér"}


def card_step_label(step: str) -> str:
    """'Metode: saml i klynger' for a method card, '' for a conversation card."""
    method = CARD_STEP_METHODS.get(step, "")
    return f"Metode: {method}" if method else ""
